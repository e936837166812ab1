import type { AreaPolicy } from '../core/area-policy.js';
import type {
  AgencyInput,
  AreaSetupRepository,
  PersonInput,
} from '../core/area-setup/area-setup-repository.js';
import type { Queryable } from './db.js';

const AGENCY_FIELDS: Record<keyof AgencyInput, string> = {
  name: 'name',
  shortName: 'short_name',
  sector: 'sector',
  isCore: 'is_core',
  membershipStatus: 'membership_status',
  signatoryName: 'signatory_name',
  signatoryAuthorityConfirmed: 'signatory_authority_confirmed',
  signatorySignedOn: 'signatory_signed_on',
  signatoryReviewDueOn: 'signatory_review_due_on',
  dpoName: 'dpo_name',
  dpoEmail: 'dpo_email',
  icoRegistration: 'ico_registration',
  escalationContactName: 'escalation_contact_name',
  escalationContactEmail: 'escalation_contact_email',
};

const PERSON_FIELDS: Partial<Record<keyof PersonInput, string>> = {
  displayName: 'display_name',
  email: 'email',
  agencyId: 'agency_id',
  jobTitle: 'job_title',
  entraObjectId: 'entra_object_id',
  entraTenantId: 'entra_tenant_id',
  isActive: 'is_active',
};

/** Area set-up writes: agencies, people, roles, nominations, policy. */
export class PgAreaSetupStore implements AreaSetupRepository {
  constructor(private readonly db: Queryable) {}

