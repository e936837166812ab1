import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../core/actions/action.js';
import { PgActionStore } from '../../store/action-store.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { FakeClock } from '../support/fake-clock.js';
import { expectNoPersonalData, seededPersonalData } from '../support/personal-data.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The action register's tab API over the whole composed service: the contract the tab UI builds on,
 * the closing rules (FR-073, FR-076, FR-077, FR-078, AC-12), bad input, the bulk chase, minutes
 * and their DOCX export (FR-084, FR-085, FR-088).
 */
let app: TestApp;
let meetingId: string;
let caseId: string;
let police: ActionRecord;
let housing: ActionRecord;
const clock = new FakeClock('2026-10-22T10:00:00Z');

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-10-01T09:00:00Z'), adapters: { clock } });
  const { rows } = await app.db.query<{ id: string; case_id: string; meeting_id: string }>(
    `SELECT ai.case_id, ai.meeting_id FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
      WHERE m.parent_meeting_id IS NULL AND NOT ai.is_closed_session ORDER BY ai.position LIMIT 1`,
  );
  caseId = rows[0]!.case_id;
  meetingId = rows[0]!.meeting_id;
  await app.db.query(
    `UPDATE meeting SET status = 'ended', actual_start = scheduled_start, actual_end = scheduled_end WHERE id = $1`,
    [meetingId],
  );
  const store = new PgActionStore(app.db);
  const areaId = (await app.db.query<{ id: string }>('SELECT id FROM area')).rows[0]!.id;
  const base = {
    areaId,
    caseId,
    meetingId,
    description: 'Check for a marker on the address',
    category: 'victim' as const,
    dueOn: '2026-11-04',
    state: 'open' as const,
  };
  police = await store.createAction(
    {
      ...base,
      ownerAgencyId: demoUuid('agency:police'),
      ownerPersonId: demoUuid('person:police-rep'),
    },
    demoUuid('person:chair'),
    clock.now(),
  );
  housing = await store.createAction(
    {
      ...base,
      ownerAgencyId: demoUuid('agency:housing'),
      ownerPersonId: demoUuid('person:housing-rep'),
      partnerAgencyIds: [demoUuid('agency:police')],
    },
    demoUuid('person:chair'),
    clock.now(),
  );
}, 120_000);
afterAll(() => app?.close());

