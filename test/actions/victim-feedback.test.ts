import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgActionStore } from '../../store/action-store.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { type ContractTenant, startContractTenant } from '../contract/support/contract-tenant.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { actionsWorld, at } from './support/actions-world.js';

/** FR-081, AC-18, IS-23 and the after-meeting mail (FR-087): one mail per owner, once. */
let tenant: ContractTenant;
let db: TestDb;
beforeAll(async () => {
  tenant = await startContractTenant();
  db = await createTestDb();
});
afterAll(async () => {
  await db?.dispose();
  await tenant?.close();
});

describe('after the meeting', () => {
  it('creates a victim-feedback action per case (and "inform if safe" where unaware), once, and mails the owner once', async () => {
    const world = await actionsWorld(db, tenant, {
      seedNow: new Date('2026-10-01T09:00:00Z'),
      start: at('2026-10-21', '13:30'),
    });
    const { rows: unaware } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM agenda_item WHERE victim_aware_of_referral = false`,
    );
    // After hours: the actions are created at once; the mail waits for working hours.
    world.clock.set(at('2026-10-21', '18:30'));
    await world.feature.chaseAll();
    const store = new PgActionStore(db);
    const created = await store.listActions({ areaId: world.areaId });
    expect(created.filter((a) => a.actionType === 'victim-feedback')).toHaveLength(15);
    expect(created.filter((a) => a.actionType === 'inform-victim')).toHaveLength(unaware[0]!.n);
    for (const a of created)
      expect(a).toMatchObject({
        ownerAgencyId: demoUuid('agency:idva'),
        ownerPersonId: demoUuid('person:idva-rep'),
        state: 'open',
        dueOn: '2026-11-04', // +14 days, the area's default rule (FR-072)
        category: 'victim',
      });
    await world.feature.dispatch();
    expect(tenant.tenant.outbox).toHaveLength(0); // 18:30: after working hours
    // Next working morning: one mail for the IDVA representative listing them all.
    world.clock.set(at('2026-10-22', '09:00'));
    await world.feature.chaseAll();
    await world.feature.chaseAll();
    await world.feature.dispatch();
    expect(tenant.tenant.outbox).toHaveLength(1);
    const [mail] = tenant.tenant.outbox;
    expect(mail!.to.map((t) => t.address)).toEqual(['priya.placeholder@northfield-idva.example']);
    expect(mail!.subject).toBe(`Northfield MARAC: ${created.length} new actions for you`);
    expect(mail!.body.match(/>A-\d{4}</g)).toHaveLength(created.length);
    expect(mail!.body).not.toContain('Feed back');
    expectNoPersonalData(JSON.stringify(mail));
    // Idempotent: another run creates and sends nothing more.
    expect(await store.listActions({ areaId: world.areaId })).toHaveLength(created.length);
  }, 120_000);
});
