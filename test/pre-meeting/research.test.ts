import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgActionStore } from '../../store/action-store.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import {
  agencyId,
  emailOf,
  personId,
  SEEDED_MEETING,
  startPreMeetingApp,
  type PreMeetingApp,
} from './support.js';

/**
 * Research returns and written submissions (FR-038..FR-041, A-07) over HTTP on a fake clock,
 * as each kind of person: an agency returns only for cases it is involved in, the leads see
 * the grid, reminders go after the deadline with references only, and access ends after the
 * meeting (IS-08, IS-09): research destroyed, case list closed to agencies, case personal data
 * purged at the last review point; all audited.
 */
let app: PreMeetingApp;
let meetingStart: Date;
let meetingEnd: Date;
const items: { id: string; caseNumber: string; involved: string[]; closed: boolean }[] = [];
const HOUSING = agencyId('housing');
const research = (path = '') => `/api/meetings/${SEEDED_MEETING}/research${path}`;

beforeAll(async () => {
  app = await startPreMeetingApp('2027-03-01T09:00:00Z');
  const m = await app.db.query<{ scheduled_start: Date; scheduled_end: Date }>(
    'SELECT scheduled_start, scheduled_end FROM meeting WHERE id = $1',
    [SEEDED_MEETING],
  );
  meetingStart = m.rows[0]!.scheduled_start;
  meetingEnd = m.rows[0]!.scheduled_end;
  const { rows } = await app.db.query<{
    id: string;
    case_number: string;
    agencies_involved: string[];
    is_closed_session: boolean;
  }>(
    `SELECT ai.id, c.case_number, ai.agencies_involved, ai.is_closed_session
       FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id JOIN meeting m ON m.id = ai.meeting_id
      WHERE m.id = $1 OR m.parent_meeting_id = $1 ORDER BY ai.is_closed_session, ai.position`,
    [SEEDED_MEETING],
  );
  items.push(
    ...rows.map((r) => ({
      id: r.id,
      caseNumber: r.case_number,
      involved: r.agencies_involved,
      closed: r.is_closed_session,
    })),
  );
  for (const who of [
    'housing-rep',
    'housing-deputy',
    'police-rep',
    'idva-rep',
    'chair',
    'coordinator',
  ])
    expect(
      (await app.call(who, 'POST', `/api/meetings/${SEEDED_MEETING}/declaration`)).status,
    ).toBe(201);
});
afterAll(async () => app.close());

const housingCases = () => items.filter((i) => !i.closed && i.involved.includes(HOUSING));
const notHousing = () => items.find((i) => !i.closed && !i.involved.includes(HOUSING))!;
const stored = async (itemId: string, agency: string) =>
  (
    await app.db.query<{ status: string; content: unknown; sharing_rationale: string | null }>(
      'SELECT status, content, sharing_rationale FROM research_submission WHERE agenda_item_id = $1 AND agency_id = $2',
      [itemId, agency],
    )
  ).rows;

