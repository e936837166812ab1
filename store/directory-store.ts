import { parseAreaPolicy } from '../core/area-policy.js';
import type { Nation } from '../core/calendar/index.js';
import type { Agency, AgencySector, Area, MembershipStatus, Person } from '../core/model.js';
import type { Role } from '../core/roles.js';
import type { Queryable } from './db.js';

/**
 * Reads the area's directory: the area and its policy, agencies, people and their roles.
 * (Writes come with area set-up, issue 4.)
 */
export class PgDirectoryStore {
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
