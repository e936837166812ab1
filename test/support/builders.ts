import { randomUUID } from 'node:crypto';
import type { AgencySector } from '../../core/model.js';
import { type CaseReturnData, EMPTY_RETURN_DATA } from '../../core/reports/case-return.js';
import type { PopulationCharacteristic } from '../../core/reports/population.js';
import { PgCaseReturnStore } from '../../store/case-return-store.js';
import { PgPopulationStore } from '../../store/population-store.js';
import type { Queryable } from '../../store/db.js';

/**
 * Test-data builders for report figures: an area with one agency per sector, meetings, cases
 * on their agendas, invitees, reconciled attendance, apologies and actions. Each builder writes
 * the rows the stores read (the same tables and columns the service fills), with defaults a
 * test overrides only where its figure depends on them, so a test states just what it counts.
 */
export interface World {
  db: Queryable;
  areaId: string;
  /** Agency id by sector (one agency per sector). */
  agency: Record<AgencySector, string>;
}

const SECTORS: AgencySector[] = [
  'police',
  'idva',
  'housing',
  'childrens-services',
  'probation',
  'primary-health',
  'mental-health',
  'substance-misuse',
  'adult-safeguarding',
  'education',
  'youth-offending',
  'specialist',
  'voluntary',
  'other',
];

export async function anArea(db: Queryable, name = 'Builder MARAC'): Promise<World> {
  const areaId = randomUUID();
  await db.query(
    `INSERT INTO area (id, name, nation, confidentiality_statement)
     VALUES ($1, $2, 'england-and-wales', 'Information shared at this MARAC is confidential.')`,
    [areaId, name],
  );
  const agency = {} as Record<AgencySector, string>;
  for (const sector of SECTORS) {
    agency[sector] = randomUUID();
    await db.query(
      `INSERT INTO agency (id, area_id, name, sector, is_core) VALUES ($1, $2, $3, $4, $5)`,
      [agency[sector], areaId, `Builder ${sector}`, sector, sector !== 'other'],
    );
  }
  return { db, areaId, agency };
}

export interface MeetingOptions {
  start?: string;
  status?: 'scheduled' | 'in-progress' | 'ended' | 'cancelled';
  kind?: 'scheduled' | 'extraordinary' | 'emergency' | 'closed';
  parentMeetingId?: string;
  reconciled?: boolean;
  /** The case list's circulation date (YYYY-MM-DD) and when it was circulated. */
  circulationDueOn?: string;
  circulatedAt?: string;
  /** When the meeting actually ended (default: three hours after the start, as scheduled). */
  endedAt?: string;
}

export async function aMeeting(w: World, opts: MeetingOptions = {}): Promise<string> {
  const id = randomUUID();
  const start = new Date(opts.start ?? '2025-01-15T10:00:00Z');
  const end = new Date(start.getTime() + 3 * 3600_000);
  const ended = (opts.status ?? 'ended') === 'ended';
  await w.db.query(
    `INSERT INTO meeting (id, area_id, kind, title, scheduled_start, scheduled_end, status,
       actual_start, actual_end, parent_meeting_id, reconciled_at, circulation_due_on, circulated_at)
     VALUES ($1, $2, $3, 'Builder meeting', $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      id,
      w.areaId,
      opts.kind ?? 'scheduled',
      start,
      end,
      opts.status ?? 'ended',
      ended ? start : null,
      ended ? (opts.endedAt ? new Date(opts.endedAt) : end) : null,
      opts.parentMeetingId ?? null,
      ended && (opts.reconciled ?? true) ? new Date(end.getTime() + 600_000) : null,
      opts.circulationDueOn ?? null,
      opts.circulatedAt ? new Date(opts.circulatedAt) : null,
    ],
  );
  return id;
}

export interface CaseOptions {
  /** Started and closed by the chair (default true). */
  heard?: boolean;
  /** Started but never closed. */
  startedOnly?: boolean;
  involved?: AgencySector[];
  referrer?: AgencySector | null;
  repeat?: boolean;
  children?: number;
  reference?: string;
  /** The referral date on the case list (YYYY-MM-DD) and the basis of the referral. */
  referredOn?: string;
  basis?: 'actuarial' | 'professional-judgement' | 'escalation' | 'historic-pattern';
}

let position = 0;

/** A case listed at a meeting; returns the case and agenda item ids. */
export async function aCase(
  w: World,
  meetingId: string,
  opts: CaseOptions = {},
): Promise<{ caseId: string; agendaItemId: string; reference: string }> {
  const caseId = randomUUID();
  const agendaItemId = randomUUID();
  position += 1;
  const reference = opts.reference ?? `MC-B${position}`;
  await w.db.query('INSERT INTO marac_case (id, area_id, case_number) VALUES ($1, $2, $3)', [
    caseId,
    w.areaId,
    reference,
  ]);
  const { rows } = await w.db.query<{ start: Date }>(
    'SELECT actual_start AS start FROM meeting WHERE id = $1',
    [meetingId],
  );
  const start = rows[0]?.start ?? new Date('2025-01-15T10:00:00Z');
  const heard = opts.heard ?? true;
  const itemStart =
    heard || opts.startedOnly ? new Date(start.getTime() + position * 60_000) : null;
  const itemEnd = heard ? new Date(start.getTime() + (position + 1) * 60_000) : null;
  const referrer = opts.referrer === undefined ? 'police' : opts.referrer;
  await w.db.query(
    `INSERT INTO agenda_item (id, meeting_id, case_id, position, risk_level, is_repeat, children_count,
       referring_agency_id, agencies_involved, actual_start, actual_end, referred_on, referral_basis)
     VALUES ($1, $2, $3, $4, 'high', $5, $6, $7, $8::uuid[], $9, $10, $11, $12)`,
    [
      agendaItemId,
      meetingId,
      caseId,
      position,
      opts.repeat ?? false,
      opts.children ?? 0,
      referrer ? w.agency[referrer] : null,
      (opts.involved ?? ['police', 'idva']).map((s) => w.agency[s]),
      itemStart,
      itemEnd,
      opts.referredOn ?? null,
      opts.basis ?? null,
    ],
  );
  return { caseId, agendaItemId, reference };
}

/** A professional of an agency, invited to a meeting as its representative (or deputy). */
export async function anInvitee(
  w: World,
  meetingId: string,
  sector: AgencySector,
  kind: 'representative' | 'deputy' | 'idva' = 'representative',
): Promise<string> {
  const personId = randomUUID();
  await w.db.query(
    `INSERT INTO person (id, area_id, agency_id, display_name, email) VALUES ($1, $2, $3, $4, $5)`,
    [personId, w.areaId, w.agency[sector], `Builder ${sector} ${kind}`, `${personId}@example.test`],
  );
  await w.db.query(
    'INSERT INTO meeting_invitee (meeting_id, person_id, agency_id, kind) VALUES ($1, $2, $3, $4)',
    [meetingId, personId, w.agency[sector], kind],
  );
  return personId;
}

/** Reconciled presence of a person for one case (agendaItemId) or the whole meeting (null). */
export async function anAttendance(
  w: World,
  meetingId: string,
  personId: string,
  sector: AgencySector,
  opts: {
    agendaItemId?: string | null;
    as?: string;
    seconds?: number;
    cameraOn?: number;
    cameraSource?: 'calling-roster' | 'call-record' | 'attestation' | 'none';
  } = {},
): Promise<void> {
  await w.db.query(
    `INSERT INTO attendance_summary (meeting_id, agenda_item_id, agency_id, person_id, attended_as,
       present_seconds, camera_on_seconds, camera_source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      meetingId,
      opts.agendaItemId ?? null,
      w.agency[sector],
      personId,
      opts.as ?? 'representative',
      opts.seconds ?? 600,
      opts.cameraOn ?? 600,
      opts.cameraSource ?? 'calling-roster',
    ],
  );
}