describe('an agency returns research for its own cases (FR-038, FR-039, FR-040)', () => {
  it('lists only the cases the agency is involved in, with no return yet; the view is audited', async () => {
    const res = await app.call('housing-rep', 'GET', research('/mine'));
    expect(res.status).toBe(200);
    expect(housingCases().length).toBeGreaterThan(0);
    expect(res.body.cases.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(
      housingCases().map((i) => i.caseNumber),
    );
    expect(res.body.cases.every((c: { return: unknown }) => c.return === null)).toBe(true);
    expect(res.body.open).toBe(true);
    expect(new Date(res.body.deadline).getTime()).toBe(meetingStart.getTime() - 2 * 86_400_000);
    const audit = await app.db.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_log WHERE action = 'research.view-own' AND actor_person_id = $1`,
      [personId('housing-rep')],
    );
    expect(audit.rows[0]?.detail).toMatchObject({
      agencyId: HOUSING,
      cases: housingCases().length,
    });
  });

  it('saves a return with its information, reason and restrictions; a change replaces it; audited with ids only', async () => {
    const item = housingCases()[0]!;
    const first = await app.call('housing-rep', 'PUT', research(`/cases/${item.id}`), {
      status: 'submitted',
      information: 'Tenancy warning issued after two disturbances in January',
      reason: 'The victim is at risk at the address',
      restrictions: 'Not to be shared with the tenant',
      researchedOn: '2027-02-27',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ caseNumber: item.caseNumber, created: true });
    expect(await stored(item.id, HOUSING)).toEqual([
      {
        status: 'submitted',
        content: { information: 'Tenancy warning issued after two disturbances in January' },
        sharing_rationale: 'The victim is at risk at the address',
      },
    ]);
    const again = await app.call('housing-deputy', 'PUT', research(`/cases/${item.id}`), {
      status: 'written-submission',
      information: 'Nobody can attend; the tenancy warning stands',
      reason: 'Risk at the address',
    });
    expect(again.body.created).toBe(false);
    expect((await stored(item.id, HOUSING))[0]?.status).toBe('written-submission');
    const audit = await app.db.query<{ action: string; detail: Record<string, unknown> }>(
      `SELECT action, detail FROM audit_log WHERE action IN ('research.return', 'research.change') ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['research.return', 'research.change']);
    expect(JSON.stringify(audit.rows)).not.toMatch(/tenancy|disturbance|risk at/i);
    const mine = await app.call('housing-rep', 'GET', research('/mine'));
    expect(mine.body.cases[0].return).toMatchObject({
      status: 'written-submission',
      information: 'Nobody can attend; the tenancy warning stands',
      destroyed: false,
    });
  });

  it('refuses a return for a case the agency is not involved in with a plain 403; nothing saved; audited', async () => {
    const item = notHousing();
    const res = await app.call('housing-rep', 'PUT', research(`/cases/${item.id}`), {
      status: 'nil-return',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^Your agency is not listed as involved in this case/);
    expect(await stored(item.id, HOUSING)).toEqual([]);
    const refused = await app.db.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_log WHERE action = 'research.return-refused'`,
    );
    expect(refused.rows.at(-1)?.detail).toEqual({ code: 'NOT_INVOLVED' });
  });

  it('bad input names its fields in plain words and saves nothing', async () => {
    const item = housingCases()[1] ?? housingCases()[0]!;
    const before = await stored(item.id, HOUSING);
    const res = await app.call('housing-rep', 'PUT', research(`/cases/${item.id}`), {
      status: 'submitted',
      researchedOn: 'next week',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'information',
      'reason',
      'researchedOn',
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/zod|enum|expected/i);
    expect(await stored(item.id, HOUSING)).toEqual(before);
  });

  it('refuses other people: no declaration, non-signatory, steering, observer, a lead; nothing saved', async () => {
    const item = items.find((i) => !i.closed && i.involved.includes(agencyId('probation')))!;
    const noDeclaration = await app.call('probation-rep', 'PUT', research(`/cases/${item.id}`), {
      status: 'nil-return',
    });
    expect(noDeclaration.status).toBe(403);
    expect(noDeclaration.body.error.code).toBe('DECLARATION_REQUIRED');
    const any = items.find((i) => !i.closed)!;
    for (const who of ['harbour-rep', 'steering', 'observer', 'coordinator', 'chair'])
      expect(
        (await app.call(who, 'PUT', research(`/cases/${any.id}`), { status: 'nil-return' })).status,
        who,
      ).toBe(403);
    const count = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM research_submission WHERE agency_id <> $1`,
      [HOUSING],
    );
    expect(count.rows[0]?.n).toBe(0);
  });
});

