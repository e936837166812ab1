import { describe, expect, it } from 'vitest';
import { aadObjectIdOf, teamsMeetingId, teamsUserId, threadIdOfMeeting } from './teams-ids.js';

describe('Teams identifiers', () => {
  it('maps an Entra object id to a 29: MRI and back', () => {
    const oid = '6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab';
    expect(teamsUserId(oid)).toMatch(/^29:1[A-Za-z0-9_-]{22}$/);
    expect(aadObjectIdOf(teamsUserId(oid))).toBe(oid);
    expect(aadObjectIdOf('29:not-ours')).toBeNull();
  });
  it('carries the meeting chat thread in the meeting id, as Teams does', () => {
    const thread = '19:meeting_abc@thread.v2';
    expect(Buffer.from(teamsMeetingId(thread), 'base64').toString()).toBe(`0#${thread}#0`);
    expect(threadIdOfMeeting(teamsMeetingId(thread))).toBe(thread);
    expect(threadIdOfMeeting('bm90IGEgbWVldGluZw==')).toBeNull();
  });
});
