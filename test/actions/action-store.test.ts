import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDueOn, isOverdue, planClose, resolveDueOn } from '../../core/actions/action.js';
import { DEFAULT_AREA_POLICY } from '../../core/area-policy.js';
import { PgActionStore } from '../../store/action-store.js';
import { demoUuid, seedDemo } from '../../store/seed/seed-demo.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

let db: TestDb;
let areaId: string;
let caseId: string;
const now = new Date('2026-11-04T12:00:00Z');
const police = demoUuid('agency:police');
const policeRep = demoUuid('person:police-rep');
const chair = demoUuid('person:chair');

beforeEach(async () => {
  db = await createTestDb();
  const seeded = await seedDemo(db, { now, tenantId: 'tenant-1' });
  areaId = seeded.areaId;
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM marac_case ORDER BY case_number LIMIT 1',
  );
  caseId = (rows[0] as { id: string }).id;
});
afterEach(async () => db.dispose());

const base = () => ({
  areaId,
  caseId,
  ownerAgencyId: police,
  ownerPersonId: policeRep,
  description: 'Flag the address for a priority response',
  category: 'victim' as const,
  dueOn: '2026-11-18',
});

describe('the action register (FR-071, FR-079)', () => {
  it('allocates A-0001, A-0002 per area and writes a created history row', async () => {
    const store = new PgActionStore(db);
    const a = await store.createAction(base(), policeRep, now);
    const b = await store.createAction({ ...base(), state: 'open' }, chair, now);
    expect([a.reference, b.reference]).toEqual(['A-0001', 'A-0002']);
    expect(a.state).toBe('volunteered');
    expect(a.volunteeredBy).toBe(policeRep);
    expect(b.confirmedBy).toBe(chair);
    expect(a.ownerAgencyName).toBe('Northfield Police');
    expect(a.caseReference).toMatch(/\S/);
    const history = await store.history(a.id);
    expect(history.map((h) => h.event)).toEqual(['created']);
  });

  it('transitions with an optimistic version and refuses stale or impossible changes', async () => {
    const store = new PgActionStore(db);
    const a = await store.createAction(base(), policeRep, now);
    const confirmed = await store.transition(a.id, {
      to: 'open',
      expectedVersion: a.version,
      actorPersonId: chair,
      now,
    });
    expect(confirmed).toMatchObject({ state: 'open', version: 2, confirmedBy: chair });
    await expect(
      store.transition(a.id, { to: 'rejected', expectedVersion: 1, actorPersonId: chair, now }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      store.transition(a.id, { to: 'rejected', expectedVersion: 2, actorPersonId: chair, now }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const done = await store.transition(a.id, {
      to: 'done',
      expectedVersion: 2,
      actorPersonId: policeRep,
      now,
      changes: {
        completedOn: '2026-11-04',
        completionEvidence: 'Flag set',
        confirmationSource: 'in-app',
      },
    });
    expect(done).toMatchObject({
      state: 'done',
      completedOn: '2026-11-04',
      completedBy: policeRep,
    });
    expect((await store.history(a.id)).map((h) => h.event)).toEqual([
      'created',
      'confirmed',
      'completed',
    ]);
  });

  it('lists by owner, agency, state and derived overdue', async () => {
    const store = new PgActionStore(db);
    const early = await store.createAction(
      { ...base(), state: 'open', dueOn: '2026-11-05' },
      chair,
      now,
    );
    await store.createAction({ ...base(), state: 'open', dueOn: '2026-11-30' }, chair, now);
    await store.createAction({ ...base(), ownerPersonId: null }, chair, now);
    expect(await store.listActions({ areaId, ownerPersonId: policeRep })).toHaveLength(2);
    expect(await store.listActions({ ownerAgencyId: police, state: 'volunteered' })).toHaveLength(
      1,
    );
    const overdue = await store.listActions({ areaId, state: 'overdue', today: '2026-11-06' });
    expect(overdue.map((a) => a.id)).toEqual([early.id]);
    expect(isOverdue(early, '2026-11-06')).toBe(true);
    expect(isOverdue(early, '2026-11-05')).toBe(false);
  });

  it('keeps history append-only in the database', async () => {
    const store = new PgActionStore(db);
    const a = await store.createAction(base(), policeRep, now);
    await expect(
      db.query('DELETE FROM action_history WHERE action_id = $1', [a.id]),
    ).rejects.toThrow(/APPEND_ONLY/);
  });
});

describe('due dates and closing rules (FR-072, FR-076, FR-078, AC-12)', () => {
  const nation = 'england-and-wales' as const;
  it('applies the area rule', () => {
    // Wednesday 4 Nov 2026
    expect(defaultDueOn('same-day', '2026-11-04', nation)).toBe('2026-11-04');
    expect(defaultDueOn('end-of-marac-week', '2026-11-04', nation)).toBe('2026-11-06');
    expect(defaultDueOn('plus-14-days', '2026-11-04', nation)).toBe('2026-11-18');
    // 14 days after Wed 11 Dec 2030 is Christmas Day: moved to the next working day.
    expect(defaultDueOn('plus-14-days', '2030-12-11', nation)).toBe('2030-12-27');
    // Good Friday 2026 is 3 April: end of week falls back to Thursday.
    expect(defaultDueOn('end-of-marac-week', '2026-04-01', nation)).toBe('2026-04-02');
  });

  it('refuses a chair override in the past', () => {
    const args = {
      policy: DEFAULT_AREA_POLICY,
      meetingDay: '2026-11-04',
      today: '2026-11-04',
      nation,
    };
    expect(resolveDueOn({ ...args, override: '2026-11-10' })).toEqual({
      dueOn: '2026-11-10',
      dueOverridden: true,
    });
    expect(() => resolveDueOn({ ...args, override: '2026-11-03' })).toThrow(/before today/);
  });

  it('lets only the owning agency close, and the coordinator only by recording confirmation', () => {
    const action = {
      state: 'open' as const,
      ownerAgencyId: 'ag1',
      ownerPersonId: 'p1',
      createdAt: now,
    };
    const policy = { completionEvidence: 'required' as const };
    const today = '2026-11-05';
    const other = { personId: 'p9', agencyId: 'ag2', roles: ['representative' as const] };
    expect(() =>
      planClose({
        action,
        actor: other,
        request: { outcome: 'done', evidence: 'x', source: 'in-app' },
        policy,
        today,
      }),
    ).toThrow(expect.objectContaining({ code: 'ACTION_NOT_OWNED' }));
    const deputy = { personId: 'p2', agencyId: 'ag1', roles: ['deputy' as const] };
    expect(() =>
      planClose({
        action,
        actor: deputy,
        request: { outcome: 'done', source: 'in-app' },
        policy,
        today,
      }),
    ).toThrow(expect.objectContaining({ code: 'EVIDENCE_REQUIRED' }));
    expect(() =>
      planClose({
        action,
        actor: deputy,
        request: { outcome: 'not-achievable', source: 'in-app' },
        policy,
        today,
      }),
    ).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    const coordinator = { personId: 'c1', agencyId: null, roles: ['coordinator' as const] };
    expect(() =>
      planClose({
        action,
        actor: coordinator,
        request: { outcome: 'done', evidence: 'x', source: 'in-app' },
        policy,
        today,
      }),
    ).toThrow(expect.objectContaining({ code: 'ACTION_NOT_OWNED' }));
    expect(
      planClose({
        action,
        actor: coordinator,
        request: {
          outcome: 'done',
          evidence: 'x',
          source: 'recorded-by-coordinator',
          confirmedBy: 'by phone',
        },
        policy,
        today,
      }),
    ).toMatchObject({
      state: 'done',
      confirmationSource: 'recorded-by-coordinator',
      completedOn: today,
    });
  });
});
