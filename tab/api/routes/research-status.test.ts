import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../../store/seed/seed-demo.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

const MEETING = demoUuid('meeting:next');
const POLICE = demoUuid('agency:police');
const HOUSING = demoUuid('agency:housing');

let app: TestApp;
let involved: { police: string[]; housing: string[] };
beforeAll(async () => {
  app = await startTestApp();
  const open = async (agency: string) =>
    (
      await app.db.query<{ id: string }>(
        `SELECT id FROM agenda_item WHERE meeting_id = $1 AND $2 = ANY(agencies_involved) ORDER BY position`,
        [MEETING, agency],
      )
    ).rows.map((r) => r.id);
  involved = { police: await open(POLICE), housing: await open(HOUSING) };
  const notHousing = await app.db.query<{ id: string }>(
    `SELECT id FROM agenda_item WHERE meeting_id = $1 AND NOT $2 = ANY(agencies_involved) LIMIT 1`,
    [MEETING, HOUSING],
  );
  await app.db.query(
    `INSERT INTO research_submission (agenda_item_id, agency_id, status, content)
     VALUES ($1, $3, 'submitted', $4), ($2, $3, 'nil-return', NULL), ($5, $6, 'written-submission', NULL),
            ($7, $6, 'submitted', NULL)`,
    [
      involved.police[0],
      involved.police[1],
      POLICE,
      { information: 'Research mentions Ava Fictionwood' },
      involved.housing[0],
      HOUSING,
      // A row for a case housing is not involved in is not counted.
      notHousing.rows[0]?.id,
    ],
  );
});
afterAll(async () => app.close());

interface Status {
  cases: number;
  agencies: {
    agencyId: string;
    name: string;
    involvedIn: number;
    submitted: number;
    nilReturns: number;
    noInvolvement: number;
    writtenSubmissions: number;
    missing: number;
  }[];
}

describe('GET /api/meetings/:id/research: research status per agency (FR-038)', () => {
  it('counts each return against the cases each invited agency is involved in, with no research content', async () => {
    const res = await app.as('housing-rep')(`/api/meetings/${MEETING}/research`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Status;
    expect(body.cases).toBe(14); // the closed-session case: only for the people listed on it
    expect(body.agencies.find((a) => a.agencyId === POLICE)).toMatchObject({
      name: 'Northfield Police',
      involvedIn: involved.police.length,
      submitted: 1,
      nilReturns: 1,
      missing: involved.police.length - 2,
    });
    expect(body.agencies.find((a) => a.agencyId === HOUSING)).toMatchObject({
      involvedIn: involved.housing.length,
      submitted: 0,
      writtenSubmissions: 1,
      missing: involved.housing.length - 1,
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