  async insertAgency(areaId: string, input: AgencyInput, now: Date): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO agency (area_id, name, sector, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
      [areaId, input.name, input.sector, now],
    );
    const id = (rows[0] as { id: string }).id;
    await this.updateAgency(id, input, now);
    return id;
  }

  async updateAgency(agencyId: string, input: Partial<AgencyInput>, now: Date): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [agencyId];
    for (const [key, column] of Object.entries(AGENCY_FIELDS)) {
      const value = input[key as keyof AgencyInput];
      if (value === undefined) continue;
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    }
    if (input.membershipStatus !== undefined) {
      values.push(now);
      sets.push(`membership_changed_on = ($${values.length}::timestamptz)::date`);
    }
    values.push(now);
    sets.push(`updated_at = $${values.length}`);
    await this.db.query(`UPDATE agency SET ${sets.join(', ')} WHERE id = $1`, values);
  }

  async insertPerson(areaId: string, input: PersonInput, now: Date): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO person (area_id, display_name, email, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
      [areaId, input.displayName, input.email, now],
    );
    const id = (rows[0] as { id: string }).id;
    await this.updatePerson(id, input, now);
    return id;
  }

  async updatePerson(personId: string, input: Partial<PersonInput>, now: Date): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [personId];
    for (const [key, column] of Object.entries(PERSON_FIELDS)) {
      const value = input[key as keyof PersonInput];
      if (value === undefined) continue;
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    }
    values.push(now);
    sets.push(`updated_at = $${values.length}`);
    await this.db.query(`UPDATE person SET ${sets.join(', ')} WHERE id = $1`, values);
    if (input.roles) {
      await this.db.query('DELETE FROM person_role WHERE person_id = $1', [personId]);
      for (const role of new Set(input.roles))
        await this.db.query('INSERT INTO person_role (person_id, role) VALUES ($1, $2)', [
          personId,
          role,
        ]);
    }
  }

  async setNominations(
    agencyId: string,
    representativeId: string,
    deputyId: string | null,
    now: Date,
  ): Promise<void> {
    await this.db.query(
      'UPDATE agency SET nominations_changed_on = ($2::timestamptz)::date, updated_at = $2 WHERE id = $1',
      [agencyId, now],
    );
    await this.db.query(
      `DELETE FROM person_role WHERE role IN ('representative', 'deputy')
          AND person_id IN (SELECT id FROM person WHERE agency_id = $1)`,
      [agencyId],
    );
    await this.db.query(
      `DELETE FROM deputy_link WHERE representative_person_id IN (SELECT id FROM person WHERE agency_id = $1)
          OR deputy_person_id IN (SELECT id FROM person WHERE agency_id = $1)`,
      [agencyId],
    );
    await this.db.query(
      `INSERT INTO person_role (person_id, role) VALUES ($1, 'representative') ON CONFLICT DO NOTHING`,
      [representativeId],
    );
    if (deputyId) {
      await this.db.query(
        `INSERT INTO person_role (person_id, role) VALUES ($1, 'deputy') ON CONFLICT DO NOTHING`,
        [deputyId],
      );
      await this.db.query(
        `INSERT INTO deputy_link (deputy_person_id, representative_person_id, valid_from)
         VALUES ($1, $2, ($3::timestamptz)::date)`,
        [deputyId, representativeId, now],
      );
    }
  }

  async withdrawAgency(
    agencyId: string,
    outcome: 'destroyed' | 'returned',
    confirmedOn: string,
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `UPDATE agency SET membership_status = 'withdrawn', membership_changed_on = ($4::timestamptz)::date,
              withdrawal_data_outcome = $2, withdrawal_data_confirmed_on = $3, updated_at = $4
        WHERE id = $1`,
      [agencyId, outcome, confirmedOn, now],
    );
  }

  async nominationsOf(
    agencyId: string,
  ): Promise<{ representativeId: string | null; deputyIds: string[] }> {
    const { rows } = await this.db.query<{ id: string; role: string }>(
      `SELECT p.id, r.role FROM person p JOIN person_role r ON r.person_id = p.id
        WHERE p.agency_id = $1 AND p.is_active AND r.role IN ('representative', 'deputy')
        ORDER BY p.display_name`,
      [agencyId],
    );
    return {
      representativeId: rows.find((r) => r.role === 'representative')?.id ?? null,
      deputyIds: rows.filter((r) => r.role === 'deputy').map((r) => r.id),
    };
  }

  async updatePolicy(areaId: string, policy: AreaPolicy, now: Date): Promise<void> {
    await this.db.query('UPDATE area SET policy = $2, updated_at = $3 WHERE id = $1', [
      areaId,
      policy,
      now,
    ]);
  }

  async updateConfidentialityStatement(
    areaId: string,
    statement: string,
    now: Date,
  ): Promise<void> {
    await this.db.query(
      'UPDATE area SET confidentiality_statement = $2, updated_at = $3 WHERE id = $1',
      [areaId, statement, now],
    );
  }

  async emailTaken(areaId: string, email: string, exceptPersonId?: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `SELECT 1 FROM person WHERE area_id = $1 AND lower(email) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`,
      [areaId, email, exceptPersonId ?? null],
    );
    return rows.length > 0;
  }

  async personActive(personId: string): Promise<boolean | null> {
    const { rows } = await this.db.query<{ is_active: boolean }>(
      'SELECT is_active FROM person WHERE id = $1',
      [personId],
    );
    return rows[0]?.is_active ?? null;
  }

  async entraTaken(tenantId: string, objectId: string, exceptPersonId?: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `SELECT 1 FROM person WHERE entra_tenant_id = $1 AND entra_object_id = $2 AND ($3::uuid IS NULL OR id <> $3)`,
      [tenantId, objectId, exceptPersonId ?? null],
    );
    return rows.length > 0;
  }

  async agencyNameTaken(areaId: string, name: string, exceptAgencyId?: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `SELECT 1 FROM agency WHERE area_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`,
      [areaId, name, exceptAgencyId ?? null],
    );
    return rows.length > 0;
  }

  async signatoryReviews(
    areaId: string,
  ): Promise<{ agencyId: string; name: string; reviewDueOn: string }[]> {
    const { rows } = await this.db.query<{ agencyId: string; name: string; reviewDueOn: string }>(
      `SELECT id AS "agencyId", name, to_char(signatory_review_due_on, 'YYYY-MM-DD') AS "reviewDueOn"
         FROM agency
        WHERE area_id = $1 AND membership_status <> 'withdrawn' AND signatory_review_due_on IS NOT NULL
        ORDER BY signatory_review_due_on, name`,
      [areaId],
    );
    return rows;
  }

  async lastHeard(
    areaId: string,
    since: string,
  ): Promise<{ caseId: string; caseReference: string; lastHeardOn: string }[]> {
    const { rows } = await this.db.query<{
      caseId: string;
      caseReference: string;
      lastHeardOn: string;
    }>(
      `SELECT c.id AS "caseId", c.case_number AS "caseReference",
              to_char(max((coalesce(ai.actual_start, m.scheduled_start) AT TIME ZONE a.time_zone)::date),
                      'YYYY-MM-DD') AS "lastHeardOn"
         FROM marac_case c
         JOIN area a ON a.id = c.area_id
         JOIN agenda_item ai ON ai.case_id = c.id
         JOIN meeting m ON m.id = ai.meeting_id
        WHERE c.area_id = $1
          AND ((ai.actual_start IS NOT NULL AND ai.actual_end IS NOT NULL) OR m.status = 'ended')
        GROUP BY c.id, c.case_number
       HAVING max((coalesce(ai.actual_start, m.scheduled_start) AT TIME ZONE a.time_zone)::date) >= $2::date
        ORDER BY 3, 2`,
      [areaId, since],
    );
    return rows;
  }

  async coordinators(
    areaId: string,
  ): Promise<{ personId: string; email: string; displayName: string }[]> {
    const { rows } = await this.db.query<{ personId: string; email: string; displayName: string }>(
      `SELECT p.id AS "personId", p.email, p.display_name AS "displayName"
         FROM person p JOIN person_role r ON r.person_id = p.id AND r.role = 'coordinator'
        WHERE p.area_id = $1 AND p.is_active ORDER BY p.display_name`,
      [areaId],
    );
    return rows;
  }
}
