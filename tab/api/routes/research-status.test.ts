import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../../store/seed/seed-demo.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

const MEETING = demoUuid('meeting:next');
const POLICE = demoUuid('agency:police');
const HOUSING = demoUuid('agency:housing');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  const { rows } = await app.db.query<{ id: string }>(
    'SELECT id FROM agenda_item WHERE meeting_id = $1 ORDER BY position LIMIT 2',
    [MEETING],
  );
  await app.db.query(
    `INSERT INTO research_submission (agenda_item_id, agency_id, status, content)
     VALUES ($1, $3, 'submitted', $4), ($2, $3, 'nil-return', NULL), ($1, $5, 'submitted', NULL)`,
    [rows[0]?.id, rows[1]?.id, POLICE, { note: 'Research mentions Ava Fictionwood' }, HOUSING],
  );
});
afterAll(async () => app.close());

interface Status {
  cases: number;
  agencies: {
    agencyId: string;
    name: string;
    submitted: number;
    nilReturns: number;
    missing: number;
  }[];
}

describe('GET /api/meetings/:id/research: research status per agency (FR-038)', () => {
  it('counts submitted, nil returns and missing per invited agency, with no research content', async () => {
    const res = await app.as('housing-rep')(`/api/meetings/${MEETING}/research`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Status;
    expect(body.cases).toBe(14); // the closed-session case: only for the people listed on it
    expect(body.agencies.find((a) => a.agencyId === POLICE)).toMatchObject({
      name: 'Northfield Police',
      submitted: 1,
      nilReturns: 1,
      missing: 12,
    });
    expect(body.agencies.find((a) => a.agencyId === HOUSING)).toMatchObject({
      submitted: 1,
      nilReturns: 0,
      missing: 13,
    });
    // Only invited (signatory) agencies are listed.
    expect(body.agencies.some((a) => a.name.startsWith('Harbour'))).toBe(false);
    expect(JSON.stringify(body)).not.toContain('Fictionwood');
  });

  it('the coordinator counts the closed-session case too', async () => {
    const body = (await (
      await app.as('coordinator')(`/api/meetings/${MEETING}/research`)
    ).json()) as Status;
    expect(body.cases).toBe(15);
  });

  it('refuses people who may not see the case list', async () => {
    for (const who of ['harbour-rep', 'steering'])
      expect((await app.as(who)(`/api/meetings/${MEETING}/research`)).status).toBe(403);
    expect((await app.as('coordinator')(`/api/meetings/${demoUuid('nope')}/research`)).status).toBe(
      404,
    );
  });
});
