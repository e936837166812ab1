import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ChannelContext,
  invoke,
  type MeetingDetails,
  meetingEvent,
  participantsEvent,
} from '../../graph/simulator/bot-connector/activities.js';
import { botId, teamsMeetingId } from '../../graph/simulator/bot-connector/teams-ids.js';

/**
 * The simulated Teams channel (graph/simulator/bot-connector/activities.ts) against Microsoft's
 * published examples (test/contract/microsoft/teams/, sources.json): the same members, the same
 * casing, and null where Microsoft sends null. Where it still differs, and why:
 * microsoft/teams/DIVERGENCES.md.
 */
type Json = Record<string, unknown>;
const example = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`./microsoft/teams/${name}`, import.meta.url), 'utf8')) as Json;

const thread = '19:meeting_NTM3ZDJjOTUtZGRhOS00MzYxLTk5NDAtMzY4M2IzZWFjZGE1@thread.v2';
const ctx: ChannelContext = {
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  appId: '2f1c8a3e-5b7d-4c9e-8a1f-3d6b9e2c4a70',
  tenantId: '9f044231-b634-4bdd-b29d-2776e3dbd699',
};
const chair = { aadObjectId: 'e236c4bf-88b1-4f3a-b1d7-8891dfc332b5', name: 'Chair' };
const a: MeetingDetails = {
  meetingId: teamsMeetingId(thread),
  chatThreadId: thread,
  joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0`,
  title: 'Northfield MARAC',
};

/** Member names of an object, sorted. */
const keys = (value: unknown) => Object.keys((value ?? {}) as Json).sort();
const valueOf = (activity: Json) => activity.value as Json;

describe('the simulated Teams channel emits what Microsoft publishes', () => {
  const simStart = (casing?: 'pascal' | 'camel') =>
    meetingEvent(ctx, 'start', chair, a, { casing }) as Json;
  const simEnd = (casing?: 'pascal' | 'camel') =>
    meetingEvent(ctx, 'end', chair, a, { casing }) as Json;

  it('meeting start and end: every member of the docs’ activities, with the same casing, and their nulls', () => {
    for (const [sim, docs] of [
      [simStart(), example('meeting-start.docs.json')],
      [simEnd(), example('meeting-end.docs.json')],
    ] as const) {
      expect(keys(sim)).toEqual(expect.arrayContaining(keys(docs)));
      for (const part of ['from', 'conversation', 'recipient', 'channelData'])
        expect(keys(sim[part]), part).toEqual(expect.arrayContaining(keys(docs[part])));
      expect(keys((sim.entities as Json[])[0])).toEqual(
        expect.arrayContaining(keys((docs.entities as Json[])[0])),
      );
      expect((sim.channelData as Json).source).toBeNull();
    }
    expect(keys(valueOf(simStart()))).toEqual(keys(valueOf(example('meeting-start.docs.json'))));
    // The end as live Teams sends it: the docs' members plus "StartTime": null.
    expect(keys(valueOf(simEnd()))).toEqual(keys(example('meeting-end.channel-live.value.json')));
    expect(valueOf(simEnd()).StartTime).toBeNull();
  });

  it('camelCase values have the Teams SDK fixtures’ members', () => {
    expect(keys(valueOf(simStart('camel')))).toEqual(
      keys(valueOf(example('meeting-start.teams-net.json'))),
    );
    expect(keys(valueOf(simEnd('camel')))).toEqual(
      expect.arrayContaining(keys(valueOf(example('meeting-end.teams-net.json')))),
    );
  });

  it('participant join and leave: people and bots with the fixtures’ members, bots with role bot', () => {
    for (const [kind, name] of [
      ['join', 'participant-join.teams-net.json'],
      ['leave', 'participant-leave.teams-net.json'],
    ] as const) {
      const published = (valueOf(example(name)).members as Json[]).map((m) => ({
        user: keys(m.user),
        meeting: keys(m.meeting),
        role: (m.meeting as Json).role,
      }));
      const sim = participantsEvent(ctx, kind, a, [
        { user: chair },
        { botId: botId(ctx.appId), name: 'Virtual MARAC' },
      ]) as Json;
      const members = valueOf(sim).members as Json[];
      for (const [i, m] of members.entries()) {
        expect(keys(m.user)).toEqual(expect.arrayContaining(published[i]!.user));
        expect(keys(m.meeting)).toEqual(published[i]!.meeting);
      }
      expect((members[1]!.meeting as Json).role).toBe(published[1]!.role);
    }
  });

  it('an invoke has the members of the one captured from Teams', () => {
    const published = example('adaptive-card-action.teams-net.json');
    const sim = invoke(
      ctx,
      chair,
      { id: a.chatThreadId, meetingId: a.meetingId },
      'adaptiveCard/action',
      {
        action: { type: 'Action.Execute', verb: 'refresh', data: {} },
        trigger: 'manual',
      },
    ) as Json;
    // replyToId names the card's message; the simulator's invoke is not tied to a posted card.
    expect(keys(sim)).toEqual(
      expect.arrayContaining(keys(published).filter((k) => k !== 'replyToId')),
    );
    expect(keys(valueOf(sim))).toEqual(keys(valueOf(published)));
  });
});
