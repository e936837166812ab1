import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { FakeClock } from '../support/fake-clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * An unknown joiner (no Entra identity or e-mail the directory knows) matched to a person by the
 * coordinator: the evidence becomes theirs and the meeting is reconciled again at once.
 */
let app: TestApp;
let meetingId: string;
let unmatchedId: string;
const clock = new FakeClock('2026-10-25T10:00:00Z');
const police = demoUuid('person:police-rep');

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-10-01T09:00:00Z'), adapters: { clock } });
  meetingId = (
    await app.db.query<{ id: string }>(
      `SELECT id FROM meeting WHERE parent_meeting_id IS NULL ORDER BY scheduled_start LIMIT 1`,
    )
  ).rows[0]!.id;
  // Ended more than a day ago (no Teams report is coming): reconciled from the live evidence.
  await app.db.query(
    `UPDATE meeting SET status = 'ended', actual_start = scheduled_start,
            actual_end = scheduled_start + interval '60 minutes' WHERE id = $1`,
    [meetingId],
  );
  unmatchedId = (
    await app.db.query<{ id: string }>(
      `INSERT INTO unmatched_identity (meeting_id, display_name) VALUES ($1, 'Guest 1') RETURNING id`,
      [meetingId],
    )
  ).rows[0]!.id;
  await app.db.query(
    `INSERT INTO attendance_interval (meeting_id, unmatched_identity_id, joined_at, left_at, source)
     SELECT id, $2, scheduled_start + interval '5 minutes', scheduled_start + interval '45 minutes', 'bot-event'
       FROM meeting WHERE id = $1`,
    [meetingId, unmatchedId],
  );
}, 120_000);
afterAll(() => app?.close());

describe('matching an unknown joiner (FR-060)', () => {
  it('moves the evidence to the person and reconciles the meeting again', async () => {
    const path = `/api/meetings/${meetingId}/attendance/unmatched/${unmatchedId}/match`;
    const bad = await app.as('coordinator')(path, post({ personId: 'someone' }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/personId/);
    expect((await app.as('chair')(path, post({ personId: police }))).status).toBe(403);
    const res = await app.as('coordinator')(path, post({ personId: police }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unmatchedId, personId: police, reconciled: true });
    const { rows } = await app.db.query<{ present_seconds: number }>(
      `SELECT present_seconds FROM attendance_summary
        WHERE meeting_id = $1 AND person_id = $2 AND agenda_item_id IS NULL`,
      [meetingId, police],
    );
    expect(rows).toEqual([{ present_seconds: 40 * 60 }]);
    const left = await app.db.query(
      `SELECT 1 FROM attendance_interval WHERE unmatched_identity_id = $1`,
      [unmatchedId],
    );
    expect(left.rows).toHaveLength(0);
    const again = await app.as('coordinator')(path, post({ personId: police }));
    expect(again.status).toBe(409);
    const audit = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'attendance.match-joiner' AND record_id = $1`,
      [meetingId],
    );
    expect(audit.rows[0]!.n).toBe(1);
    // The live view no longer lists the joiner as unknown.
    const live = (await (
      await app.as('coordinator')(`/api/meetings/${meetingId}/attendance`)
    ).json()) as {
      unmatched: unknown[];
    };
    expect(live.unmatched).toEqual([]);
  });
});
