import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../core/actions/action.js';
import { PgActionStore } from '../../store/action-store.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { FakeClock } from '../support/fake-clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The coordinator's controls over chasing over HTTP: pause and resume, extend a due date (with
 * a reason, later than now, version-checked), an action's chase history, the blocked list, and
 * clear refusals for everyone else and for bad input. Each change is audited.
 */
let app: TestApp;
let action: ActionRecord;
let closed: ActionRecord;
let volunteered: ActionRecord;
const clock = new FakeClock('2026-10-22T10:00:00Z');

const post = (who: string, path: string, body: unknown) =>
  app.as(who)(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-10-01T09:00:00Z'), adapters: { clock } });
  const { rows } = await app.db.query<{ case_id: string; meeting_id: string }>(
    `SELECT ai.case_id, ai.meeting_id FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
      WHERE m.parent_meeting_id IS NULL AND NOT ai.is_closed_session ORDER BY ai.position LIMIT 1`,
  );
  const store = new PgActionStore(app.db);
  const base = {
    areaId: demoUuid('area'),
    caseId: rows[0]!.case_id,
    meetingId: rows[0]!.meeting_id,
    description: 'Check for a marker on the address',
    category: 'victim' as const,
    dueOn: '2026-11-04',
    ownerAgencyId: demoUuid('agency:police'),
    ownerPersonId: demoUuid('person:police-rep'),
  };
  action = await store.createAction(
    { ...base, state: 'open' },
    demoUuid('person:chair'),
    clock.now(),
  );
  closed = await store.createAction(
    { ...base, state: 'rejected' },
    demoUuid('person:chair'),
    clock.now(),
  );
  volunteered = await store.createAction(
    { ...base, state: 'volunteered', ownerPersonId: null },
    demoUuid('person:housing-rep'),
    clock.now(),
  );
  await app.db.query(
    `UPDATE meeting SET status = 'ended', actual_start = scheduled_start, actual_end = scheduled_end WHERE id = $1`,
    [rows[0]!.meeting_id],
  );
  await app.db.query(
    `INSERT INTO chase_blocked (action_id, step, recipient_email, due_on, reason, created_at)
     VALUES ($1, 'escalation', 'lead@private.example', '2026-11-04', 'domain-not-allowed', $2)`,
    [action.id, clock.now()],
  );
}, 120_000);
afterAll(() => app?.close());

const audit = async (what: string) =>
  (
    await app.db.query<{ record_id: string; detail: Record<string, unknown> }>(
      'SELECT record_id, detail FROM audit_log WHERE action = $1 ORDER BY id',
      [what],
    )
  ).rows;

