import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { nextDemoMeetingDay, seedDemo } from './seed-demo.js';

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => db.dispose());

const count = async (sql: string) =>
  ((await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${sql}`)).rows[0] as { n: number }).n;

describe('the demo seed', () => {
  it('creates the fictional Northfield MARAC: agencies, people, the series and the next meeting with 15 cases', async () => {
    const result = await seedDemo(db, {
      now: new Date('2026-11-02T10:00:00Z'),
      tenantId: 'demo-tenant',
    });
    expect(result.seeded).toBe(true);
    expect(await count('agency')).toBe(12);
    expect(await count(`agency WHERE is_core`)).toBe(9);
    expect(
      await count(
        `agency WHERE membership_status = 'approved' AND signatory_signed_on IS NOT NULL`,
      ),
    ).toBe(11);
    expect(await count('person')).toBeGreaterThanOrEqual(28);
    for (const role of [
      'coordinator',
      'chair',
      'deputy-chair',
      'representative',
      'deputy',
      'idva',
      'observer',
      'steering',
    ])
      expect(await count(`person_role WHERE role = '${role}'`), role).toBeGreaterThan(0);
    expect(await count('agenda_item')).toBe(15);
    expect(await count('agenda_item WHERE is_repeat')).toBe(3);
    expect(
      await count(
        `agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE m.kind = 'closed' AND i.is_closed_session`,
      ),
    ).toBe(1);
    expect(await count('agenda_item_permitted_person')).toBe(5);
    const levels = await db.query<{ risk_level: string }>(
      `SELECT DISTINCT risk_level FROM agenda_item ORDER BY 1`,
    );
    expect(levels.rows.map((r) => r.risk_level)).toEqual(['high', 'medium', 'very-high']);
  });

  it('orders the open agenda highest risk first, with 10-minute planned slots from 09:40', async () => {
    await seedDemo(db, { now: new Date('2026-11-02T10:00:00Z'), tenantId: 't' });
    const { rows } = await db.query<{ position: number; risk_level: string; planned_start: Date }>(
      `SELECT i.position, i.risk_level, i.planned_start FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
        WHERE m.kind = 'scheduled' ORDER BY i.position`,
    );
    expect(rows).toHaveLength(14);
    const rank = { 'very-high': 0, high: 1, medium: 2 } as const;
    const ranks = rows.map((r) => rank[r.risk_level as keyof typeof rank]);
    expect(ranks).toEqual([...ranks].sort());
    // 2026-11-02 + 15 days -> first Wednesday is 18 November 2026 (GMT): 09:40 London = 09:40Z.
    expect(rows[0]?.planned_start).toEqual(new Date('2026-11-18T09:40:00Z'));
    expect(rows[1]?.planned_start).toEqual(new Date('2026-11-18T09:50:00Z'));
  });

  it('does nothing when the database already holds an area (a restart keeps changes)', async () => {
    const first = await seedDemo(db, { now: new Date('2026-11-02T10:00:00Z'), tenantId: 't' });
    const second = await seedDemo(db, { now: new Date('2026-11-20T10:00:00Z'), tenantId: 't' });
    expect(second).toEqual({ seeded: false, areaId: first.areaId });
    expect(await count('agency')).toBe(12);
  });

  it('schedules the next meeting on a Wednesday far enough ahead for the case list to circulate', () => {
    expect(nextDemoMeetingDay(new Date('2026-11-22T12:00:00Z'), 'Europe/London')).toBe(
      '2026-12-09',
    );
  });
});
