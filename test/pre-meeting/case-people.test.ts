import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshInvitees } from '../../core/scheduling/change-meeting.js';
import { preMeeting } from '../../server/pre-meeting.js';
import { PgMeetingRunStore } from '../../store/meeting-run-store.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { DEMO_TENANT_USERS } from '../../store/seed/demo-tenant-users.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { addPerson } from '../support/extra-people.js';
import {
  agencyId,
  emailOf,
  personId,
  SEEDED_CLOSED,
  SEEDED_MEETING,
  startPreMeetingApp,
  type PreMeetingApp,
} from './support.js';

let app: PreMeetingApp;
let keyworker: string;
let items: { id: string; position: number; case_number: string; is_closed_session: boolean }[];
const KEYWORKER_EMAIL = 'kit.keyworker@northfield-police.example';

beforeAll(async () => {
  app = await startPreMeetingApp();
  keyworker = await addPerson(app.db, demoUuid('area'), app.config.microsoft.tenantId as string, {
    key: 'case-keyworker',
    displayName: 'Kit Keyworker',
    roles: ['keyworker'],
    agencyKey: 'police',
  });
  await app.db.query('UPDATE person SET email = $2 WHERE id = $1', [keyworker, KEYWORKER_EMAIL]);
  items = (
    await app.db.query<(typeof items)[number]>(
      `SELECT ai.id, ai.position, c.case_number, ai.is_closed_session
         FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id
        WHERE ai.meeting_id = $1 ORDER BY ai.position`,
      [SEEDED_MEETING],
    )
  ).rows;
});
afterAll(async () => app.close());

const audit = async (action: string) =>
  (
    await app.db.query<{
      record_id: string;
      actor_person_id: string;
      detail: Record<string, unknown>;
    }>(`SELECT record_id, actor_person_id, detail FROM audit_log WHERE action = $1 ORDER BY at`, [
      action,
    ])
  ).rows;
const mailTo = async (email: string) =>
  (
    await app.db.query<{ purpose: string; subject: string; body_html: string }>(
      `SELECT purpose, subject, body_html FROM outbox_mail
        WHERE to_recipients::text ILIKE '%' || $1 || '%' ORDER BY created_at`,
      [email],
    )
  ).rows;
const lastAttendees = () => {
  const sent = app.scheduler.calls.flatMap((c) =>
    c.op === 'createEvent'
      ? [c.input.attendees]
      : c.op === 'updateEvent'
        ? [c.changes.attendees]
        : [],
  );
  return (sent.filter(Boolean).at(-1) ?? []).map((a) => a.email);
};

