import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyId, startPreMeetingApp, type PreMeetingApp } from './support.js';

/**
 * Formula (CSV) injection: text a spreadsheet would run is refused on every path that stores
 * case-list text (the import and the JSON add-case route), however it is disguised: a leading
 * space, no-break space, tab, carriage return or a full-width "＝".
 */
let app: PreMeetingApp;
let meetingId: string;
beforeAll(async () => {
  app = await startPreMeetingApp();
  const created = await app.call('coordinator', 'POST', '/api/meetings', {
    kind: 'extraordinary',
    title: 'Northfield MARAC (extra)',
    day: '2027-04-28',
    startTime: '09:30',
    endTime: '13:00',
  });
  meetingId = created.body.meetings[0].meetingId;
});
afterAll(async () => app.close());

const DISGUISES = [
  ' =HYPERLINK("http://evil.example","x")',
  '\u00A0=1+1',
  '\u3000@SUM(A1)',
  '\u200B+1',
  '\t=1',
  '\r=1',
  '\uFF1D1+1',
  '  -2+3',
];

async function itemCount(): Promise<number> {
  const { rows } = await app.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM agenda_item WHERE meeting_id = $1',
    [meetingId],
  );
  return rows[0]?.n ?? -1;
}

const HEADER = 'Case number,Risk level,Referring agency,Summary,Victim name,Perpetrator name';
const csvField = (v: string) => `"${v.replace(/"/g, '""')}"`;

describe('formula injection is refused on every path that stores case-list text', () => {
  it.each(DISGUISES)('the import refuses %j in any text cell', async (cell) => {
    for (const [summary, victim] of [
      [cell, 'Vera Importwell'],
      ['Threats after separation', cell],
    ]) {
      const csv = `${HEADER}\nNF-1,high,Northfield Police,${csvField(summary!)},${csvField(victim!)},Pat Importwell`;
      const res = await app.as('coordinator')(`/api/meetings/${meetingId}/agenda/import`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: csv,
      });
      const body = (await res.json()) as {
        error: { code: string; details: { problems: { message: string }[] } };
      };
      expect(res.status).toBe(422);
      expect(body.error.details.problems[0]?.message).toMatch(/formula/);
    }
    expect(await itemCount()).toBe(0);
  });

  it('the import refuses a formula in one child’s name inside the children cell', async () => {
    const csv = `${HEADER},Children\nNF-1,high,Northfield Police,Threats,Vera Importwell,Pat Importwell,"Kit Importwell; =1+1"`;
    const res = await app.as('coordinator')(`/api/meetings/${meetingId}/agenda/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(422);
    expect(await itemCount()).toBe(0);
  });

  const caseBody = (over: { summary?: string; name?: string; address?: string }) => ({
    caseNumber: 'NF-9',
    riskLevel: 'high',
    referringAgencyId: agencyId('police'),
    summary: over.summary ?? 'Threats after separation',
    subjects: [
      {
        kind: 'victim',
        fullName: over.name ?? 'Vera Addwell',
        address: over.address ?? '1 Test Street',
      },
      { kind: 'perpetrator', fullName: 'Pat Addwell' },
    ],
  });

  it.each(DISGUISES)(
    'the add-case route refuses %j in the summary, a name or an address',
    async (text) => {
      for (const over of [{ summary: text }, { name: text }, { address: text }]) {
        const res = await app.call(
          'coordinator',
          'POST',
          `/api/meetings/${meetingId}/agenda`,
          caseBody(over),
        );
        expect(res.status, JSON.stringify(over)).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.message).toMatch(/formula/);
        expect(res.body.error.message).not.toMatch(/FR-\d/);
      }
      expect(await itemCount()).toBe(0);
    },
  );

  it('the add-case route still accepts plain text with = + - @ inside it', async () => {
    const res = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${meetingId}/agenda`,
      caseBody({ summary: 'Risk score 15 + repeat = high; contact @ refuge' }),
    );
    expect(res.status).toBe(201);
    expect(await itemCount()).toBe(1);
  });
});
