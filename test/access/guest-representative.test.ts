import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../core/actions/action.js';
import { PgActionStore } from '../../store/action-store.js';
import {
  DEMO_AREA,
  DEMO_PEOPLE,
  demoEmail,
  demoUserPrincipalName,
} from '../../store/seed/demo-directory.js';
import { demoSimUser } from '../../store/seed/demo-tenant-users.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import {
  agencyId,
  personId,
  SEEDED_MEETING,
  startPreMeetingApp,
  type PreMeetingApp,
} from '../pre-meeting/support.js';

/**
 * A representative from a partner agency who is a B2B guest of the council's tenant: the
 * simulated tenant holds them as `userType: 'Guest'` with an `#EXT#` sign-in name, the MARAC
 * knows them by their guest account's object id and mails them at their own organisation.
 * Signed in with a token from the simulated Entra, they get exactly what their agency's other
 * representatives get: the case list after the declaration, their agency's actions, and
 * nothing of another agency's.
 */
const GUEST = 'probation-guest';
const guest = DEMO_PEOPLE.find((p) => p.key === GUEST)!;
let app: PreMeetingApp;
let ownAction: ActionRecord;
let otherAction: ActionRecord;
const areaId = demoUuid('area');

const caseIdOf = async (caseNumber: string) =>
  (
    await app.db.query<{ id: string }>('SELECT id FROM marac_case WHERE case_number = $1', [
      caseNumber,
    ])
  ).rows[0]!.id;

beforeAll(async () => {
  app = await startPreMeetingApp('2027-03-01T09:00:00Z');
  const store = new PgActionStore(app.db);
  const base = {
    areaId,
    meetingId: SEEDED_MEETING,
    category: 'perpetrator' as const,
    dueOn: '2027-04-01',
    state: 'open' as const,
  };
  // NF-2611-008 involves probation; NF-2611-015 is in the closed session, listed for others.
  ownAction = await store.createAction(
    {
      ...base,
      caseId: await caseIdOf('NF-2611-008'),
      description: 'Review licence conditions',
      ownerAgencyId: agencyId('probation'),
      ownerPersonId: personId('probation-rep'),
    },
    personId('chair'),
    app.clock.now(),
  );
  otherAction = await store.createAction(
    {
      ...base,
      caseId: await caseIdOf('NF-2611-015'),
      description: 'Check for a marker on the address',
      ownerAgencyId: agencyId('police'),
      ownerPersonId: personId('police-rep'),
    },
    personId('chair'),
    app.clock.now(),
  );
});
afterAll(async () => app?.close());

describe('a partner agency’s representative signed in as a B2B guest', () => {
  it('is a guest of the simulated tenant, known to the MARAC by the guest account', async () => {
    const user = demoSimUser(guest);
    expect(user.userType).toBe('Guest');
    expect(user.userPrincipalName).toBe(
      'jules.guestwood_probation-northfield.example#EXT#@northfield-council.example',
    );
    expect(demoUserPrincipalName(guest)).toBe(user.userPrincipalName);
    expect(user.mail).toBe('jules.guestwood@probation-northfield.example');
    const { rows } = await app.db.query(
      `SELECT email, entra_object_id, agency_id FROM person WHERE id = $1`,
      [personId(GUEST)],
    );
    expect(rows).toEqual([
      {
        email: 'jules.guestwood@probation-northfield.example',
        entra_object_id: user.id,
        agency_id: agencyId('probation'),
      },
    ]);
    // A real SSO token from the simulated Entra names the guest account, not the home one.
    const token = await app.signIn(GUEST);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
      oid: string;
      tid: string;
    };
    expect(claims.oid).toBe(user.id);
    expect(claims.tid).toBe(app.config.microsoft.tenantId);
  });

  it('gets the case list only after the confidentiality declaration', async () => {
    const before = await app.call(GUEST, 'GET', `/api/meetings/${SEEDED_MEETING}/case-list`);
    expect(before.status).toBe(403);
    expect(before.body.error?.code).toBe('DECLARATION_REQUIRED');
    const declared = await app.call(GUEST, 'POST', `/api/meetings/${SEEDED_MEETING}/declaration`);
    expect(declared.status).toBeLessThan(300);
    const after = await app.call(GUEST, 'GET', `/api/meetings/${SEEDED_MEETING}/case-list`);
    expect(after.status).toBe(200);
    const text = JSON.stringify(after.body);
    expect(text).toContain('NF-2611-008');
    expect(text).not.toContain('NF-2611-015'); // the closed-session case is not theirs
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM declaration WHERE person_id = $1 AND meeting_id = $2`,
      [personId(GUEST), SEEDED_MEETING],
    );
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('sees their agency’s actions in My MARAC and none of another agency’s', async () => {
    const agency = await app.call(GUEST, 'GET', '/api/actions?scope=agency');
    expect(agency.status).toBe(200);
    const refs = (agency.body.actions as { id: string }[]).map((a) => a.id);
    expect(refs).toEqual([ownAction.id]);
    const own = await app.call(GUEST, 'GET', `/api/actions/${ownAction.id}`);
    expect(own.status).toBe(200);
    const other = await app.call(GUEST, 'GET', `/api/actions/${otherAction.id}`);
    expect([403, 404]).toContain(other.status);
    // Exactly what the agency's tenant-member representative gets.
    const member = await app.call('probation-rep', 'GET', '/api/actions?scope=agency');
    expect(member.body).toEqual(agency.body);
    expect(JSON.stringify(other.body)).not.toContain('marker');
    const police = await app.call(
      GUEST,
      'GET',
      `/api/actions?scope=agency&agencyId=${agencyId('police')}`,
    );
    expect(police.status).toBe(403);
    const extract = await app.call(GUEST, 'GET', `/api/agencies/${agencyId('police')}/extract`);
    expect([403, 404]).toContain(extract.status);
  });

  it('is mailed the case list notice at their own organisation’s address, with no personal data', async () => {
    expect(DEMO_AREA.policy.allowedRecipientDomains).toContain('probation-northfield.example');
    const { rows: due } = await app.db.query<{ circulation_due_on: string }>(
      'SELECT circulation_due_on FROM meeting WHERE id = $1',
      [SEEDED_MEETING],
    );
    await app.db.query(`UPDATE meeting SET status = 'scheduled' WHERE id = $1`, [SEEDED_MEETING]);
    app.clock.set(`${due[0]!.circulation_due_on}T10:00:00Z`);
    await app.jobs.run('case-list-circulation');
    const { rows } = await app.db.query<{
      to_recipients: { email: string }[];
      subject: string;
      body_html: string;
    }>(
      `SELECT to_recipients, subject, body_html FROM outbox_mail
        WHERE purpose = 'circulation' AND to_recipients->0->>'email' = $1`,
      [demoEmail(guest)],
    );
    expect(rows).toHaveLength(1);
    const mail = rows[0]!;
    expect(mail.to_recipients.map((r) => r.email)).toEqual([
      'jules.guestwood@probation-northfield.example',
    ]);
    expect(mail.body_html).not.toContain('#EXT#');
    expect(mail.body_html).toContain(`/#/meetings/${SEEDED_MEETING}/case-list`);
    expectNoPersonalData(mail.subject + mail.body_html, 'circulation mail to the guest');
  });
});
