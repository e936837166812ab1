import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreMeetingApp, type PreMeetingApp } from '../pre-meeting/support.js';

/**
 * The data the SafeLives return needs, captured once (FR-118): from the case-list import's
 * optional columns, and corrected by the coordinator on the agenda. Blank stays "not
 * collected" (null), apart from a recorded "no" or 0. PGlite, or PostgreSQL with DATABASE_URL.
 */
let app: PreMeetingApp;
let meetingId: string;

beforeAll(async () => {
  app = await startPreMeetingApp();
  const created = await app.call('coordinator', 'POST', '/api/meetings', {
    kind: 'extraordinary',
    title: 'Northfield MARAC (data return)',
    day: '2027-04-28',
    startTime: '09:30',
    endTime: '13:00',
  });
  meetingId = created.body.meetings[0].meetingId;
});
afterAll(async () => app.close());

const HEADER = [
  'Case number',
  'Risk level',
  'Referring agency',
  'Summary',
  'Victim name',
  'Perpetrator name',
  'Children',
  'Referral source',
  'Victim racially minoritised',
  'Victim ethnic group',
  'Victim LGBTQ+',
  'Victim disabled',
  'Victim sex',
  'Victim age band',
  'Person harming under 18',
  'Children in household',
].join(',');
const base = (n: string) => [
  n,
  'high',
  'Northfield Police',
  'Threats after separation',
  'Vera Returnwell',
  'Pat Returnwell',
];

async function upload(csv: string) {
  const res = await app.as('coordinator')(`/api/meetings/${meetingId}/agenda/import`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
  return { status: res.status, body: await res.json() };
}

type Item = { caseReference: string; agendaItemId: string; data: Record<string, unknown> };
async function items(): Promise<Item[]> {
  const res = await app.call('coordinator', 'GET', `/api/meetings/${meetingId}/case-return`);
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('return data from the case-list import', () => {
  it('names a bad value without echoing it, and imports nothing', async () => {
    const bad = [...base('RT-9'), '', 'Social work', 'Y', '', '', '', '', '', '', ''].join(',');
    const { status, body } = await upload(`${HEADER}\n${bad}`);
    expect(status).toBe(422);
    expect(body.error.details.problems).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'Referral source',
        message: expect.stringContaining('Use one of: Police; IDVA service'),
      }),
    ]);
    expect(JSON.stringify(body)).not.toContain('Social work');
    expect(await items()).toEqual([]);
  });

  it('keeps blanks as not collected, and a recorded no or 0 as such', async () => {
    const full = [
      ...base('RT-1'),
      'Kit Returnwell; Sam Returnwell',
      'Children’s social care',
      'Y',
      'Black',
      'N',
      'no',
      'Male',
      '16-17',
      'Y',
      '',
    ].join(',');
    const none = [...base('RT-2'), '', 'police', 'N', 'white', '', '', 'female', '65+', 'N', '0'];
    const blank = [...base('RT-3'), '', '', '', '', '', '', '', '', '', ''];
    const { status } = await upload(`${HEADER}\n${full}\n${none.join(',')}\n${blank.join(',')}`);
    expect(status).toBe(201);
    const byRef = Object.fromEntries((await items()).map((i) => [i.caseReference, i.data]));
    expect(byRef['RT-1']).toEqual({
      referralSource: 'childrens-social-care',
      victimMinoritised: true,
      victimEthnicity: 'black',
      victimLgbtq: false,
      victimDisabled: false,
      victimSex: 'male',
      victimAgeBand: '16-17',
      harmerUnder18: true,
      childrenInHousehold: 2, // the named children, as the count was left blank
    });
    expect(byRef['RT-2']).toMatchObject({
      referralSource: 'police',
      victimMinoritised: false,
      victimLgbtq: null,
      victimSex: 'female',
      victimAgeBand: '65+',
      childrenInHousehold: 0,
    });
    expect(Object.values(byRef['RT-3'] ?? {})).toEqual(Array(9).fill(null));
  });
});

describe('the coordinator corrects return data on the agenda', () => {
  const body = {
    referralSource: 'housing',
    victimMinoritised: false,
    victimEthnicity: 'white',
    victimLgbtq: true,
    victimDisabled: null,
    victimSex: 'female',
    victimAgeBand: '25-34',
    harmerUnder18: false,
    childrenInHousehold: 1,
    repeat: true,
  };

  it('saves every field, the repeat flag with them, and audits ids and counts only', async () => {
    const item = (await items()).find((i) => i.caseReference === 'RT-3') as Item;
    const url = `/api/meetings/${meetingId}/case-return/${item.agendaItemId}`;
    const saved = await app.call('coordinator', 'PUT', url, body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ repeat: true, missing: ['disability'] });
    const again = (await items()).find((i) => i.caseReference === 'RT-3') as Item & {
      repeat: boolean;
    };
    const { repeat, ...data } = body;
    expect(again.data).toEqual(data);
    expect(again.repeat).toBe(repeat);
    const { rows } = await app.db.query<{ detail: unknown }>(
      `SELECT detail FROM audit_log WHERE action = 'case-return.update' AND record_id = $1`,
      [item.agendaItemId],
    );
    expect(rows.map((r) => r.detail)).toEqual([{ missing: 1 }]);
  });

  it('refuses a wrong answer with a 400 and changes nothing; others get 403', async () => {
    const item = (await items()).find((i) => i.caseReference === 'RT-1') as Item;
    const url = `/api/meetings/${meetingId}/case-return/${item.agendaItemId}`;
    const bad = await app.call('coordinator', 'PUT', url, { ...body, victimAgeBand: '12' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).not.toMatch(/enum|invalid_value/i);
    expect((await app.call('chair', 'PUT', url, body)).status).toBe(403);
    const after = (await items()).find((i) => i.caseReference === 'RT-1') as Item;
    expect(after.data).toEqual(item.data);
  });
});
