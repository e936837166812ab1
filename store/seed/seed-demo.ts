import { createHash } from 'node:crypto';
import { parseAreaPolicy } from '../../core/area-policy.js';
import {
  addCalendarDays,
  localDay,
  weekdayOf,
  workingDaysBefore,
  zonedInstant,
} from '../../core/calendar/index.js';
import { RISK_ORDER } from '../../core/model.js';
import { closedSessionInvitees, meetingInvitees } from '../../core/scheduling/invitees.js';
import type { Db, Queryable } from '../db.js';
import { PgDirectoryStore } from '../directory-store.js';
import { PgMeetingStore } from '../meeting-store.js';
import { CLOSED_SESSION_PEOPLE, DEMO_CASES, type DemoCase } from './demo-cases.js';
import { DEMO_AGENCIES, DEMO_AREA, DEMO_PEOPLE, demoEmail } from './demo-directory.js';

/** A stable uuid from a name, so demo people keep their ids (and Entra object ids) across runs. */
export function demoUuid(name: string): string {
  const h = createHash('sha1').update(`virtual-marac-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface DemoSeedResult {
  seeded: boolean;
  areaId: string;
  meetingId?: string;
}

/**
 * Seeds the fictional Northfield MARAC on first start in demo mode: agencies, people, a
 * fortnightly Wednesday 09:30-13:00 series and its next meeting with 15 cases (one in a
 * closed session). Does nothing when any area exists, so a restart keeps the user's changes.
 */
export async function seedDemo(
  db: Db,
  options: { now: Date; tenantId: string },
): Promise<DemoSeedResult> {
  return db.transaction(async (tx) => {
    const existing = await tx.query<{ id: string }>(
      'SELECT id FROM area ORDER BY created_at LIMIT 1',
    );
    if (existing.rows[0]) return { seeded: false, areaId: existing.rows[0].id };
    const areaId = demoUuid('area');
    const policy = parseAreaPolicy(DEMO_AREA.policy);
    await tx.query(
      `INSERT INTO area (id, name, nation, time_zone, policy, confidentiality_statement, organiser_mailbox)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        areaId,
        DEMO_AREA.name,
        DEMO_AREA.nation,
        DEMO_AREA.timeZone,
        policy,
        DEMO_AREA.confidentialityStatement,
        DEMO_AREA.organiserMailbox,
      ],
    );
    const agencyIds = await insertAgencies(tx, areaId, localDay(options.now, DEMO_AREA.timeZone));
    const personIds = await insertPeople(tx, areaId, agencyIds, options.tenantId);
    const meetingId = await insertNextMeeting(tx, {
      areaId,
      agencyIds,
      personIds,
      now: options.now,
      minutesPerCase: policy.minutesPerCase,
      leadDays: policy.caseListLeadWorkingDays,
    });
    return { seeded: true, areaId, meetingId };
  });
}

async function insertAgencies(
  tx: Queryable,
  areaId: string,
  today: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const agency of DEMO_AGENCIES) {
    const id = demoUuid(`agency:${agency.key}`);
    ids.set(agency.key, id);
    const signed = agency.signatory;
    await tx.query(
      `INSERT INTO agency (id, area_id, name, sector, is_core, membership_status, signatory_name,
         signatory_authority_confirmed, signatory_signed_on, signatory_review_due_on, dpo_name, dpo_email,
         ico_registration, escalation_contact_name, escalation_contact_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        id,
        areaId,
        agency.name,
        agency.sector,
        agency.isCore,
        signed ? 'approved' : 'applied',
        signed ? `Director, ${agency.name}` : null,
        signed,
        signed ? addCalendarDays(today, -200) : null,
        signed ? addCalendarDays(today, 165) : null,
        signed ? 'Data Protection Officer' : null,
        signed ? `dpo@${agency.domain}` : null,
        signed ? `ZA${String(100000 + ids.size * 7919).slice(0, 6)}` : null,
        signed ? 'Head of Safeguarding' : null,
        signed ? `safeguarding.lead@${agency.domain}` : null,
      ],
    );
  }
  return ids;
}

async function insertPeople(
  tx: Queryable,
  areaId: string,
  agencyIds: Map<string, string>,
  tenantId: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    const id = demoUuid(`person:${person.key}`);
    ids.set(person.key, id);
    await tx.query(
      `INSERT INTO person (id, area_id, agency_id, display_name, email, job_title, entra_object_id, entra_tenant_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        areaId,
        person.agencyKey ? agencyIds.get(person.agencyKey) : null,
        person.displayName,
        demoEmail(person),
        person.jobTitle,
        demoUuid(`entra:${person.key}`),
        tenantId,
      ],
    );
    for (const role of person.roles)
      await tx.query('INSERT INTO person_role (person_id, role) VALUES ($1, $2)', [id, role]);
  }
  for (const person of DEMO_PEOPLE.filter((p) => p.deputyFor)) {
    await tx.query(
      'INSERT INTO deputy_link (deputy_person_id, representative_person_id) VALUES ($1, $2)',
      [ids.get(person.key), ids.get(person.deputyFor as string)],
    );
  }
  return ids;
}

/** The first Wednesday at least 15 days ahead, so circulation (8 working days before) is still to come. */
export function nextDemoMeetingDay(now: Date, timeZone: string): string {
  let day = addCalendarDays(localDay(now, timeZone), 15);
  while (weekdayOf(day) !== 'wednesday') day = addCalendarDays(day, 1);
  return day;
}

interface MeetingSeed {
  areaId: string;
  agencyIds: Map<string, string>;
  personIds: Map<string, string>;
  now: Date;
  minutesPerCase: number;
  leadDays: number;
}