describe('the action register over HTTP', () => {
  it('lists my actions in the agreed shape', async () => {
    const res = await app.as('police-rep')('/api/actions?scope=mine');
    expect(res.status).toBe(200);
    const { actions } = (await res.json()) as { actions: Record<string, unknown>[] };
    expect(actions).toEqual([
      {
        id: police.id,
        reference: 'A-0001',
        caseReference: police.caseReference,
        meetingId,
        ownerAgency: { id: demoUuid('agency:police'), name: 'Northfield Police' },
        ownerPerson: { id: demoUuid('person:police-rep'), displayName: 'Sam Testbury' },
        description: 'Check for a marker on the address',
        category: 'victim',
        dueOn: '2026-11-04',
        dueOverridden: false,
        state: 'open',
        overdue: false,
        completedOn: null,
        completionEvidence: null,
        notAchievableReason: null,
        confirmationSource: null,
        isJoint: false,
        partnerAgencyIds: [],
        escalationLevel: 0,
        version: 1,
      },
    ]);
  });

  it('shows every agency’s actions on a case to the agencies invited to it (FR-077)', async () => {
    const res = await app.as('mental-rep')('/api/actions?scope=area');
    const { actions } = (await res.json()) as { actions: { reference: string }[] };
    expect(actions.map((a) => a.reference)).toEqual(['A-0001', 'A-0002']);
    const agency = await app.as('mental-rep')(
      `/api/actions?scope=agency&agencyId=${demoUuid('agency:police')}`,
    );
    expect(agency.status).toBe(403);
    // Observers and the steering group read no case-level actions (R8, R9).
    expect((await app.as('observer')('/api/actions?scope=area')).status).toBe(403);
  });

  it('refuses bad input with a clear message', async () => {
    const bad = await app.as('police-rep')('/api/actions/not-a-real-id');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /not a valid action id: the link may be broken/,
    );
    const unknown = await app.as('police-rep')(`/api/actions/${demoUuid('nothing')}`);
    expect(unknown.status).toBe(404);
    // Completing someone else's action (FR-078).
    const other = await app.as('police-rep')(
      `/api/actions/${housing.id}/complete`,
      json({ version: 1 }),
    );
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe(
      'ACTION_NOT_OWNED',
    );
    // The coordinator may not complete it directly either.
    const coord = await app.as('coordinator')(
      `/api/actions/${police.id}/complete`,
      json({ version: 1 }),
    );
    expect(coord.status).toBe(403);
    // Not achievable needs a reason (FR-076).
    const noReason = await app.as('police-rep')(
      `/api/actions/${police.id}/not-achievable`,
      json({ version: 1 }),
    );
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { error: { code: string } }).error.code).toBe(
      'REASON_REQUIRED',
    );
    // A future completion date, an unknown field, a missing version.
    const future = await app.as('police-rep')(
      `/api/actions/${police.id}/complete`,
      json({ version: 1, completedOn: '2027-01-01' }),
    );
    expect(future.status).toBe(400);
    const extra = await app.as('police-rep')(
      `/api/actions/${police.id}/complete`,
      json({ version: 1, state: 'done' }),
    );
    expect(extra.status).toBe(400);
    const noVersion = await app.as('police-rep')(`/api/actions/${police.id}/complete`, json({}));
    expect(noVersion.status).toBe(400);
    // Nothing was half-stored.
    const after = await app.as('police-rep')(`/api/actions/${police.id}`);
    expect((await after.json()) as { state: string; version: number }).toMatchObject({
      state: 'open',
      version: 1,
    });
  });

  it('requires completion detail where the area says so (AC-12), then completes in one call', async () => {
    await app.db.query(
      `UPDATE area SET policy = policy || '{"completionEvidence":"required"}'::jsonb`,
    );
    try {
      const noEvidence = await app.as('police-deputy')(
        `/api/actions/${police.id}/complete`,
        json({ version: 1 }),
      );
      expect(noEvidence.status).toBe(422);
      expect(((await noEvidence.json()) as { error: { code: string } }).error.code).toBe(
        'EVIDENCE_REQUIRED',
      );
      const done = await app.as('police-deputy')(
        `/api/actions/${police.id}/complete`,
        json({ version: 1, evidence: 'Marker added on the police system' }),
      );
      expect(done.status).toBe(200);
      expect(await done.json()).toMatchObject({
        state: 'done',
        completedOn: '2026-10-22',
        confirmationSource: 'in-app',
        version: 2,
      });
      const stale = await app.as('police-rep')(
        `/api/actions/${police.id}/not-achievable`,
        json({ version: 1, reason: 'x' }),
      );
      expect(stale.status).toBe(409);
      const detail = (await (await app.as('police-rep')(`/api/actions/${police.id}`)).json()) as {
        history: { event: string; actor: { displayName: string } | null }[];
      };
      expect(detail.history.map((h) => [h.event, h.actor?.displayName])).toEqual([
        ['created', 'Alex Sampleford'],
        ['completed', 'Robin Mockridge'],
      ]);
    } finally {
      await app.db.query(`UPDATE area SET policy = policy - 'completionEvidence'`);
    }
  });

  it('lets the coordinator close only by recording the agency’s confirmation (FR-078)', async () => {
    const missing = await app.as('coordinator')(
      `/api/actions/${housing.id}/record-confirmation`,
      json({ outcome: 'not-achievable', reason: 'Tenancy ended', version: 1 }),
    );
    expect(missing.status).toBe(400);
    const rep = await app.as('housing-rep')(
      `/api/actions/${housing.id}/record-confirmation`,
      json({ outcome: 'done', confirmedBy: 'me', version: 1 }),
    );
    expect(rep.status).toBe(403);
    const ok = await app.as('coordinator')(
      `/api/actions/${housing.id}/record-confirmation`,
      json({
        outcome: 'not-achievable',
        reason: 'Tenancy ended',
        confirmedBy: 'Housing rep by e-mail',
        version: 1,
      }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      state: 'not-achievable',
      notAchievableReason: 'Tenancy ended',
      confirmationSource: 'recorded-by-coordinator',
    });
    const { rows } = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE record_id = $1 ORDER BY id`,
      [housing.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['action.not-achievable']);
  });

  it('bulk chases: one bundled mail per owner, once a day, no personal data', async () => {
    const store = new PgActionStore(app.db);
    const areaId = police.areaId;
    const more = [];
    for (let i = 0; i < 2; i++)
      more.push(
        await store.createAction(
          {
            areaId,
            caseId,
            meetingId,
            ownerAgencyId: demoUuid('agency:probation'),
            ownerPersonId: demoUuid('person:probation-rep'),
            description: `Probation action ${i}`,
            category: 'perpetrator',
            dueOn: '2026-10-23',
            state: 'open',
          },
          demoUuid('person:chair'),
          clock.now(),
        ),
      );
    const forbidden = await app.as('police-rep')(
      '/api/actions/chase',
      json({ actionIds: [more[0]!.id] }),
    );
    expect(forbidden.status).toBe(403);
    const res = await app.as('coordinator')(
      '/api/actions/chase',
      json({ actionIds: [...more.map((a) => a.id), police.id] }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queued: number; mails: number; skipped: { id: string }[] };
    expect(body).toMatchObject({ queued: 2, mails: 1, skipped: [{ id: police.id }] });
    const again = (await (
      await app.as('coordinator')('/api/actions/chase', json({ actionIds: [more[0]!.id] }))
    ).json()) as { queued: number };
    expect(again.queued).toBe(0);
    const { rows } = await app.db.query<{
      to_recipients: unknown;
      subject: string;
      body_html: string;
    }>(`SELECT to_recipients, subject, body_html FROM outbox_mail WHERE purpose = 'manual-chase'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.to_recipients).toEqual([
      { email: 'drew.mockingham@probation-northfield.example', name: 'Drew Mockingham' },
    ]);
    expect(rows[0]!.body_html).toContain(
      `${app.config.http.publicUrl}/tab/my-marac?action=${more[0]!.id}`,
    );
    expect(rows[0]!.body_html).not.toContain('Probation action');
    expectNoPersonalData(JSON.stringify(rows));
    const bad = await app.as('coordinator')('/api/actions/chase', json({ actionIds: ['x'] }));
    expect(bad.status).toBe(400);
  });
});