export async function anApology(
  w: World,
  meetingId: string,
  sector: AgencySector,
  opts: { writtenSubmission?: boolean } = {},
): Promise<void> {
  await w.db.query(
    `INSERT INTO apology (meeting_id, agency_id, written_submission_at) VALUES ($1, $2, $3)`,
    [meetingId, w.agency[sector], opts.writtenSubmission ? new Date('2025-01-14T09:00:00Z') : null],
  );
}

let actionNumber = 0;

export async function anAction(
  w: World,
  c: { caseId: string; agendaItemId: string },
  meetingId: string,
  opts: {
    owner?: AgencySector;
    state?: 'volunteered' | 'open' | 'done' | 'not-achievable' | 'rejected';
    dueOn?: string;
    completedOn?: string | null;
    category?: 'victim' | 'children' | 'perpetrator' | 'staff' | 'other';
    createdAt?: string;
    joint?: boolean;
    escalationLevel?: number;
  } = {},
): Promise<string> {
  actionNumber += 1;
  const reference = `A-B${String(actionNumber).padStart(4, '0')}`;
  await w.db.query(
    `INSERT INTO action (area_id, case_id, meeting_id, agenda_item_id, reference, owner_agency_id,
       description, category, due_on, state, completed_on, created_at, is_joint, escalation_level)
     VALUES ($1, $2, $3, $4, $5, $6, 'builder action', $7, $8, $9, $10, $11, $12, $13)`,
    [
      w.areaId,
      c.caseId,
      meetingId,
      c.agendaItemId,
      reference,
      w.agency[opts.owner ?? 'police'],
      opts.category ?? 'victim',
      opts.dueOn ?? '2025-01-29',
      opts.state ?? 'open',
      opts.completedOn ?? null,
      new Date(opts.createdAt ?? '2025-01-15T11:00:00Z'),
      opts.joint ?? false,
      opts.escalationLevel ?? 0,
    ],
  );
  return reference;
}

/** A case's return data, saved through the store the coordinator's form uses. */
export async function aCaseReturn(
  w: World,
  agendaItemId: string,
  data: Partial<CaseReturnData>,
  repeat = false,
): Promise<void> {
  await new PgCaseReturnStore(w.db).save(
    agendaItemId,
    { ...EMPTY_RETURN_DATA, ...data },
    repeat,
    null,
    new Date('2025-01-15T12:00:00Z'),
  );
}

/** The area's local population figures, saved through the store the coordinator's form uses. */
export async function aPopulation(
  w: World,
  figures: Partial<Record<PopulationCharacteristic, number>>,
  source = 'Census 2021',
): Promise<void> {
  await new PgPopulationStore(w.db).replacePopulation(
    w.areaId,
    Object.entries(figures).map(([characteristic, value]) => ({
      characteristic: characteristic as PopulationCharacteristic,
      value: value as number,
    })),
    source,
    null,
    new Date('2025-01-02T12:00:00Z'),
  );
}