describe('the leads see the grid per case and agency (FR-038)', () => {
  it('counts returned, nil, none, written and missing; no research text in the grid; audited', async () => {
    const idvaItems = items.filter((i) => !i.closed && i.involved.includes(agencyId('idva')));
    expect(
      (
        await app.call('idva-rep', 'PUT', research(`/cases/${idvaItems[0]!.id}`), {
          status: 'nil-return',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await app.call('idva-rep', 'PUT', research(`/cases/${idvaItems[1]!.id}`), {
          status: 'no-involvement',
        })
      ).status,
    ).toBe(200);
    const grid = await app.call('coordinator', 'GET', research('/grid'));
    expect(grid.status).toBe(200);
    const involvements = items.reduce((n, i) => n + i.involved.length, 0);
    expect(grid.body.totals).toEqual({
      submitted: 0,
      'nil-return': 1,
      'no-involvement': 1,
      'written-submission': 1,
      missing: involvements - 3,
    });
    expect(grid.body.cases).toHaveLength(items.length); // the coordinator sees the closed case too
    const row = grid.body.cases.find(
      (c: { caseNumber: string }) => c.caseNumber === housingCases()[0]!.caseNumber,
    );
    expect(row.cells.find((c: { agencyId: string }) => c.agencyId === HOUSING).cell).toBe(
      'written-submission',
    );
    expect(JSON.stringify(grid.body)).not.toMatch(/tenancy/i);
    const chair = await app.call('chair', 'GET', research(`/cases/${housingCases()[0]!.id}`));
    expect(chair.status).toBe(200);
    expect(
      chair.body.agencies.find((a: { agencyId: string }) => a.agencyId === HOUSING).return
        .information,
    ).toMatch(/tenancy warning/);
    for (const who of ['housing-rep', 'idva-rep', 'observer', 'steering'])
      expect((await app.call(who, 'GET', research('/grid'))).status, who).toBe(403);
    const audit = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action IN ('research.view-grid', 'research.view-case') ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['research.view-grid', 'research.view-case']);
    // FR-039: the written submission is shared with the other agencies on the case.
    const otherOnCase = housingCases()[0]!.involved.includes(agencyId('police'))
      ? 'police-rep'
      : 'idva-rep';
    const shared = await app.call(otherOnCase, 'GET', research('/mine'));
    const sharedCase = shared.body.cases.find(
      (c: { caseNumber: string }) => c.caseNumber === housingCases()[0]!.caseNumber,
    );
    expect(sharedCase.writtenSubmissions).toEqual([
      expect.objectContaining({
        agencyId: HOUSING,
        information: 'Nobody can attend; the tenancy warning stands',
      }),
    ]);
    const counts = await app.call('housing-rep', 'GET', research());
    const housing = counts.body.agencies.find((a: { agencyId: string }) => a.agencyId === HOUSING);
    expect(housing).toMatchObject({
      involvedIn: housingCases().length,
      writtenSubmissions: 1,
      missing: housingCases().length - 1,
    });
  });
});

describe('reminders after the deadline (FR-038, A-07)', () => {
  const reminders = async () =>
    (
      await app.db.query<{
        purpose: string;
        subject: string;
        body_html: string;
        to_recipients: { email: string }[];
      }>(
        `SELECT purpose, subject, body_html, to_recipients FROM outbox_mail
          WHERE purpose IN ('research-reminder', 'research-outstanding') ORDER BY created_at, id`,
      )
    ).rows;

  it('sends nothing before the deadline, then references and a link to each agency still missing, once', async () => {
    app.clock.set(new Date(meetingStart.getTime() - 2 * 86_400_000 - 60_000).toISOString());
    await app.jobs.run('research-reminders');
    expect(await reminders()).toEqual([]);
    app.clock.set(new Date(meetingStart.getTime() - 2 * 86_400_000 + 60_000).toISOString());
    await app.jobs.run('research-reminders');
    const mails = await reminders();
    const to = mails.flatMap((m) => m.to_recipients.map((r) => r.email));
    expect(to).toContain(emailOf('police-rep'));
    expect(to).toContain(emailOf('housing-rep'));
    expect(to).not.toContain(emailOf('harbour-rep'));
    for (const m of mails) {
      expectNoPersonalData(
        m.subject + m.body_html,
        `research reminder to ${m.to_recipients[0]?.email}`,
      );
      expect(m.body_html).not.toMatch(/tenancy/i);
      expect(m.body_html).toContain(`/#/meetings/${SEEDED_MEETING}`);
    }
    const housingMail = mails.find((m) => m.to_recipients[0]?.email === emailOf('housing-rep'))!;
    const missing = housingCases()
      .slice(1)
      .map((i) => i.caseNumber);
    for (const n of missing) expect(housingMail.body_html).toContain(n);
    expect(housingMail.body_html).not.toContain(housingCases()[0]!.caseNumber);
    const outstanding = mails.filter((m) => m.purpose === 'research-outstanding');
    expect(outstanding.map((m) => m.to_recipients[0]?.email)).toEqual([emailOf('coordinator')]);
    expect(outstanding[0]?.body_html).toMatch(/missing from \d+ agencies/);
    await app.jobs.run('research-reminders');
    expect(await reminders()).toHaveLength(mails.length);
    const audit = await app.db.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_log WHERE action = 'research.remind'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.detail.mails).toBe(mails.length);
  });
});