async function insertNextMeeting(tx: Queryable, seed: MeetingSeed): Promise<string> {
  const tz = DEMO_AREA.timeZone;
  const day = nextDemoMeetingDay(seed.now, tz);
  const person = (key: string) => seed.personIds.get(key) as string;
  const seriesId = demoUuid('series');
  await tx.query(
    `INSERT INTO meeting_series (id, area_id, title, recurrence, start_time, end_time, starts_on, created_by)
     VALUES ($1, $2, $3, $4, '09:30', '13:00', $5, $6)`,
    [
      seriesId,
      seed.areaId,
      'Northfield MARAC',
      { frequency: 'weekly', interval: 2, daysOfWeek: ['wednesday'] },
      day,
      person('coordinator'),
    ],
  );
  const insertMeeting = async (
    id: string,
    kind: string,
    title: string,
    start: string,
    end: string,
    parent: string | null,
  ) => {
    await tx.query(
      `INSERT INTO meeting (id, area_id, series_id, parent_meeting_id, kind, title, scheduled_start, scheduled_end, status,
         chair_person_id, deputy_chair_person_id, coordinator_person_id, referral_deadline_on, circulation_due_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10, $11, $12, $13)`,
      [
        id,
        seed.areaId,
        parent ? null : seriesId,
        parent,
        kind,
        title,
        zonedInstant(day, start, tz),
        zonedInstant(day, end, tz),
        person('chair'),
        person('deputy-chair'),
        person('coordinator'),
        workingDaysBefore(day, seed.leadDays + 2, DEMO_AREA.nation),
        workingDaysBefore(day, seed.leadDays, DEMO_AREA.nation),
      ],
    );
  };
  const meetingId = demoUuid('meeting:next');
  const closedId = demoUuid('meeting:next:closed');
  await insertMeeting(meetingId, 'scheduled', 'Northfield MARAC', '09:30', '13:00', null);
  await insertMeeting(
    closedId,
    'closed',
    'Northfield MARAC: closed session',
    '13:15',
    '13:45',
    meetingId,
  );

  const open = DEMO_CASES.filter((c) => !c.closedSession).sort(
    (a, b) => RISK_ORDER[a.risk] - RISK_ORDER[b.risk],
  );
  const closed = DEMO_CASES.filter((c) => c.closedSession);
  await insertAgenda(tx, seed, meetingId, open, zonedInstant(day, '09:40', tz));
  const closedItems = await insertAgenda(
    tx,
    seed,
    closedId,
    closed,
    zonedInstant(day, '13:15', tz),
  );
  for (const itemId of closedItems)
    for (const key of CLOSED_SESSION_PEOPLE)
      await tx.query(
        'INSERT INTO agenda_item_permitted_person (agenda_item_id, person_id) VALUES ($1, $2)',
        [itemId, person(key)],
      );
  await inviteToDemoMeetings(tx, seed.areaId, meetingId, closedId);
  return meetingId;
}

async function insertAgenda(
  tx: Queryable,
  seed: MeetingSeed,
  meetingId: string,
  cases: DemoCase[],
  firstStart: Date,
): Promise<string[]> {
  const itemIds: string[] = [];
  for (const [index, c] of cases.entries()) {
    const caseId = demoUuid(`case:${c.caseNumber}`);
    await tx.query(
      `INSERT INTO marac_case (id, area_id, case_number, status, victim_gender, victim_ethnicity, victim_age_band)
       VALUES ($1, $2, $3, 'listed', $4, $5, $6)`,
      [caseId, seed.areaId, c.caseNumber, c.victimGender, c.victimEthnicity, c.victimAgeBand],
    );
    for (const s of c.subjects)
      await tx.query(
        'INSERT INTO case_subject (case_id, kind, full_name, date_of_birth, address) VALUES ($1, $2, $3, $4, $5)',
        [caseId, s.kind, s.fullName, s.dateOfBirth, s.address],
      );
    const itemId = demoUuid(`agenda:${c.caseNumber}`);
    itemIds.push(itemId);
    const plannedStart = new Date(firstStart.getTime() + index * seed.minutesPerCase * 60_000);
    await tx.query(
      `INSERT INTO agenda_item (id, meeting_id, case_id, position, risk_level, risk_score, is_repeat, repeat_count, last_heard_on,
         is_closed_session, referring_agency_id, agencies_involved, children_count, planned_start, planned_minutes, referral_basis, summary)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        itemId,
        meetingId,
        caseId,
        index + 1,
        c.risk,
        c.riskScore,
        c.repeatCount > 0,
        c.repeatCount,
        c.lastHeardOn ?? null,
        Boolean(c.closedSession),
        seed.agencyIds.get(c.referringAgency),
        c.agenciesInvolved.map((key) => seed.agencyIds.get(key)),
        c.subjects.filter((s) => s.kind === 'child').length,
        plannedStart,
        seed.minutesPerCase,
        c.riskScore >= 14 ? 'actuarial' : 'professional-judgement',
        c.summary,
      ],
    );
  }
  return itemIds;
}

/** FR-006, FR-007: the demo meetings invite exactly whom a scheduled meeting would. */
async function inviteToDemoMeetings(
  tx: Queryable,
  areaId: string,
  meetingId: string,
  closedId: string,
) {
  const directory = new PgDirectoryStore(tx);
  const meetings = new PgMeetingStore(tx);
  // One after another: all three run on the seeding transaction's single connection.
  const agencies = await directory.listAgencies(areaId);
  const people = await directory.listPeople(areaId);
  const main = await meetings.getMeeting(meetingId);
  if (!main) return;
  await meetings.replaceInvitees(meetingId, meetingInvitees(main, agencies, people));
  const permitted = await meetings.listPermittedPeople(closedId);
  await meetings.replaceInvitees(
    closedId,
    closedSessionInvitees(main, permitted, agencies, people),
  );
}