describe('chase controls', () => {
  it('pauses and resumes chasing, once each, audited and in the history', async () => {
    const pause = await post('coordinator', `/api/chasing/actions/${action.id}/pause`, {});
    expect(pause.status).toBe(200);
    expect(await pause.json()).toEqual({ reference: action.reference, paused: true });
    const history = await app.as('coordinator')(`/api/chasing/actions/${action.id}`);
    expect(await history.json()).toMatchObject({ paused: true });
    // Pausing twice changes nothing more.
    await post('coordinator', `/api/chasing/actions/${action.id}/pause`, {});
    expect(await audit('action.chase-pause')).toHaveLength(1);
    expect((await post('coordinator', `/api/chasing/actions/${action.id}/resume`, {})).status).toBe(
      200,
    );
    expect(await audit('action.chase-resume')).toEqual([
      { record_id: action.id, detail: { reference: action.reference } },
    ]);
  });

  it('extends the due date with a reason; refuses earlier, past, stale or closed', async () => {
    const path = `/api/chasing/actions/${action.id}/extend`;
    const earlier = await post('coordinator', path, {
      dueOn: '2026-11-01',
      reason: 'x',
      version: action.version,
    });
    expect(earlier.status).toBe(400);
    expect(JSON.stringify(await earlier.json())).toContain('later than the current one');
    const noReason = await post('coordinator', path, {
      dueOn: '2026-11-20',
      reason: ' ',
      version: action.version,
    });
    expect(noReason.status).toBe(400);
    const stale = await post('coordinator', path, {
      dueOn: '2026-11-20',
      reason: 'Waiting for the housing panel',
      version: action.version + 5,
    });
    expect(stale.status).toBe(409);
    const ok = await post('coordinator', path, {
      dueOn: '2026-11-20',
      reason: 'Waiting for the housing panel',
      version: action.version,
    });
    expect(ok.status).toBe(200);
    const after = await (await app.as('coordinator')(`/api/actions/${action.id}`)).json();
    expect(after).toMatchObject({ dueOn: '2026-11-20', dueOverridden: true });
    expect(after.history.at(-1)).toMatchObject({
      event: 'due-extended',
      changes: {
        dueOn: { from: '2026-11-04', to: '2026-11-20' },
        reason: 'Waiting for the housing panel',
      },
    });
    // The audit row has the dates, never the free-text reason.
    const rows = await audit('action.extend-due');
    expect(rows).toEqual([
      {
        record_id: action.id,
        detail: { reference: action.reference, from: '2026-11-04', to: '2026-11-20' },
      },
    ]);
    const shut = await post('coordinator', `/api/chasing/actions/${closed.id}/extend`, {
      dueOn: '2026-12-20',
      reason: 'x',
      version: closed.version,
    });
    expect(shut.status).toBe(409);
  });

  it('shows the chase history (with blocked chasers) and the blocked list to the coordinator only', async () => {
    const history = await (await app.as('chair')(`/api/chasing/actions/${action.id}`)).json();
    expect(history.chasers).toEqual([
      expect.objectContaining({
        step: 'escalation',
        recipientEmail: 'lead@private.example',
        state: 'blocked',
        problem: 'domain-not-allowed',
      }),
    ]);
    const blocked = await (await app.as('coordinator')('/api/chasing/blocked')).json();
    expect(blocked.blocked).toEqual([
      expect.objectContaining({ reference: action.reference, reason: 'domain-not-allowed' }),
    ]);
    expect((await app.as('chair')('/api/chasing/blocked')).status).toBe(403);
    expect((await app.as('police-rep')(`/api/chasing/actions/${action.id}`)).status).toBe(403);
    expect((await post('chair', `/api/chasing/actions/${action.id}/pause`, {})).status).toBe(403);
    expect((await post('coordinator', '/api/chasing/actions/nonsense/pause', {})).status).toBe(400);
  });

  it('sends actions still volunteered after the meeting to the chair, who confirms them', async () => {
    const list = await (await app.as('chair')('/api/chasing/volunteered')).json();
    expect(list.actions).toEqual([
      expect.objectContaining({ id: volunteered.id, reference: volunteered.reference }),
    ]);
    const path = `/api/chasing/actions/${volunteered.id}/decide`;
    const body = { decision: 'confirm', version: volunteered.version };
    expect((await post('coordinator', path, body)).status).toBe(403);
    expect((await post('chair', path, { decision: 'maybe', version: 1 })).status).toBe(400);
    const ok = await post('chair', path, body);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ reference: volunteered.reference, state: 'open' });
    expect((await post('deputy-chair', path, body)).status).toBe(409);
    const after = await (await app.as('coordinator')(`/api/actions/${volunteered.id}`)).json();
    expect(after.state).toBe('open');
    expect(after.history.at(-1)).toMatchObject({ event: 'confirmed' });
    expect((await (await app.as('chair')('/api/chasing/volunteered')).json()).actions).toEqual([]);
    // Now open, it is on the chase ladder: the coordinator's chase reaches its agency.
    const chase = await post('coordinator', '/api/actions/chase', { actionIds: [volunteered.id] });
    expect(await chase.json()).toMatchObject({ queued: 1, mails: 1 });
  });
});