describe('minutes (FR-084, FR-085, FR-088)', () => {
  it('follow the §3.9 checklist for the seeded meeting, view-only by default', async () => {
    const res = await app.as('chair')(`/api/meetings/${meetingId}/minutes`);
    expect(res.status).toBe(200);
    const m = (await res.json()) as Record<string, unknown> & {
      cases: {
        caseNumber: string;
        beforeMeeting: object;
        duringMeeting: object;
        actions: { reference: string }[];
      }[];
    };
    expect(Object.keys(m)).toEqual([
      'maracName',
      'meeting',
      'meetingInformation',
      'confidentialityStatement',
      'outstandingActions',
      'cases',
      'workflow',
      'addenda',
      'extract',
      'previousMeeting',
      'footer',
    ]);
    expect(m.maracName).toBe('Northfield MARAC');
    expect(m.cases).toHaveLength(15); // the chair sees the closed-session case too
    const first = m.cases[0]!;
    expect(first.actions.map((a) => a.reference)).toEqual(
      expect.arrayContaining(['A-0001', 'A-0002']),
    );
    expect(Object.keys(first.beforeMeeting)).toEqual([
      'subjects',
      'victimEquality',
      'referringAgency',
      'victimAwareOfReferral',
      'repeat',
      'referralBasis',
      'keyInformation',
    ]);
    // An invited representative, after the declaration, does not see the closed-session case
    // sheet (FR-100).
    await app.as('housing-rep')(`/api/meetings/${meetingId}/declaration`, { method: 'POST' });
    const before = (await (
      await app.as('housing-rep')(`/api/meetings/${meetingId}/minutes`)
    ).json()) as { notYetCirculated?: boolean; cases?: unknown[] };
    expect(before).toMatchObject({ notYetCirculated: true });
    expect(before.cases).toBeUndefined();
    await app.db.query(`UPDATE meeting SET minutes_status = 'circulated' WHERE id = $1`, [
      meetingId,
    ]);
    const rep = (await (
      await app.as('housing-rep')(`/api/meetings/${meetingId}/minutes`)
    ).json()) as {
      cases: { closedSession: boolean }[];
      extract: { agency: string };
    };
    expect(rep.extract.agency).toBe('Northfield Council Housing Options');
    expect(rep.cases.some((c) => c.closedSession)).toBe(false);
    expect((await app.as('steering')(`/api/meetings/${meetingId}/minutes`)).status).toBe(403);
    const docx = await app.as('chair')(`/api/meetings/${meetingId}/minutes.docx`);
    expect(docx.status).toBe(403);
    expect((await app.as('chair')('/api/meetings/zzz/minutes')).status).toBe(400);
  });

  it('export to DOCX where allowed, with the MARAC name and page numbers on every page, audited', async () => {
    await app.db.query(
      `UPDATE area SET policy = policy || '{"minutesDownload":"download-allowed"}'::jsonb`,
    );
    const res = await app.as('coordinator')(`/api/meetings/${meetingId}/minutes.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/wordprocessingml/);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const document = await zip.file('word/document.xml')!.async('string');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d*\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d*\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(document).toContain('Minutes and action plan');
    expect(document).toContain('Actions from previous MARACs');
    expect(document).toContain('A-0001');
    // The section uses one default footer and header for every page.
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(footers.join('')).toContain('Northfield MARAC');
    expect(footers.join('')).toMatch(/PAGE/);
    expect(footers.join('')).toMatch(/NUMPAGES/);
    expect(headers.join('')).toContain('Northfield MARAC: CONFIDENTIAL');
    // Case pages: one page break per case sheet.
    expect(document.match(/<w:pageBreakBefore\/>/g)?.length).toBe(15);
    // The minutes carry the case personal data (tab-only document), so the seeded names appear.
    expect(seededPersonalData().some((v) => document.includes(v))).toBe(true);
    const { rows } = await app.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE record_type = 'meeting' AND action LIKE 'minutes.%'
        GROUP BY action ORDER BY action`,
    );
    expect(rows).toEqual([
      { action: 'minutes.export', n: 1 },
      { action: 'minutes.export-refused', n: 1 },
      { action: 'minutes.view', n: 2 },
    ]);
  });

  it('gives an agency its extract (FR-090)', async () => {
    const res = await app.as('police-rep')(
      `/api/agencies/${demoUuid('agency:police')}/extract?meetingId=${meetingId}`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { actions: { reference: string; joint: boolean }[] };
    expect(body.actions.map((a) => [a.reference, a.joint])).toEqual([
      ['A-0001', false],
      ['A-0002', true],
    ]);
    expect(
      (await app.as('police-rep')(`/api/agencies/${demoUuid('agency:housing')}/extract`)).status,
    ).toBe(403);
  });
});
