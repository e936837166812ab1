import express from 'express';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCallingNotifications } from '../../graph/calling-notifications.js';
import { GraphAttendanceReports } from '../../graph/graph-attendance-reports.js';
import { GraphCallRecords } from '../../graph/graph-call-records.js';
import { GraphCallingBot, parseJoinUrl } from '../../graph/graph-calling-bot.js';
import { GraphMeetingScheduler } from '../../graph/graph-meeting-scheduler.js';
import type { OnlineMeetingRef } from '../../core/ports/meeting-scheduler.js';
import { FakeClock } from '../support/fake-clock.js';
import { listen } from '../support/http.js';
import {
  APP_ID,
  type ContractTenant,
  emailOf,
  MAILBOX,
  startContractTenant,
  TENANT_ID,
  userId,
} from './support/contract-tenant.js';

const clock = new FakeClock('2026-12-02T09:20:00Z');
const at = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00Z`);
let t: ContractTenant;
let reports: GraphAttendanceReports;
let meeting: OnlineMeetingRef & { joinUrl: string };
const webhook: { headers: Record<string, string>; body: unknown }[] = [];
let receiver: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  t = await startContractTenant({ clock, pageSize: 2, reportDelayMs: 5 * 60_000 });
  reports = new GraphAttendanceReports({ graph: t.graph, organizer: MAILBOX });
  const app = express();
  app.post('/api/calling', express.json(), (req, res) => {
    webhook.push({ headers: req.headers as Record<string, string>, body: req.body });
    res.status(202).end();
  });
  receiver = await listen(app);
});
beforeEach(async () => {
  t.reset();
  webhook.length = 0;
  clock.set('2026-12-02T09:20:00Z');
  const scheduler = new GraphMeetingScheduler({
    graph: t.graph,
    organizer: MAILBOX,
    teamsAppId: 'app',
    graphBaseUrl: t.tenant.graphBaseUrl,
  });
  const { joinUrl } = await scheduler.createEvent({
    subject: 'Northfield MARAC',
    start: at('09:30'),
    end: at('13:00'),
    timeZone: 'Europe/London',
    attendees: [],
    bodyHtml: '<p>MARAC</p>',
  });
  meeting = { ...(await scheduler.findOnlineMeeting(joinUrl)), joinUrl };
  t.calls.length = 0;
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

/** A meeting that ran 09:30-12:00 with a late joiner, a rejoin, a guest by phone and cameras. */
async function runMeeting() {
  const e = t.tenant.engine;
  const id = meeting.onlineMeetingId;
  await e.join(
    id,
    {
      userId: userId('chair'),
      displayName: 'Chair',
      email: emailOf('chair'),
      role: 'Organizer',
      camera: true,
    },
    at('09:30'),
  );
  await e.join(
    id,
    { userId: userId('police-rep'), displayName: 'Police rep', email: emailOf('police-rep') },
    at('09:31'),
  );
  await e.join(
    id,
    {
      userId: userId('idva-rep'),
      displayName: 'IDVA rep',
      email: emailOf('idva-rep'),
      camera: true,
    },
    at('09:45'),
  );
  await e.join(id, { displayName: '+44 7700 900123' }, at('10:00')); // by phone: no identity, no e-mail
  // Joined before the meeting's recorded start, as Teams reports sometimes show.
  await e.join(
    id,
    { userId: userId('housing-rep'), displayName: 'Housing rep', email: emailOf('housing-rep') },
    at('09:15'),
  );
  await e.camera(id, userId('police-rep'), true, at('10:00'));
  await e.leave(id, userId('police-rep'), at('10:30'));
  await e.join(
    id,
    { userId: userId('police-rep'), displayName: 'Police rep', email: emailOf('police-rep') },
    at('11:00'),
  );
  return e.end(id, at('12:00'));
}

describe('AttendanceReports over Graph (contract)', () => {
  it('finds no report until Teams has generated it, then one with every record across pages', async () => {
    await runMeeting();
    clock.set(at('12:01'));
    expect(await reports.list(meeting.onlineMeetingId)).toEqual([]);
    clock.set(at('12:06'));
    const [report] = await reports.list(meeting.onlineMeetingId);
    expect(report).toMatchObject({
      totalParticipantCount: 5,
      meetingStart: at('09:30'),
      meetingEnd: at('12:00'),
    });

    const records = await reports.records(meeting.onlineMeetingId, report!.id);
    expect(t.calls.filter((c) => c.call.endsWith('/attendanceRecords'))).toHaveLength(3); // 5 records, pages of 2
    const police = records.find((r) => r.entraObjectId === userId('police-rep'));
    expect(police).toMatchObject({
      email: emailOf('police-rep'),
      totalSeconds: 59 * 60 + 60 * 60,
      role: 'Attendee',
    });
    expect(police?.intervals.map((i) => [i.joined, i.left])).toEqual([
      [at('09:31'), at('10:30')],
      [at('11:00'), at('12:00')],
    ]);
    const phone = records.find((r) => r.displayName === '+44 7700 900123');
    expect(phone).toMatchObject({ entraObjectId: null, email: null, tenantId: null });
    const housing = records.find((r) => r.entraObjectId === userId('housing-rep'));
    expect(housing?.intervals[0]?.joined.getTime()).toBeLessThan(report!.meetingStart.getTime());
  });

  it('reports "not ready" twice, then the report appears', async () => {
    await runMeeting();
    clock.set(at('13:00'));
    t.tenant.faults.add({
      call: 'GET /users/{id}/onlineMeetings/{meetingId}/attendanceReports',
      kind: 'not-ready',
      times: 2,
    });
    const polls = [];
    for (let poll = 0; poll < 3; poll++)
      polls.push((await reports.list(meeting.onlineMeetingId)).length);
    expect(polls).toEqual([0, 0, 1]);
  });

  it('surfaces a meeting the organiser does not own as Graph’s 404', async () => {
    const error = await reports.list('MSpub3QtYS1tZWV0aW5n').catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 404,
      graphCode: 'NotFound',
      requestId: expect.any(String),
    });
  });
});

describe('CallingBot and CallRecords over Graph (contract)', () => {
  it('joins the meeting, receives signed roster notifications with camera states, and hangs up', async () => {
    const bot = new GraphCallingBot({ graph: t.graph, callbackUri: `${receiver.url}/api/calling` });
    const { callId, callChainId } = await bot.join({
      joinUrl: meeting.joinUrl,
      chatThreadId: meeting.chatThreadId,
      tenantId: TENANT_ID,
    });
    await new Promise((r) => setTimeout(r, 50)); // "established" follows the 201
    await t.tenant.engine.join(
      meeting.onlineMeetingId,
      { userId: userId('chair'), displayName: 'Chair', camera: true },
      at('09:30'),
    );
    await t.tenant.engine.join(
      meeting.onlineMeetingId,
      { userId: userId('police-rep'), displayName: 'Police rep' },
      at('09:31'),
    );
    await t.tenant.engine.camera(meeting.onlineMeetingId, userId('police-rep'), true, at('09:40'));
    await t.tenant.engine.leave(meeting.onlineMeetingId, userId('chair'), at('10:00'));

    const parsed = webhook.flatMap((w) => parseCallingNotifications(w.body));
    expect(parsed[0]).toEqual({ kind: 'call-state', callId, state: 'established' });
    const rosters = parsed.filter((p) => p.kind === 'roster');
    const cameras = rosters.map((r) =>
      r.participants
        .map(
          (p) =>
            `${p.entraObjectId === userId('chair') ? 'chair' : 'police'}:${p.inMeeting ? 'in' : 'out'}:${p.cameraOn ? 'on' : 'off'}`,
        )
        .join(' '),
    );
    expect(cameras).toEqual([
      'chair:in:on',
      'chair:in:on police:in:off',
      'chair:in:on police:in:on',
      'chair:out:off', // the 'deleted' notification for the one who left
      'police:in:on',
    ]);
    // Graph signs what it posts with the calling key (not the channel's), for our app id.
    const token = (webhook[0]?.headers.authorization ?? '').replace(/^Bearer /, '');
    const { payload } = await jwtVerify(token, createLocalJWKSet(t.tenant.calling.jwks()), {
      audience: APP_ID,
      issuer: t.tenant.calling.issuer,
    });
    expect(payload.aud).toBe(APP_ID);

    await bot.hangUp(callId);
    await bot.hangUp(callId); // already ended: not an error
    expect(parseCallingNotifications(webhook.at(-1)?.body)).toEqual([
      { kind: 'call-state', callId, state: 'terminated' },
    ]);
    expect(callChainId).toBe(t.tenant.engine.running(meeting.onlineMeetingId)?.id);
  });

  it('reads main-video evidence per participant from the call record, following session pages', async () => {
    const session = await runMeeting();
    clock.set(at('12:10'));
    const evidence = await new GraphCallRecords({ graph: t.graph }).videoEvidence(session.id);
    expect(t.calls.map((c) => c.call)).toContain(
      'GET /communications/callRecords/{callRecordId}/sessions',
    );
    const police = evidence.filter((e) => e.entraObjectId === userId('police-rep'));
    expect(police.map((e) => [e.start, e.end, e.sentMainVideo])).toEqual([
      [at('10:00'), at('10:30'), true],
      [at('11:00'), at('12:00'), false],
    ]);
    expect(evidence.filter((e) => e.entraObjectId === userId('idva-rep'))).toEqual([
      {
        entraObjectId: userId('idva-rep'),
        start: at('09:45'),
        end: at('12:00'),
        sentMainVideo: true,
      },
    ]);
    expect(evidence.filter((e) => e.entraObjectId === null)).toHaveLength(1); // the phone caller
  });

  it('refuses what is not a join URL or not a notification with VALIDATION_FAILED', () => {
    expect(() => parseJoinUrl('https://teams.microsoft.com/l/channel/x')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(parseJoinUrl(meeting.joinUrl)).toMatchObject({
      threadId: meeting.chatThreadId,
      tenantId: TENANT_ID,
    });
    expect(() => parseCallingNotifications({ value: 'nope' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() =>
      parseCallingNotifications({
        value: [
          {
            changeType: 'updated',
            resourceUrl: '/communications/calls/1/participants',
            resourceData: [{ info: 5 }],
          },
        ],
      }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
