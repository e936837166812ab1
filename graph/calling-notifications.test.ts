import { describe, expect, it } from 'vitest';
import { parseCallingNotifications } from './calling-notifications.js';

const stream = (label: string, direction: string) => ({
  mediaType: label.endsWith('video') ? 'video' : 'audio',
  label,
  direction,
});

describe('calling webhook notifications', () => {
  it('reads cameras from main-video, keeps guests without an id, leaves bots out, and accepts the older resource field', () => {
    const parsed = parseCallingNotifications({
      value: [
        {
          changeType: 'updated',
          resource: '/app/calls/c-1/participants',
          resourceData: [
            {
              info: { identity: { user: { id: 'u-1', displayName: 'Chair' } } },
              mediaStreams: [stream('main-audio', 'sendReceive'), stream('main-video', 'sendOnly')],
            },
            {
              info: { identity: { guest: { id: 'g', displayName: 'Guest' } } },
              mediaStreams: [stream('main-video', 'receiveOnly')],
            },
            {
              info: { identity: { application: { id: 'bot', displayName: 'Virtual MARAC' } } },
              mediaStreams: [],
            },
          ],
        },
        {
          changeType: 'updated',
          resourceUrl: '/communications/calls/c-1/operations/x',
          resourceData: {},
        },
      ],
    });
    expect(parsed).toEqual([
      {
        kind: 'roster',
        callId: 'c-1',
        participants: [
          { entraObjectId: 'u-1', displayName: 'Chair', inMeeting: true, cameraOn: true },
          { entraObjectId: null, displayName: 'Guest', inMeeting: true, cameraOn: false },
        ],
      },
    ]);
  });
});