describe('people invited for one case', () => {
  it('refuses bad input with the field named and saves nothing', async () => {
    const second = items[1]!;
    const url = `/api/meetings/${SEEDED_MEETING}/agenda/${second.id}/case-people`;
    const noKind = await app.call('coordinator', 'POST', url, { personId: keyworker });
    expect(noKind.status).toBe(400);
    expect(noKind.body.error.details[0].path).toBe('kind');
    const outsider = await app.call('coordinator', 'POST', url, {
      personId: demoUuid('person:nobody'),
      kind: 'keyworker',
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.details).toEqual([expect.objectContaining({ path: 'personId' })]);
    const unsigned = await app.call('coordinator', 'POST', url, {
      personId: personId('harbour-rep'),
      kind: 'specialist',
    });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.error.details[0].message).toMatch(/information-sharing agreement/);
    const closedItem = (
      await app.db.query<{ id: string }>('SELECT id FROM agenda_item WHERE meeting_id = $1', [
        SEEDED_CLOSED,
      ])
    ).rows[0]!;
    const closed = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${SEEDED_CLOSED}/agenda/${closedItem.id}/case-people`,
      { personId: keyworker, kind: 'keyworker' },
    );
    expect(closed.status).toBe(409);
    expect((await app.db.query('SELECT 1 FROM case_person')).rows).toHaveLength(0);
    expect(
      (await app.db.query('SELECT 1 FROM meeting_invitee WHERE person_id = $1', [keyworker])).rows,
    ).toHaveLength(0);
  });

  it('the coordinator invites a keyworker for one case: stored, audited, in Teams, a mail with references only', async () => {
    const second = items[1]!;
    const res = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/agenda/${second.id}/case-people`,
      { personId: keyworker, kind: 'keyworker' },
    );
    expect(res.status).toBe(201);
    expect(res.body.teams.status).toBe('scheduled');
    const stored = await app.db.query(
      'SELECT agenda_item_id, kind, invited_by FROM case_person WHERE person_id = $1',
      [keyworker],
    );
    expect(stored.rows).toEqual([
      { agenda_item_id: second.id, kind: 'keyworker', invited_by: personId('coordinator') },
    ]);
    const invitee = await app.db.query(
      'SELECT kind, agency_id FROM meeting_invitee WHERE meeting_id = $1 AND person_id = $2',
      [SEEDED_MEETING, keyworker],
    );
    expect(invitee.rows).toEqual([{ kind: 'keyworker', agency_id: agencyId('police') }]);
    expect(lastAttendees()).toContain(KEYWORKER_EMAIL);
    const options = app.scheduler.callsOf('applyOptions').at(-1)!.options;
    expect(options.attendees).toContain(KEYWORKER_EMAIL);
    expect(await audit('case-person.invite')).toEqual([
      expect.objectContaining({
        record_id: second.id,
        actor_person_id: personId('coordinator'),
        detail: expect.objectContaining({ person: keyworker, kind: 'keyworker' }),
      }),
    ]);
    const mails = await mailTo(KEYWORKER_EMAIL);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(second.case_number);
    expectNoPersonalData(mails[0]!.subject + mails[0]!.body_html, 'case-person mail');
    // Listed for the coordinator, not yet declared.
    const list = await app.call('chair', 'GET', `/api/meetings/${SEEDED_MEETING}/case-people`);
    expect(list.body.people).toEqual([
      expect.objectContaining({
        personId: keyworker,
        caseNumber: second.case_number,
        declaredAt: null,
      }),
    ]);
    const again = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/agenda/${second.id}/case-people`,
      { personId: keyworker, kind: 'referrer' },
    );
    expect(again.status).toBe(400);
    expect((await app.db.query('SELECT 1 FROM case_person')).rows).toHaveLength(1);
  });

  it('invites a guest found in the directory: added as a person and invited in one step, or not at all', async () => {
    const jo = DEMO_TENANT_USERS.find((u) => u.displayName === 'Jo Whitlock')!;
    const third = items[2]!;
    const url = `/api/meetings/${SEEDED_MEETING}/agenda/${third.id}/case-people`;
    const people = async () =>
      (await app.db.query('SELECT id FROM person WHERE entra_object_id = $1', [jo.id])).rows;
    const badAgency = await app.call('coordinator', 'POST', url, {
      entraObjectId: jo.id,
      agencyId: demoUuid('agency:nowhere'),
      kind: 'specialist',
    });
    expect(badAgency.status).toBe(400);
    expect(badAgency.body.error.details[0].path).toBe('agencyId');
    expect(await people()).toHaveLength(0);
    const both = await app.call('coordinator', 'POST', url, {
      personId: keyworker,
      entraObjectId: jo.id,
      kind: 'specialist',
    });
    expect(both.status).toBe(400);
    expect(both.body.error.details[0].path).toBe('personId');

    const res = await app.call('coordinator', 'POST', url, {
      entraObjectId: jo.id,
      agencyId: null,
      kind: 'specialist',
    });
    expect(res.status).toBe(201);
    const [person] = await people();
    expect(person).toBeDefined();
    const row = await app.db.query<{ email: string; roles: string[] }>(
      `SELECT p.email, array_agg(r.role) AS roles FROM person p JOIN person_role r ON r.person_id = p.id
        WHERE p.id = $1 GROUP BY p.email`,
      [(person as { id: string }).id],
    );
    // A guest's own address, not their #EXT# sign-in name.
    expect(row.rows).toEqual([{ email: jo.mail, roles: ['keyworker'] }]);
    const invitee = await app.db.query(
      'SELECT kind FROM meeting_invitee WHERE meeting_id = $1 AND person_id = $2',
      [SEEDED_MEETING, (person as { id: string }).id],
    );
    expect(invitee.rows).toEqual([{ kind: 'case-specific' }]);
    expect(await audit('person.create')).toHaveLength(1);
    expect(lastAttendees()).toContain(jo.mail);
    // Found again later: the same person, not a second one.
    const again = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/agenda/${items[3]!.id}/case-people`,
      {
        entraObjectId: jo.id,
        kind: 'specialist',
      },
    );
    expect(again.status).toBe(201);
    expect(await people()).toHaveLength(1);
  });

  it('the keyworker sees only that case, after its declaration; another case is not found', async () => {
    const [first, second] = [items[0]!, items[1]!];
    const mine = await app.call(
      'case-keyworker',
      'GET',
      `/api/meetings/${SEEDED_MEETING}/my-cases`,
    );
    expect(mine.status).toBe(200);
    expect(mine.body.cases).toEqual([
      expect.objectContaining({ agendaItemId: second.id, declared: false, kind: 'keyworker' }),
    ]);
    const before = await app.call(
      'case-keyworker',
      'GET',
      `/api/meetings/${SEEDED_MEETING}/my-cases/${second.id}`,
    );
    expect(before.status).toBe(403);
    expect(before.body.error.code).toBe('DECLARATION_REQUIRED');
    const declared = await app.call(
      'case-keyworker',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/my-cases/${second.id}/declaration`,
    );
    expect(declared.status).toBe(201);
    const row = await app.db.query(
      'SELECT agenda_item_id FROM declaration WHERE person_id = $1 AND meeting_id = $2',
      [keyworker, SEEDED_MEETING],
    );
    expect(row.rows).toEqual([{ agenda_item_id: second.id }]);
    const seen = await app.call(
      'case-keyworker',
      'GET',
      `/api/meetings/${SEEDED_MEETING}/my-cases/${second.id}`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body.item.caseNumber).toBe(second.case_number);
    expect(seen.body.item.subjects.length).toBeGreaterThan(0);
    expect(seen.body.item.permittedPersonIds).toBeUndefined();
    const other = await app.call(
      'case-keyworker',
      'GET',
      `/api/meetings/${SEEDED_MEETING}/my-cases/${first.id}`,
    );
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(first.case_number);
    const otherDeclaration = await app.call(
      'case-keyworker',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/my-cases/${first.id}/declaration`,
    );
    expect(otherDeclaration.status).toBe(404);
    const list = await app.call(
      'case-keyworker',
      'GET',
      `/api/meetings/${SEEDED_MEETING}/case-list`,
    );
    expect(list.status).toBe(403);
    expect(await audit('case.view')).toEqual([
      expect.objectContaining({ record_id: second.id, actor_person_id: keyworker }),
    ]);
    expect((await audit('case.view-refused')).map((r) => r.record_id)).toEqual([
      first.id,
      first.id,
    ]);
  });

  it('"your case is next" reaches the keyworker for their case only (FR-069)', async () => {
    const runs = new PgMeetingRunStore(app.db);
    const forSecond = await runs.caseInvitees(items[1]!.id);
    expect(forSecond.map((p) => p.personId)).toContain(keyworker);
    const forThird = await runs.caseInvitees(items[2]!.id);
    expect(forThird.map((p) => p.personId)).not.toContain(keyworker);
  });
});

