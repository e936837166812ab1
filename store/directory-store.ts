import { parseAreaPolicy } from '../core/area-policy.js';
import type { Nation } from '../core/calendar/index.js';
import type { Agency, AgencySector, Area, MembershipStatus, Person } from '../core/model.js';
import type { Role } from '../core/roles.js';
import type {
  AdminAgency,
  AdminPerson,
  Directory,
  RefusedSignIn,
} from '../core/ports/directory.js';
import type { Queryable } from './db.js';

export type { AdminAgency, AdminPerson, RefusedSignIn };

/**
 * Reads the area's directory: the area and its policy, agencies, people and their roles.
 * (Writes are area set-up's: store/area-setup-store.ts.)
 */
export class PgDirectoryStore implements Directory {
  constructor(private readonly db: Queryable) {}

  async getArea(areaId: string): Promise<Area | null> {
    const { rows } = await this.db.query<AreaRow>(
      `SELECT ${AREA_COLUMNS} FROM area WHERE id = $1`,
      [areaId],
    );
    return rows[0] ? toArea(rows[0]) : null;
  }

  async findPersonByEntraId(tenantId: string, objectId: string): Promise<Person | null> {
    const { rows } = await this.db.query<PersonRow>(
      `${PERSON_SELECT} WHERE p.entra_tenant_id = $1 AND p.entra_object_id = $2 AND p.is_active GROUP BY p.id`,
      [tenantId, objectId],
    );
    return rows[0] ? toPerson(rows[0]) : null;
  }

  async getPerson(personId: string): Promise<Person | null> {
    const { rows } = await this.db.query<PersonRow>(
      `${PERSON_SELECT} WHERE p.id = $1 GROUP BY p.id`,
      [personId],
    );
    return rows[0] ? toPerson(rows[0]) : null;
  }

  async listPeople(areaId: string): Promise<Person[]> {
    const { rows } = await this.db.query<PersonRow>(
      `${PERSON_SELECT} WHERE p.area_id = $1 AND p.is_active GROUP BY p.id ORDER BY p.display_name`,
      [areaId],
    );
    return rows.map(toPerson);
  }

  /**
   * Every person of the area for the coordinator's People table, active or not (history is
   * kept), sorted by surname (the last word of the display name), then by full name.
   */
  async listPeopleForAdmin(areaId: string): Promise<AdminPerson[]> {
    const { rows } = await this.db.query<
      PersonRow & { is_active: boolean; job_title: string | null }
    >(
      `SELECT p.id, p.area_id, p.agency_id, p.display_name, p.email, p.entra_object_id, p.entra_tenant_id,
              p.is_active, p.job_title,
              coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
         FROM person p LEFT JOIN person_role r ON r.person_id = p.id
        WHERE p.area_id = $1
        GROUP BY p.id
        ORDER BY lower(regexp_replace(p.display_name, '^.*\\s', '')), lower(p.display_name), p.id`,
      [areaId],
    );
    return rows.map((row) => ({
      ...toPerson(row),
      isActive: row.is_active,
      jobTitle: row.job_title,
    }));
  }

  /** The person with this Entra identity, active or not (a second add is a duplicate). */
  async findAnyPersonByEntraId(tenantId: string, objectId: string): Promise<AdminPerson | null> {
    const { rows } = await this.db.query<{ id: string; area_id: string }>(
      'SELECT id, area_id FROM person WHERE entra_tenant_id = $1 AND entra_object_id = $2',
      [tenantId, objectId],
    );
    if (!rows[0]) return null;
    return (
      (await this.listPeopleForAdmin(rows[0].area_id)).find((p) => p.id === rows[0]?.id) ?? null
    );
  }

  /**
   * A sign-in the tab refused: one audit row (ids only) for each area with people in the
   * tenant, at most one an hour per user, so a page left open cannot flood the log.
   */
  async recordRefusedSignIn(tenantId: string, objectId: string, now: Date): Promise<void> {
    const { rows } = await this.db.query(
      'SELECT 1 FROM person WHERE entra_tenant_id = $1 AND entra_object_id = $2 AND NOT is_active',
      [tenantId, objectId],
    );
    const reason = rows.length > 0 ? 'deactivated' : 'not-registered';
    await this.db.query(
      `INSERT INTO audit_log (at, area_id, actor_kind, action, record_type, record_id, detail)
       SELECT $4::timestamptz, a.area_id, 'system', 'sign-in.refused', 'entra-user', $2,
              jsonb_build_object('tenantId', $1::text, 'reason', $3::text)
         FROM (SELECT DISTINCT area_id FROM person WHERE entra_tenant_id = $1) a
        WHERE NOT EXISTS (
          SELECT 1 FROM audit_log l
           WHERE l.area_id = a.area_id AND l.action = 'sign-in.refused' AND l.record_id = $2
             AND l.at > $4::timestamptz - interval '1 hour')`,
      [tenantId, objectId, reason, now],
    );
  }

