import { writeFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { PgActionStore } from '../../store/action-store.js';
import { FakeClock } from '../support/fake-clock.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Minutes as a workflow over HTTP: the chair records each heard case in the meeting, the
 * coordinator completes and submits, the chair approves, the coordinator circulates a notice
 * with a link only; representatives read their agency's extract once circulated; corrections
 * are addenda (append-only); the Word document follows the checklist with British dates.
 */
let app: TestApp;
let meetingId: string;
let items: { id: string; case_number: string }[];
const clock = new FakeClock('2026-10-22T10:00:00Z');
const person = (key: string) => demoUuid(`person:${key}`);

const send = (method: string, body?: unknown) => ({
  method,
  headers: { 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-10-01T09:00:00Z'), adapters: { clock } });
  const first = await app.db.query<{ meeting_id: string }>(
    `SELECT ai.meeting_id FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
      WHERE m.parent_meeting_id IS NULL ORDER BY m.scheduled_start LIMIT 1`,
  );
  meetingId = first.rows[0]!.meeting_id;
  items = (
    await app.db.query<{ id: string; case_number: string }>(
      `SELECT ai.id, c.case_number FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id
        WHERE ai.meeting_id = $1 AND NOT ai.is_closed_session ORDER BY ai.position`,
      [meetingId],
    )
  ).rows;
  // The meeting has started; the first two cases are heard, the rest are not.
  await app.db.query(
    `UPDATE meeting SET status = 'in-progress', actual_start = scheduled_start WHERE id = $1`,
    [meetingId],
  );
  for (const [n, item] of items.slice(0, 2).entries())
    await app.db.query(
      `UPDATE agenda_item ai SET actual_start = m.scheduled_start + make_interval(mins => 10 + 15 * $2::int),
              actual_end = m.scheduled_start + make_interval(mins => 22 + 15 * $2::int)
         FROM meeting m WHERE m.id = ai.meeting_id AND ai.id = $1`,
      [item.id, n],
    );
  // Join and leave evidence and the reconciled summary for the police rep.
  await app.db.query(
    `INSERT INTO attendance_interval (meeting_id, person_id, joined_at, left_at, source)
     SELECT id, $2, scheduled_start + interval '2 minutes', scheduled_start + interval '50 minutes', 'bot-event'
       FROM meeting WHERE id = $1`,
    [meetingId, person('police-rep')],
  );
  await app.db.query(
    `INSERT INTO attendance_summary (meeting_id, agenda_item_id, agency_id, person_id, attended_as,
       present_seconds, camera_on_seconds, camera_source)
     VALUES ($1, NULL, $3, $2, 'representative', 2880, 2400, 'calling-roster'),
            ($1, $4, $3, $2, 'representative', 720, 720, 'attestation')`,
    [meetingId, person('police-rep'), demoUuid('agency:police'), items[0]!.id],
  );
  const areaId = (await app.db.query<{ id: string }>('SELECT id FROM area')).rows[0]!.id;
  const caseOf = async (itemId: string) =>
    (
      await app.db.query<{ case_id: string }>('SELECT case_id FROM agenda_item WHERE id = $1', [
        itemId,
      ])
    ).rows[0]!.case_id;
  const store = new PgActionStore(app.db);
  for (const [itemId, agency, owner] of [
    [items[0]!.id, 'police', 'police-rep'],
    [items[1]!.id, 'housing', 'housing-rep'],
  ] as const)
    await store.createAction(
      {
        areaId,
        caseId: await caseOf(itemId),
        meetingId,
        agendaItemId: itemId,
        description: `${agency} to review the safety plan`,
        category: 'victim',
        dueOn: '2026-11-04',
        state: 'open',
        ownerAgencyId: demoUuid(`agency:${agency}`),
        ownerPersonId: person(owner),
      },
      person('chair'),
      clock.now(),
    );
  await app.db.query(
    `UPDATE area SET policy = policy || '{"minutesDownload":"download-allowed"}'::jsonb`,
  );
}, 120_000);
afterAll(() => app?.close());

interface MinutesJson {
  workflow: { status: string; approvedBy: string | null };
  extract: { agency: string } | null;
  notYetCirculated?: boolean;
  cases: {
    caseNumber: string;
    heard: boolean;
    record: Record<string, string | null>;
    actions: { reference: string; agency: string }[];
    attendance: {
      name: string;
      joinedAt: string | null;
      leftAt: string | null;
      cameraSource: string;
    }[];
  }[];
  meetingInformation: {
    attendees: { name: string; joinedAt: string | null; leftAt: string | null }[];
  };
  addenda: { body: string; caseNumber: string | null }[];
}

const read = async (who: string) => {
  const res = await app.as(who)(`/api/meetings/${meetingId}/minutes`);
  expect(res.status, who).toBe(200);
  return (await res.json()) as MinutesJson;
};

describe('minutes as a workflow (FR-084, FR-085, FR-087, FR-088, FR-090)', () => {
  it('the chair records each heard case in the meeting; bad input names the field and saves nothing', async () => {
    const path = `/api/meetings/${meetingId}/minutes/cases/${items[0]!.id}`;
    const ok = await app.as('chair')(
      path,
      send('PUT', {
        riskSummary: 'Escalating threats since the separation.',
        victimViews: 'Wants to stay in the home with a sanctuary scheme.',
        decisions: 'Sanctuary scheme referral; police marker on the address.',
        dissent: 'Children’s services disagreed with closing their involvement.',
      }),
    );
    expect(ok.status).toBe(200);
    const bad = await app.as('chair')(path, send('PUT', { decisions: 'x'.repeat(4001) }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/decisions/);
    // Only the fields given change.
    await app.as('coordinator')(
      path,
      send('PUT', { victimViews: 'Wants to stay, with a sanctuary scheme.' }),
    );
    const m = await read('chair');
    expect(m.workflow.status).toBe('draft');
    expect(m.cases[0]!.record).toEqual({
      riskSummary: 'Escalating threats since the separation.',
      victimViews: 'Wants to stay, with a sanctuary scheme.',
      decisions: 'Sanctuary scheme referral; police marker on the address.',
      dissent: 'Children’s services disagreed with closing their involvement.',
    });
    expect(m.cases.map((c) => c.heard).slice(0, 3)).toEqual([true, true, false]);
    // Join and leave times per case and for the meeting, with the camera source.
    expect(m.cases[0]!.attendance).toEqual([
      expect.objectContaining({ name: expect.any(String), cameraSource: 'attestation' }),
    ]);
    expect(m.cases[0]!.attendance[0]!.joinedAt).toMatch(/T\d\d:\d\d/);
    const police = m.meetingInformation.attendees.find((a) => a.joinedAt);
    expect(police?.leftAt).not.toBeNull();
    // A representative cannot write the minutes; nor can another case id be used.
    expect((await app.as('police-rep')(path, send('PUT', { decisions: 'x' }))).status).toBe(403);
    const stranger = await app.as('chair')(
      `/api/meetings/${meetingId}/minutes/cases/${demoUuid('nothing')}`,
      send('PUT', { decisions: 'x' }),
    );
    expect(stranger.status).toBe(404);
  });

  it('a representative learns only that the minutes are not circulated yet', async () => {
    await app.as('police-rep')(`/api/meetings/${meetingId}/declaration`, { method: 'POST' });
    const m = await read('police-rep');
    expect(m.notYetCirculated).toBe(true);
    expect(m.cases).toBeUndefined();
  });

  it('goes draft → awaiting approval → approved → circulated, the notice a link only', async () => {
    // The chair cannot approve before the coordinator submits; submitting needs the meeting ended.
    const early = await app.as('chair')(
      `/api/meetings/${meetingId}/minutes/decision`,
      send('POST', { decision: 'approve' }),
    );
    expect(early.status).toBe(409);
    expect(
      (await app.as('coordinator')(`/api/meetings/${meetingId}/minutes/submit`, send('POST', {})))
        .status,
    ).toBe(409);
    await app.db.query(
      `UPDATE meeting SET status = 'ended', actual_end = scheduled_start + interval '55 minutes' WHERE id = $1`,
      [meetingId],
    );
    const submit = await app.as('coordinator')(
      `/api/meetings/${meetingId}/minutes/submit`,
      send('POST', {}),
    );
    expect(submit.status).toBe(200);
    const approve = await app.as('chair')(
      `/api/meetings/${meetingId}/minutes/decision`,
      send('POST', { decision: 'approve' }),
    );
    expect(await approve.json()).toEqual({ minutesStatus: 'approved' });
    // Approved minutes are not edited any more.
    const late = await app.as('chair')(
      `/api/meetings/${meetingId}/minutes/cases/${items[0]!.id}`,
      send('PUT', { decisions: 'changed' }),
    );
    expect(late.status).toBe(409);
    const circulate = await app.as('coordinator')(
      `/api/meetings/${meetingId}/minutes/circulate`,
      send('POST', {}),
    );
    expect(circulate.status).toBe(200);
    const result = (await circulate.json()) as { queued: number; blocked: number };
    expect(result.queued).toBeGreaterThan(0);
    const { rows } = await app.db.query<{
      subject: string;
      body_html: string;
      to_recipients: unknown;
    }>(`SELECT subject, body_html, to_recipients FROM outbox_mail WHERE purpose = 'minutes'`);
    expect(rows).toHaveLength(result.queued);
    expect(rows[0]!.body_html).toContain(`/tab/minutes?meetingId=${meetingId}`);
    expect(rows.map((r) => r.body_html).join('')).not.toContain(items[0]!.case_number);
    expectNoPersonalData(JSON.stringify(rows));
    const again = await app.as('coordinator')(
      `/api/meetings/${meetingId}/minutes/circulate`,
      send('POST', {}),
    );
    expect(again.status).toBe(409);
    const audit = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE record_id = $1 AND action IN
         ('minutes.case-record', 'minutes.submit', 'minutes.approve', 'minutes.circulate') ORDER BY id`,
      [meetingId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'minutes.case-record',
      'minutes.case-record',
      'minutes.submit',
      'minutes.approve',
      'minutes.circulate',
    ]);
  });

  it('a representative reads their agency’s extract once circulated', async () => {
    const m = await read('police-rep');
    expect(m.extract?.agency).toBe('Northfield Police');
    const actions = m.cases.flatMap((c) => c.actions);
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions.map((a) => a.agency))).toEqual(new Set(['Northfield Police']));
    const full = await read('chair');
    expect(full.extract).toBeNull();
    expect(m.cases.length).toBeLessThan(full.cases.length);
  });

  it('takes corrections as addenda, which cannot be changed afterwards', async () => {
    const res = await app.as('chair')(
      `/api/meetings/${meetingId}/minutes/addenda`,
      send('POST', {
        agendaItemId: items[0]!.id,
        body: 'The marker was agreed for both addresses.',
      }),
    );
    expect(res.status).toBe(201);
    const empty = await app.as('chair')(
      `/api/meetings/${meetingId}/minutes/addenda`,
      send('POST', { body: '  ' }),
    );
    expect(empty.status).toBe(400);
    const m = await read('chair');
    expect(m.addenda).toEqual([
      expect.objectContaining({
        caseNumber: items[0]!.case_number,
        body: 'The marker was agreed for both addresses.',
      }),
    ]);
    await expect(app.db.query(`UPDATE minutes_addendum SET body = 'rewritten'`)).rejects.toThrow(
      /APPEND_ONLY/,
    );
  });

  it('exports a Word document with British dates, page numbers and who it was exported for', async () => {
    const res = await app.as('coordinator')(`/api/meetings/${meetingId}/minutes.docx`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (process.env.MINUTES_DOCX_OUT) await writeFile(process.env.MINUTES_DOCX_OUT, bytes);
    const zip = await JSZip.loadAsync(bytes);
    const document = await zip.file('word/document.xml')!.async('string');
    const parts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/(header|footer)\d*\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    const text = (xml: string) => xml.replace(/<[^>]+>/g, '');
    expect(parts.join('')).toMatch(/PAGE/);
    expect(parts.join('')).toMatch(/NUMPAGES/);
    expect(text(parts.join(''))).toContain('Exported for Morgan Exampleton, ');
    expect(text(document)).not.toMatch(/\d{4}-\d\d-\d\d/);
    expect(text(document)).toContain(`${items[2]!.case_number}: not heard`);
    expect(text(document)).toContain('Dissent recorded');
    expect(text(document)).toContain('Addenda: corrections after approval');
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
  });
});

describe('the next meeting (FR-089)', () => {
  it('shows the previous meeting’s minutes and the actions still outstanding, for review', async () => {
    const { rows } = await app.db.query<{ id: string }>(
      `INSERT INTO meeting (area_id, title, scheduled_start, scheduled_end, status)
       SELECT area_id, title, scheduled_start + interval '14 days', scheduled_end + interval '14 days', 'scheduled'
         FROM meeting WHERE id = $1 RETURNING id`,
      [meetingId],
    );
    const res = await app.as('coordinator')(`/api/meetings/${rows[0]!.id}/minutes`);
    expect(res.status).toBe(200);
    const next = (await res.json()) as {
      previousMeeting: { id: string; minutesStatus: string };
      outstandingActions: { reference: string; owner: string | null }[];
    };
    expect(next.previousMeeting).toMatchObject({ id: meetingId, minutesStatus: 'circulated' });
    expect(next.outstandingActions.map((a) => a.reference)).toEqual(['A-0001', 'A-0002']);
    expect(next.outstandingActions.every((a) => a.owner)).toBe(true);
  });
});