describe('a representative’s apologies with a deputy for one meeting (FR-064, A-07)', () => {
  const url = `/api/meetings/${SEEDED_MEETING}/my-apology`;

  it('refuses apologies without a deputy or written submission, and a deputy from another agency', async () => {
    const none = await app.call('idva-rep', 'POST', url, {
      deputyPersonId: null,
      writtenSubmission: false,
    });
    expect(none.status).toBe(400);
    expect(none.body.error.details[0].path).toBe('writtenSubmission');
    const stranger = await app.call('idva-rep', 'POST', url, {
      deputyPersonId: personId('housing-deputy'),
      writtenSubmission: false,
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details[0].path).toBe('deputyPersonId');
    expect((await app.db.query('SELECT 1 FROM apology')).rows).toHaveLength(0);
  });

  it('names a colleague as deputy: stored, audited, invited as the deputy, told by mail; the coordinator sees it', async () => {
    const form = await app.call('idva-rep', 'GET', url);
    expect(form.status).toBe(200);
    expect(form.body.colleagues.map((c: { id: string }) => c.id)).toContain(personId('idva-2'));
    const sent = await app.call('idva-rep', 'POST', url, {
      deputyPersonId: personId('idva-2'),
      writtenSubmission: true,
    });
    expect(sent.status).toBe(201);
    const row = await app.db.query(
      `SELECT agency_id, sent_by, deputy_person_id, written_submission_at IS NOT NULL AS written
         FROM apology WHERE meeting_id = $1`,
      [SEEDED_MEETING],
    );
    expect(row.rows).toEqual([
      {
        agency_id: agencyId('idva'),
        sent_by: personId('idva-rep'),
        deputy_person_id: personId('idva-2'),
        written: true,
      },
    ]);
    const invitee = await app.db.query(
      'SELECT kind FROM meeting_invitee WHERE meeting_id = $1 AND person_id = $2',
      [SEEDED_MEETING, personId('idva-2')],
    );
    expect(invitee.rows).toEqual([{ kind: 'deputy' }]);
    expect(await audit('apology.send')).toEqual([
      expect.objectContaining({
        actor_person_id: personId('idva-rep'),
        detail: expect.objectContaining({ deputy: personId('idva-2'), writtenSubmission: true }),
      }),
    ]);
    const mails = await mailTo(emailOf('idva-2'));
    expect(mails.map((m) => m.purpose)).toContain('apology-deputy');
    for (const m of mails) expectNoPersonalData(m.subject + m.body_html, 'apology mail');
    const list = await app.call('coordinator', 'GET', `/api/meetings/${SEEDED_MEETING}/apologies`);
    expect(list.body.apologies).toEqual([
      expect.objectContaining({
        agencyId: agencyId('idva'),
        deputyPersonId: personId('idva-2'),
        writtenSubmission: true,
      }),
    ]);
  });

  it('with no deputy, a written submission is recorded and the agency’s escalation contact is told', async () => {
    await app.db.query('UPDATE agency SET escalation_contact_email = $2 WHERE id = $1', [
      agencyId('housing'),
      'safeguarding.lead@northfield-council.example',
    ]);
    const sent = await app.call('housing-rep', 'POST', url, {
      deputyPersonId: null,
      writtenSubmission: true,
    });
    expect(sent.status).toBe(201);
    const row = await app.db.query(
      `SELECT deputy_person_id, written_submission_at IS NOT NULL AS written FROM apology
        WHERE meeting_id = $1 AND agency_id = $2`,
      [SEEDED_MEETING, agencyId('housing')],
    );
    expect(row.rows).toEqual([{ deputy_person_id: null, written: true }]);
    const mails = await mailTo('safeguarding.lead@northfield-council.example');
    expect(mails.map((m) => m.purpose)).toEqual(['apology-escalation']);
    expectNoPersonalData(mails[0]!.subject + mails[0]!.body_html, 'escalation mail');
  });

  it('a refresh of the invitees keeps the named deputy and the one-case keyworker', async () => {
    await app.db.query(`UPDATE meeting_invitee SET kind = 'idva' WHERE person_id = $1`, [
      personId('idva-2'),
    ]);
    await app.db.query('DELETE FROM meeting_invitee WHERE person_id = $1', [keyworker]);
    const pre = preMeeting(app.db, {
      clock: app.clock,
      scheduler: app.scheduler,
      fileShare: null,
      links: {
        meeting: (id) => `https://tab.example/${id}`,
        caseList: (id) => `https://tab.example/${id}`,
      },
    });
    await refreshInvitees(pre.scheduling, SEEDED_MEETING);
    const rows = await app.db.query<{ person_id: string; kind: string }>(
      'SELECT person_id, kind FROM meeting_invitee WHERE meeting_id = $1 AND person_id = ANY($2)',
      [SEEDED_MEETING, [personId('idva-2'), keyworker]],
    );
    expect(rows.rows.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { person_id: personId('idva-2'), kind: 'deputy' },
      { person_id: keyworker, kind: 'keyworker' },
    ]);
  });
});