  /** Refused sign-ins of the area, newest first, one row per user. */
  async listRefusedSignIns(areaId: string, limit = 50): Promise<RefusedSignIn[]> {
    const { rows } = await this.db.query<{
      object_id: string;
      at: Date;
      reason: string;
      attempts: number;
    }>(
      `SELECT record_id AS object_id, max(at) AS at, (array_agg(detail->>'reason' ORDER BY at DESC))[1] AS reason,
              count(*)::int AS attempts
         FROM audit_log
        WHERE area_id = $1 AND action = 'sign-in.refused'
        GROUP BY record_id ORDER BY max(at) DESC LIMIT $2`,
      [areaId, limit],
    );
    return rows.map((r) => ({
      objectId: r.object_id,
      lastAttemptAt: new Date(r.at).toISOString(),
      reason: r.reason === 'deactivated' ? 'deactivated' : 'not-registered',
      attempts: r.attempts,
    }));
  }

  /** The coordinator's view of each agency: the whole signatory record, contacts, withdrawal. */
  async listAgenciesForAdmin(areaId: string): Promise<AdminAgency[]> {
    const { rows } = await this.db.query<AgencyRow & AdminAgencyRow>(
      `SELECT ${AGENCY_COLUMNS}, short_name, signatory_review_due_on, ico_registration,
              escalation_contact_name, membership_changed_on, withdrawal_data_outcome,
              withdrawal_data_confirmed_on, nominations_changed_on
         FROM agency WHERE area_id = $1 ORDER BY name`,
      [areaId],
    );
    return rows.map((row) => ({
      ...toAgency(row),
      shortName: row.short_name,
      signatoryReviewDueOn: day(row.signatory_review_due_on),
      icoRegistration: row.ico_registration,
      escalationContactName: row.escalation_contact_name,
      membershipChangedOn: day(row.membership_changed_on),
      withdrawalDataOutcome: row.withdrawal_data_outcome,
      withdrawalDataConfirmedOn: day(row.withdrawal_data_confirmed_on),
      nominationsChangedOn: day(row.nominations_changed_on),
    }));
  }

  async listAgencies(areaId: string): Promise<Agency[]> {
    const { rows } = await this.db.query<AgencyRow>(
      `SELECT ${AGENCY_COLUMNS} FROM agency WHERE area_id = $1 ORDER BY name`,
      [areaId],
    );
    return rows.map(toAgency);
  }

  async getAgency(agencyId: string): Promise<Agency | null> {
    const { rows } = await this.db.query<AgencyRow>(
      `SELECT ${AGENCY_COLUMNS} FROM agency WHERE id = $1`,
      [agencyId],
    );
    return rows[0] ? toAgency(rows[0]) : null;
  }
}

interface AdminAgencyRow {
  short_name: string | null;
  signatory_review_due_on: string | Date | null;
  ico_registration: string | null;
  escalation_contact_name: string | null;
  membership_changed_on: string | Date | null;
  withdrawal_data_outcome: 'destroyed' | 'returned' | null;
  withdrawal_data_confirmed_on: string | Date | null;
  nominations_changed_on: string | Date | null;
}

/** A date column as YYYY-MM-DD whichever driver read it. */
function day(value: string | Date | null): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

const AREA_COLUMNS = `id, name, nation, time_zone, policy, confidentiality_statement, organiser_mailbox`;
interface AreaRow {
  id: string;
  name: string;
  nation: Nation;
  time_zone: string;
  policy: unknown;
  confidentiality_statement: string;
  organiser_mailbox: string | null;
}
function toArea(row: AreaRow): Area {
  return {
    id: row.id,
    name: row.name,
    nation: row.nation,
    timeZone: row.time_zone,
    policy: parseAreaPolicy(row.policy),
    confidentialityStatement: row.confidentiality_statement,
    organiserMailbox: row.organiser_mailbox,
  };
}

const PERSON_SELECT = `SELECT p.id, p.area_id, p.agency_id, p.display_name, p.email, p.entra_object_id, p.entra_tenant_id,
       coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
  FROM person p LEFT JOIN person_role r ON r.person_id = p.id`;
interface PersonRow {
  id: string;
  area_id: string;
  agency_id: string | null;
  display_name: string;
  email: string;
  entra_object_id: string | null;
  entra_tenant_id: string | null;
  roles: Role[];
}
function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    areaId: row.area_id,
    agencyId: row.agency_id,
    displayName: row.display_name,
    email: row.email,
    entraObjectId: row.entra_object_id,
    entraTenantId: row.entra_tenant_id,
    roles: row.roles,
  };
}

const AGENCY_COLUMNS = `id, area_id, name, sector, is_core, membership_status, signatory_name, signatory_authority_confirmed,
  signatory_signed_on, dpo_name, dpo_email, escalation_contact_email`;
interface AgencyRow {
  id: string;
  area_id: string;
  name: string;
  sector: AgencySector;
  is_core: boolean;
  membership_status: MembershipStatus;
  signatory_name: string | null;
  signatory_authority_confirmed: boolean;
  signatory_signed_on: string | null;
  dpo_name: string | null;
  dpo_email: string | null;
  escalation_contact_email: string | null;
}
function toAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    areaId: row.area_id,
    name: row.name,
    sector: row.sector,
    isCore: row.is_core,
    membershipStatus: row.membership_status,
    signatory: {
      signatoryName: row.signatory_name,
      authorityConfirmed: row.signatory_authority_confirmed,
      signedOn: row.signatory_signed_on,
      dpoName: row.dpo_name,
      dpoEmail: row.dpo_email,
    },
    escalationContactEmail: row.escalation_contact_email,
  };
}
