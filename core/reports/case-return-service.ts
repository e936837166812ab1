import { DomainError } from '../errors.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import { hasAnyRole, type Role } from '../roles.js';
import { inArea } from '../same-area.js';
import { type CaseReturnData, caseReturnSchema, missingReturnFields } from './case-return.js';

/**
 * The coordinator reads and corrects each case's return data on the meeting workspace's
 * agenda (FR-118): the same record the import filled, so the return is typed once.
 */
export interface CaseReturnRow {
  agendaItemId: string;
  caseReference: string;
  position: number;
  /** Started and closed in the meeting run. */
  heard: boolean;
  repeat: boolean;
  data: CaseReturnData;
}

export interface CaseReturnRepository {
  meeting(meetingId: string): Promise<{ id: string; areaId: string; ended: boolean } | null>;
  forMeetings(meetingIds: string[]): Promise<(CaseReturnRow & { meetingId: string })[]>;
  save(
    agendaItemId: string,
    data: CaseReturnData,
    repeat: boolean,
    by: string,
    now: Date,
  ): Promise<void>;
}

export interface CaseReturnDeps {
  repos: CaseReturnRepository;
  audit: AuditLog;
  clock: Clock;
}

export const CASE_RETURN_EDITORS: readonly Role[] = ['coordinator'];
type Actor = { personId: string; areaId: string; roles: Role[] };

function mustEdit(actor: Actor): void {
  if (!hasAnyRole(actor.roles, CASE_RETURN_EDITORS))
    throw new DomainError('FORBIDDEN', 'Only the coordinator records the data return.');
}

export async function listCaseReturns(
  deps: CaseReturnDeps,
  actor: Actor,
  meetingId: string,
): Promise<{ items: (CaseReturnRow & { missing: string[] })[] }> {
  mustEdit(actor);
  inArea(await deps.repos.meeting(meetingId), actor);
  const rows = await deps.repos.forMeetings([meetingId]);
  return {
    items: rows.map(({ meetingId: _m, ...r }) => ({ ...r, missing: missingReturnFields(r.data) })),
  };
}

export async function saveCaseReturn(
  deps: CaseReturnDeps,
  actor: Actor,
  meetingId: string,
  agendaItemId: string,
  body: unknown,
): Promise<CaseReturnRow & { missing: string[] }> {
  mustEdit(actor);
  inArea(await deps.repos.meeting(meetingId), actor);
  const parsed = caseReturnSchema.safeParse(body);
  if (!parsed.success)
    throw new DomainError(
      'VALIDATION_FAILED',
      'Choose a listed answer, or "not collected", for each field; children is a number from 0 to 30.',
    );
  const rows = await deps.repos.forMeetings([meetingId]);
  const row = rows.find((r) => r.agendaItemId === agendaItemId);
  if (!row) throw new DomainError('NOT_FOUND', 'That case is not on this meeting’s agenda.');
  const { repeat, ...data } = parsed.data;
  const now = deps.clock.now();
  await deps.repos.save(agendaItemId, data, repeat, actor.personId, now);
  await deps.audit.record({
    at: now,
    areaId: actor.areaId,
    actor: { kind: 'person', personId: actor.personId },
    action: 'case-return.update',
    recordType: 'agenda_item',
    recordId: agendaItemId,
    meetingId,
    detail: { missing: missingReturnFields(data).length },
  });
  const { meetingId: _m, ...saved } = row;
  return { ...saved, repeat, data, missing: missingReturnFields(data) };
}