describe('an agency asks for a case to move; the chair or coordinator decides (FR-034)', () => {
  it('a declined request carries its reason to the requester; an accepted one moves the case', async () => {
    const item = items[2]!;
    const ask = (toPosition: number) =>
      app.call(
        'housing-rep',
        'POST',
        `/api/meetings/${SEEDED_MEETING}/agenda/${item.id}/move-requests`,
        { toPosition },
      );
    const first = await ask(1);
    expect(first.status).toBe(201);
    const pending = await app.call(
      'chair',
      'GET',
      `/api/meetings/${SEEDED_MEETING}/move-decisions`,
    );
    expect(pending.body.requests).toEqual([
      expect.objectContaining({
        id: first.body.move.id,
        decision: 'pending',
        caseNumber: item.case_number,
      }),
    ]);
    const decline = (reason: string) =>
      app.call(
        'coordinator',
        'POST',
        `/api/meetings/${SEEDED_MEETING}/move-requests/${first.body.move.id}/decline`,
        { reason },
      );
    const blank = await decline('  ');
    expect(blank.status).toBe(400);
    expect(blank.body.error.details[0].path).toBe('reason');
    expect((await decline('The police officer is only free at 11')).status).toBe(200);
    const mine = await app.call(
      'housing-rep',
      'GET',
      `/api/meetings/${SEEDED_MEETING}/my-move-requests`,
    );
    expect(mine.body.requests).toEqual([
      expect.objectContaining({
        decision: 'refused',
        decisionReason: 'The police officer is only free at 11',
      }),
    ]);
    expect(mine.body).toMatchObject({ limit: 2, used: 0 });
    const twice = await decline('again');
    expect(twice.status).toBe(409);

    const second = await ask(1);
    const accepted = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/move-requests/${second.body.move.id}/accept`,
      {},
    );
    expect(accepted.status).toBe(200);
    const position = await app.db.query('SELECT position FROM agenda_item WHERE id = $1', [
      item.id,
    ]);
    expect(position.rows).toEqual([{ position: 1 }]);
    const after = await app.call(
      'housing-rep',
      'GET',
      `/api/meetings/${SEEDED_MEETING}/my-move-requests`,
    );
    expect(after.body.used).toBe(1);
    expect(after.body.requests.map((r: { decision: string }) => r.decision)).toEqual([
      'refused',
      'approved',
    ]);
    expect((await audit('agenda.move-approve')).map((r) => r.record_id)).toEqual([
      second.body.move.id,
    ]);
  });
});
