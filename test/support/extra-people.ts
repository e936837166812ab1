import type { Role } from '../../core/roles.js';
import type { Queryable } from '../../store/db.js';
import { demoUuid } from '../../store/seed/seed-demo.js';

/**
 * People the demo seed lacks, added by a test: another MARAC area with its own coordinator and
 * chair, and a case-specific attendee listed on one closed-session case. Ids follow the seed's
 * `demoUuid('person:<key>')`, so `app.as('<key>')` signs them in with real tokens.
 */
export interface ExtraPerson {
  key: string;
  displayName: string;
  roles: Role[];
  /** Demo agency key (same area), or null. */
  agencyKey?: string | null;
}

export const OTHER_AREA_ID = demoUuid('area:southvale');

/** A second area ("Southvale MARAC"), with the given people in it. */
export async function addOtherArea(
  db: Queryable,
  tenantId: string,
  people: ExtraPerson[] = [
    { key: 'other-coordinator', displayName: 'Other Areacoord', roles: ['coordinator'] },
    { key: 'other-chair', displayName: 'Other Areachair', roles: ['chair'] },
  ],
): Promise<string> {
  await db.query(
    `INSERT INTO area (id, name, nation, time_zone, policy, confidentiality_statement, organiser_mailbox)
     SELECT $1, 'Southvale MARAC', nation, time_zone, policy, confidentiality_statement,
            'marac@southvale-council.example'
       FROM area ORDER BY created_at LIMIT 1`,
    [OTHER_AREA_ID],
  );
  for (const p of people) await addPerson(db, OTHER_AREA_ID, tenantId, p);
  return OTHER_AREA_ID;
}

/** A person in `areaId` with an Entra identity in the demo tenant. */
export async function addPerson(
  db: Queryable,
  areaId: string,
  tenantId: string,
  p: ExtraPerson,
): Promise<string> {
  const id = demoUuid(`person:${p.key}`);
  await db.query(
    `INSERT INTO person (id, area_id, agency_id, display_name, email, job_title, entra_object_id, entra_tenant_id)
     VALUES ($1, $2, $3, $4, $5, 'Test person', $6, $7)`,
    [
      id,
      areaId,
      p.agencyKey ? demoUuid(`agency:${p.agencyKey}`) : null,
      p.displayName,
      `${p.key}@southvale-council.example`,
      demoUuid(`entra:${p.key}`),
      tenantId,
    ],
  );
  for (const role of p.roles)
    await db.query('INSERT INTO person_role (person_id, role) VALUES ($1, $2)', [id, role]);
  return id;
}

/**
 * A keyworker from the police (a signatory) listed on the seeded closed-session case and
 * invited to that closed session alone, as FR-007 invites a case-specific attendee.
 */
export async function addCaseSpecificInvitee(
  db: Queryable,
  areaId: string,
  tenantId: string,
  key = 'keyworker',
): Promise<string> {
  const id = await addPerson(db, areaId, tenantId, {
    key,
    displayName: 'Kit Keyworker',
    roles: ['keyworker'],
    agencyKey: 'police',
  });
  const closed = demoUuid('meeting:next:closed');
  await db.query(
    `INSERT INTO agenda_item_permitted_person (agenda_item_id, person_id)
     SELECT id, $2 FROM agenda_item WHERE meeting_id = $1 AND is_closed_session`,
    [closed, id],
  );
  await db.query(
    `INSERT INTO meeting_invitee (meeting_id, person_id, agency_id, kind)
     VALUES ($1, $2, $3, 'case-specific')`,
    [closed, id, demoUuid('agency:police')],
  );
  return id;
}
