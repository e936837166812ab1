import { DomainError } from '../errors.js';
import { hasAnyRole } from '../roles.js';
import type { Actor, LiveAttendanceDeps } from './live-attendance.js';
import { scheduleReconciliation } from './live-attendance.js';
import {
  AttendanceReportNotReady,
  reconcileMeeting,
  type ReconcileDeps,
} from './reconcile-meeting.js';

export interface MatchOutcome {
  unmatchedId: string;
  personId: string;
  /** Reconciled again now; false when it waits for the Teams report (scheduled instead). */
  reconciled: boolean;
}

/**
 * The coordinator says who an unknown joiner was (FR-060: attendance evidence names people):
 * the joiner's presence and camera evidence become that person's, the identity remembers the
 * match (so a later report resolves to them too), and the meeting's attendance is reconciled
 * again at once when it has ended. Audited with ids only.
 */
export async function matchUnknownJoiner(
  deps: LiveAttendanceDeps & { reconcile: ReconcileDeps | null },
  actor: Actor,
  meetingId: string,
  unmatchedId: string,
  personId: string,
): Promise<MatchOutcome> {
  if (!hasAnyRole(actor.roles, ['coordinator']))
    throw new DomainError('FORBIDDEN', 'Only the coordinator matches unknown joiners.');
  const meeting = await deps.repos.getMeeting(meetingId);
  if (meeting?.areaId !== actor.areaId) throw new DomainError('NOT_FOUND', 'No such meeting.');
  const person = (await deps.repos.people(actor.areaId)).find((p) => p.personId === personId);
  if (!person)
    throw new DomainError(
      'VALIDATION_FAILED',
      'personId: choose a person registered in this area.',
    );
  const now = deps.clock.now();
  await deps.uow.run(async (repos) => {
    const outcome = await repos.matchUnmatched(
      meeting.id,
      unmatchedId,
      personId,
      actor.personId,
      now,
    );
    if (outcome === 'not-found')
      throw new DomainError('NOT_FOUND', 'That unknown joiner is not in this meeting.');
    if (outcome === 'already-matched')
      throw new DomainError('INVALID_STATE', 'That joiner has already been matched to a person.');
  });
  await deps.audit?.record({
    at: now,
    areaId: actor.areaId,
    actor: { kind: 'person', personId: actor.personId },
    action: 'attendance.match-joiner',
    recordType: 'meeting',
    recordId: meeting.id,
    meetingId: meeting.id,
    detail: { unmatchedId, personId },
  });
  if (!meeting.actualEnd || !deps.reconcile) return { unmatchedId, personId, reconciled: false };
  try {
    const result = await reconcileMeeting(deps.reconcile, meeting.id);
    return { unmatchedId, personId, reconciled: result.status === 'reconciled' };
  } catch (error) {
    if (!(error instanceof AttendanceReportNotReady)) throw error;
    await scheduleReconciliation(deps, meeting.id, meeting.actualEnd);
    return { unmatchedId, personId, reconciled: false };
  }
}
