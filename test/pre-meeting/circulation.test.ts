import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASES, type DemoCase } from '../../store/seed/demo-cases.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { agencyId, emailOf, personId, startPreMeetingApp, type PreMeetingApp } from './support.js';

/**
 * Circulation end to end on a fake clock: the meeting is on Wednesday 7 April 2027, so 8
 * working days before skips Easter Monday (29 March) and Good Friday (26 March): the case list
 * goes on Wednesday 24 March, not Friday 26 March.
 */
let app: PreMeetingApp;
let meetingId: string;
const caseBody = (c: DemoCase, permitted: string[] = []) => ({
  caseNumber: `${c.caseNumber}-X`,
  riskLevel: c.risk,
  riskScore: c.riskScore,
  referringAgencyId: agencyId(c.referringAgency),
  agenciesInvolved: c.agenciesInvolved.map(agencyId),
  summary: c.summary,
  subjects: c.subjects.map((s) => ({
    kind: s.kind,
    fullName: s.fullName,
    dateOfBirth: s.dateOfBirth,
    address: s.address,
  })),
  permittedPersonIds: permitted.map(personId),
});
const open = DEMO_CASES.filter((c) => !c.closedSession);
const closedCase = DEMO_CASES.find((c) => c.closedSession) as DemoCase;

beforeAll(async () => {
  app = await startPreMeetingApp('2027-03-01T09:00:00Z', {
    caseListExport: { uploadToSharePoint: true, linkType: 'blocksDownload' },
  });
  const created = await app.call('coordinator', 'POST', '/api/meetings', {
    kind: 'extraordinary',
    title: 'Northfield MARAC',
    day: '2027-04-07',
    startTime: '09:30',
    endTime: '13:00',
  });
  meetingId = created.body.meetings[0].meetingId;
  const closed = await app.call(
    'coordinator',
    'POST',
    `/api/meetings/${meetingId}/closed-sessions`,
    { startTime: '13:15', endTime: '13:45' },
  );
  for (const c of open.slice(0, 3))
    expect(
      (await app.call('coordinator', 'POST', `/api/meetings/${meetingId}/agenda`, caseBody(c)))
        .status,
    ).toBe(201);
  const closedAdd = await app.call(
    'coordinator',
    'POST',
    `/api/meetings/${closed.body.meetings[0].meetingId}/agenda`,
    caseBody(closedCase, ['police-rep', 'idva-rep']),
  );
  expect(closedAdd.status).toBe(201);
});
afterAll(async () => app.close());

interface Mail {
  to_recipients: { email: string }[];
  subject: string;
  body_html: string;
  purpose: string;
}
const outbox = async (purpose: string) =>
  (
    await app.db.query<Mail>(
      `SELECT to_recipients, subject, body_html, purpose FROM outbox_mail WHERE purpose = $1 ORDER BY created_at`,
      [purpose],
    )
  ).rows;
const mailTo = (mails: Mail[], key: string) =>
  mails.find((m) => m.to_recipients[0]?.email === emailOf(key));