describe('access that ends (FR-041, FR-109, IS-08, IS-09)', () => {
  it('after the meeting: returns refused, research destroyed and audited; case list and research closed to agencies but not to the leads', async () => {
    app.clock.set(new Date(meetingEnd.getTime() + 60_000).toISOString());
    const late = await app.call(
      'housing-rep',
      'PUT',
      research(`/cases/${housingCases()[1]?.id ?? housingCases()[0]!.id}`),
      {
        status: 'nil-return',
      },
    );
    expect(late.status).toBe(409);
    await app.jobs.run('retention-purge');
    const rows = await app.db.query<{
      content: unknown;
      sharing_rationale: unknown;
      restrictions: unknown;
      purged_at: Date | null;
      status: string;
    }>(
      'SELECT content, sharing_rationale, restrictions, purged_at, status FROM research_submission',
    );
    expect(rows.rows.length).toBe(3);
    for (const r of rows.rows)
      expect(r).toMatchObject({
        content: null,
        sharing_rationale: null,
        restrictions: null,
        purged_at: expect.any(Date),
      });
    const purge = await app.db.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_log WHERE action = 'research.purge'`,
    );
    expect(purge.rows.map((r) => r.detail)).toEqual([{ submissions: 3 }]);
    // Within the policy's hours (24 by default) the agencies still see the case list.
    expect(
      (await app.call('housing-rep', 'GET', `/api/meetings/${SEEDED_MEETING}/case-list`)).status,
    ).toBe(200);

    app.clock.set(new Date(meetingEnd.getTime() + 24 * 3_600_000).toISOString());
    for (const who of ['housing-rep', 'housing-deputy', 'police-rep', 'idva-rep']) {
      const list = await app.call(who, 'GET', `/api/meetings/${SEEDED_MEETING}/case-list`);
      expect(list.status, who).toBe(403);
      expect(list.body.error.message).toMatch(/meeting is over/);
      expect((await app.call(who, 'GET', research('/mine'))).status, who).toBe(403);
      expect((await app.call(who, 'GET', research())).status, who).toBe(403);
      // Minutes and actions stay reachable to those entitled.
      expect(
        (await app.call(who, 'GET', `/api/meetings/${SEEDED_MEETING}/minutes`)).status,
        who,
      ).toBe(200);
      expect((await app.call(who, 'GET', '/api/actions')).status, who).toBe(200);
    }
    for (const who of ['coordinator', 'chair']) {
      expect(
        (await app.call(who, 'GET', `/api/meetings/${SEEDED_MEETING}/case-list`)).status,
        who,
      ).toBe(200);
      const grid = await app.call(who, 'GET', research('/grid'));
      expect(grid.status).toBe(200);
      expect(grid.body.destroyed).toBe(true);
    }
    const refused = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'case-list.view-refused' AND detail->>'code' = 'CASE_LIST_CLOSED'`,
    );
    expect(refused.rows[0]?.n).toBe(4);
  });

  it('purges case personal data at the last review point, except where an action is open; audited with ids and counts', async () => {
    const [kept, ...purged] = items;
    const caseOf = await app.db.query<{ case_id: string }>(
      'SELECT case_id FROM agenda_item WHERE id = $1',
      [kept!.id],
    );
    await new PgActionStore(app.db).createAction(
      {
        areaId: demoUuid('area'),
        caseId: caseOf.rows[0]!.case_id,
        meetingId: SEEDED_MEETING,
        description: 'Review the safety plan',
        category: 'victim',
        dueOn: '2028-12-01',
        state: 'open',
        ownerAgencyId: HOUSING,
        ownerPersonId: personId('housing-rep'),
      },
      personId('chair'),
      app.clock.now(),
    );
    const subjects = async (itemId: string) =>
      (
        await app.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM case_subject s JOIN agenda_item ai ON ai.case_id = s.case_id WHERE ai.id = $1`,
          [itemId],
        )
      ).rows[0]!.n;
    const before = await subjects(purged[0]!.id);
    expect(before).toBeGreaterThan(0);
    // One day short of twelve months after the meeting: nothing goes.
    const review = new Date(meetingEnd);
    review.setUTCMonth(review.getUTCMonth() + 12);
    app.clock.set(new Date(review.getTime() - 86_400_000).toISOString());
    await app.jobs.run('retention-purge');
    expect(await subjects(purged[0]!.id)).toBe(before);

    app.clock.set(new Date(review.getTime() + 86_400_000).toISOString()); // the closed session ends later
    await app.jobs.run('retention-purge');
    expect(await subjects(purged[0]!.id)).toBe(0);
    expect(await subjects(kept!.id)).toBeGreaterThan(0);
    const slot = await app.db.query<{ summary: string | null; purged: Date | null }>(
      `SELECT ai.summary, c.personal_data_purged_at AS purged FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id WHERE ai.id = $1`,
      [purged[0]!.id],
    );
    expect(slot.rows[0]).toMatchObject({ summary: null, purged: expect.any(Date) });
    const audit = await app.db.query<{ record_id: string; detail: Record<string, unknown> }>(
      `SELECT record_id, detail FROM audit_log WHERE action = 'case.personal-data-purge' ORDER BY id`,
    );
    expect(audit.rows).toHaveLength(purged.length);
    expect(audit.rows.map((r) => r.detail.caseNumber)).not.toContain(kept!.caseNumber);
    expect(
      audit.rows.find((r) => r.detail.caseNumber === purged[0]!.caseNumber)?.detail,
    ).toMatchObject({
      subjects: before,
      agendaItems: 1,
      reviewMonths: 12,
    });
    expectNoPersonalData(JSON.stringify(audit.rows), 'purge audit');
    // Idempotent: a second run purges nothing more.
    await app.jobs.run('retention-purge');
    const again = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.personal-data-purge'`,
    );
    expect(again.rows[0]?.n).toBe(purged.length);
  });
});
