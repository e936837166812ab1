import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_REDACTION_JOB } from '../../server/meeting-run.js';
import type { TestMeeting } from '../support/bot-channel.js';
import { type AttendanceApp, minutesAfter, startAttendanceApp } from '../attendance/support.js';
import {
  agencyId,
  agendaItems,
  chatCards,
  checkCard,
  execute,
  linkTeamsMeeting,
  MEETING_ID,
} from './support.js';

/**
 * FR-049: when the meeting ends every card is rewritten to references only. If the
 * Bot Connector cannot be reached at that moment the rewrite fails; the scheduled job
 * `meeting-card-redaction` (every 10 minutes) rewrites what is still unredacted for ended
 * meetings, and does nothing once all are done.
 */
let app: AttendanceApp;
let tm: TestMeeting;
const T0 = new Date(Math.floor((Date.now() - 3 * 3600_000) / 60_000) * 60_000);
const at = (m: number) => minutesAfter(T0, m);

beforeAll(async () => {
  app = await startAttendanceApp(T0.toISOString());
  tm = await app.channel.meeting();
  await linkTeamsMeeting(app, tm);
});
afterAll(() => app?.close());

const unredacted = async () =>
  (
    await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM posted_card WHERE meeting_id = $1 AND redacted_at IS NULL',
      [MEETING_ID],
    )
  ).rows[0]!.n;

describe('redaction retry job', () => {
  it(
    'is scheduled every 10 minutes and rewrites the cards a failed meeting-end left behind',
    { timeout: 90_000 },
    async () => {
      expect(app.jobs.schedules.get(CARD_REDACTION_JOB)).toBe('*/10 * * * *');
      const { channel } = app;
      const items = await agendaItems(app);
      expect((await channel.meetingStart(tm, { at: at(0) })).status).toBe(200);
      app.clock.set(at(2));
      const start = await app.call('chair', 'POST', `/api/meetings/${MEETING_ID}/run/start-case`, {
        agendaItemId: items[0]!.id,
      });
      expect(start.status).toBe(200);
      const v = await execute(channel, tm, 'police-rep', 'volunteer', {
        meetingId: MEETING_ID,
        agendaItemId: items[0]!.id,
        agencyId: agencyId('police'),
        description: 'Flag the address for urgent response.',
        category: 'victim',
      });
      expect(v.error).toBeNull();
      await app.composition.meetingRun.idle();

      // The job has nothing to do while the meeting runs.
      await app.jobs.run(CARD_REDACTION_JOB);
      expect(await unredacted()).toBe(1);

      // The Bot Connector is unreachable when the meeting ends: the rewrite fails, the end is kept.
      const { rows } = await app.db.query<{ ref: { serviceUrl: string } }>(
        'SELECT conversation_reference AS ref FROM meeting WHERE id = $1',
        [MEETING_ID],
      );
      const serviceUrl = rows[0]!.ref.serviceUrl;
      const setServiceUrl = (url: string) =>
        app.db.query(
          `UPDATE meeting SET conversation_reference = jsonb_set(conversation_reference, '{serviceUrl}', to_jsonb($2::text))
          WHERE id = $1`,
          [MEETING_ID, url],
        );
      await setServiceUrl('http://127.0.0.1:9/unreachable/');
      app.clock.set(at(60));
      expect((await channel.meetingEnd(tm, { at: at(60) })).status).toBe(200);
      expect(await unredacted()).toBe(1);
      expect(JSON.stringify(chatCards(channel, tm)[0]!.card)).toContain('Flag the address');

      // Still unreachable at the next run: nothing marked, nothing lost.
      await app.jobs.run(CARD_REDACTION_JOB);
      expect(await unredacted()).toBe(1);

      // The connector is back: the next run rewrites the card; a further run has nothing to do.
      await setServiceUrl(serviceUrl);
      await app.jobs.run(CARD_REDACTION_JOB);
      expect(await unredacted()).toBe(0);
      const card = chatCards(channel, tm)[0]!.card;
      checkCard(card, 'the redacted card');
      expect(JSON.stringify(card)).toContain('The meeting has ended');
      expect(JSON.stringify(card)).not.toContain('Flag the address');
      const updates = () =>
        channel.simulator.connector.log(tm.chatThreadId).filter((e) => e.op === 'update').length;
      const before = updates();
      await app.jobs.run(CARD_REDACTION_JOB);
      expect(updates()).toBe(before);
    },
  );
});