describe('the circulation job (FR-031, FR-033)', () => {
  it('waits for the due working day, counting across the Easter bank holidays', async () => {
    expect(app.jobs.schedules.get('case-list-circulation')).toBe('*/10 * * * *');
    const due = await app.db.query('SELECT circulation_due_on FROM meeting WHERE id = $1', [
      meetingId,
    ]);
    expect(due.rows[0]).toEqual({ circulation_due_on: '2027-03-24' });
    app.clock.set('2027-03-23T16:00:00Z');
    await app.jobs.run('case-list-circulation');
    app.clock.set('2027-03-24T06:30:00Z');
    await app.jobs.run('case-list-circulation');
    expect(await outbox('circulation')).toEqual([]);
  });

  it('on the day, queues one mail per entitled recipient with no personal data, and never twice', async () => {
    app.clock.set('2027-03-24T09:00:00Z');
    await app.jobs.run('case-list-circulation');
    await app.jobs.run('case-list-circulation');
    const mails = await outbox('circulation');
    const to = mails.map((m) => m.to_recipients[0]?.email);
    expect(new Set(to).size).toBe(to.length);
    expect(to).toEqual(
      expect.arrayContaining(
        ['police-rep', 'police-deputy', 'idva-2', 'housing-rep', 'chair', 'deputy-chair'].map(
          emailOf,
        ),
      ),
    );
    for (const outsider of ['harbour-rep', 'observer', 'steering', 'coordinator'])
      expect(to).not.toContain(emailOf(outsider));
    for (const m of mails) {
      expectNoPersonalData(
        m.subject + m.body_html,
        `circulation mail to ${m.to_recipients[0]?.email}`,
      );
      expect(m.body_html).not.toMatch(/NF-2611/);
      expect(m.subject).toBe(
        'Strictly Private & Confidential: Northfield MARAC, Wednesday 7 April 2027, 09:30: case list',
      );
      expect(m.body_html).toContain(`/#/meetings/${meetingId}/case-list`);
      expect(m.body_html).toContain('This meeting is strictly confidential.');
    }
    // A closed case counts only for the people listed on it (and the chair).
    expect(mailTo(mails, 'police-rep')?.body_html).toContain('4 cases');
    expect(mailTo(mails, 'housing-rep')?.body_html).toContain('3 cases');
    expect(mailTo(mails, 'chair')?.body_html).toContain('4 cases');
  });

  it('sends late additions as an addendum to those who may see them', async () => {
    app.clock.set('2027-03-29T10:00:00Z');
    const added = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${meetingId}/agenda`,
      caseBody(open[3] as DemoCase),
    );
    expect(
      added.body.items.find(
        (i: { caseNumber: string; addedAfterCirculation: boolean }) =>
          i.caseNumber.endsWith('-X') && i.addedAfterCirculation,
      ),
    ).toBeTruthy();
    app.clock.set('2027-03-29T10:10:00Z');
    await app.jobs.run('case-list-circulation');
    await app.jobs.run('case-list-circulation');
    const mails = await outbox('circulation-addendum');
    expect(mails.length).toBe((await outbox('circulation')).length);
    for (const m of mails) {
      expectNoPersonalData(m.subject + m.body_html, 'addendum');
      expect(m.body_html).toContain('1 case has been added');
    }
  });
});

describe('the case list in the tab (FR-046, FR-100, FR-104)', () => {
  it('needs the declaration, shows content to entitled people, audits every view and marks it opened', async () => {
    const before = await app.call('housing-rep', 'GET', `/api/meetings/${meetingId}/case-list`);
    expect(before.status).toBe(403);
    expect(before.body.error.code).toBe('DECLARATION_REQUIRED');
    expect(
      (await app.call('housing-rep', 'POST', `/api/meetings/${meetingId}/declaration`)).status,
    ).toBe(201);
    const seen = await app.call('housing-rep', 'GET', `/api/meetings/${meetingId}/case-list`);
    expect(seen.status).toBe(200);
    expect(seen.body.items).toHaveLength(4);
    expect(seen.body.items.some((i: { isClosedSession: boolean }) => i.isClosedSession)).toBe(
      false,
    );
    expect(seen.body.items[0].subjects[0]).toMatchObject({
      kind: 'victim',
      fullName: expect.any(String),
    });

    await app.call('police-rep', 'POST', `/api/meetings/${meetingId}/declaration`);
    const police = await app.call('police-rep', 'GET', `/api/meetings/${meetingId}/case-list`);
    expect(police.body.items.map((i: { caseNumber: string }) => i.caseNumber)).toContain(
      `${closedCase.caseNumber}-X`,
    );

    const refused = await app.call('harbour-rep', 'GET', `/api/meetings/${meetingId}/case-list`);
    expect(refused.body.error.code).toBe('AGENCY_NOT_SIGNATORY');

    const audit = await app.db.query<{
      action: string;
      actor_person_id: string;
      detail: { cases?: number; code?: string };
    }>(
      `SELECT action, actor_person_id, detail FROM audit_log WHERE meeting_id = $1 AND action LIKE 'case-list.view%' ORDER BY id`,
      [meetingId],
    );
    expect(
      audit.rows.map((r) => [r.action, r.actor_person_id, r.detail.cases ?? r.detail.code]),
    ).toEqual([
      ['case-list.view', personId('housing-rep'), 4],
      ['case-list.view', personId('police-rep'), 5],
      ['case-list.view-refused', personId('harbour-rep'), 'AGENCY_NOT_SIGNATORY'],
    ]);
    for (const row of audit.rows) expectNoPersonalData(JSON.stringify(row.detail), 'audit detail');
  });

  it('shows the coordinator sent, opened and not opened per recipient', async () => {
    await app.db.query(
      `UPDATE outbox_mail SET state = 'sent', sent_at = $1 WHERE purpose = 'circulation' AND to_recipients->0->>'email' IN ($2, $3)`,
      [new Date('2027-03-24T09:01:00Z'), emailOf('housing-rep'), emailOf('probation-rep')],
    );
    const res = await app.call('coordinator', 'GET', `/api/meetings/${meetingId}/circulation`);
    expect(res.status).toBe(200);
    const initial = res.body.circulations.find((c: { kind: string }) => c.kind === 'initial');
    const status = (key: string) =>
      initial.recipients.find((r: { personId: string }) => r.personId === personId(key))?.status;
    expect(status('housing-rep')).toBe('opened');
    expect(status('probation-rep')).toBe('not-opened');
    expect(status('mental-rep')).toBe('queued');
    expect(
      (await app.call('police-rep', 'GET', `/api/meetings/${meetingId}/circulation`)).status,
    ).toBe(403);
  });
});

describe('SharePoint export and retention (FR-041, FR-109)', () => {
  it('exports open cases only, shares people-only without download until the meeting ends, then purges', async () => {
    const res = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${meetingId}/case-list/export`,
    );
    expect(res.status).toBe(201);
    const [share] = app.fileShare.shares;
    expect(share).toMatchObject({
      type: 'blocksDownload',
      expiresAt: new Date('2027-04-07T12:00:00Z'),
    });
    expect(share?.recipients).toContain(emailOf('police-rep'));
    expect(share?.recipients).not.toContain(emailOf('harbour-rep'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(app.fileShare.uploads[0]?.content as Uint8Array) as unknown as ArrayBuffer,
    );
    const text = JSON.stringify(workbook.worksheets[0]?.getSheetValues());
    expect(text).toContain(open[0]?.subjects[0]?.fullName);
    expect(text).not.toContain(closedCase.subjects[0]?.fullName);

    const view = await app.call('police-rep', 'GET', `/api/meetings/${meetingId}/case-list`);
    expect(view.body.exports).toEqual([
      {
        webUrl: expect.stringContaining('sharepoint.example'),
        expiresAt: '2027-04-07T12:00:00.000Z',
      },
    ]);

    const item = await app.db.query<{ id: string }>(
      'SELECT id FROM agenda_item WHERE meeting_id = $1 LIMIT 1',
      [meetingId],
    );
    await app.db.query(
      `INSERT INTO research_submission (agenda_item_id, agency_id, status, content, sharing_rationale) VALUES ($1, $2, 'submitted', '{"notes":"x"}', 'risk')`,
      [item.rows[0]?.id, agencyId('police')],
    );
    app.clock.set('2027-04-07T11:00:00Z');
    await app.jobs.run('retention-purge');
    expect(app.fileShare.deleted).toEqual([]);

    app.fileShare.failDeleteTimes = 1;
    app.clock.set('2027-04-07T12:05:00Z');
    await app.jobs.run('retention-purge');
    expect(app.fileShare.deleted).toEqual([]);
    await app.jobs.run('retention-purge');
    expect(app.fileShare.revoked).toHaveLength(2);
    expect(app.fileShare.deleted).toHaveLength(1);
    const research = await app.db.query('SELECT content, purged_at FROM research_submission');
    expect(research.rows[0]).toMatchObject({ content: null, purged_at: expect.any(Date) });
    const audit = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action IN ('research.purge', 'case-list-export.purge', 'case-list-export.purge-failed') ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'research.purge',
      'case-list-export.purge-failed',
      'case-list-export.purge',
    ]);
  });
});
