import type { ErrorCode } from '../errors.js';
import { canReceiveMaracInformation, type Agency } from '../model.js';
import { hasAnyRole, type Role } from '../roles.js';
import type { InviteeRecord, MeetingRecord } from '../scheduling/meeting-repository.js';

export interface Viewer {
  personId: string;
  areaId: string;
  agencyId: string | null;
  roles: Role[];
}

export type CaseListAccess =
  | {
      ok: true;
      seesEveryClosedCase: boolean;
      seesOpenCases: boolean;
      /** Granted only as an observer of the running meeting: no documents (minutes) afterwards. */
      observerOnly?: true;
    }
  | { ok: false; code: ErrorCode; message: string };

/**
 * Who may see a meeting's case list (REQUIREMENTS.md §1.2, FR-100, IS-01, IS-02):
 * - the coordinator, and the meeting's chair and deputy chair: every case, closed ones too;
 * - representatives, deputies and IDVAs invited to the meeting whose agency's signatory
 *   record is complete (checked now, so a withdrawal takes effect at once);
 * - observers only while the meeting actually runs (its recorded state, not the timetable:
 *   a meeting that ended early or overran is judged by what happened), and only if invited to
 *   it as observers or in it now (admitted from the lobby), never as documents afterwards;
 * - nobody else (steering group, referrers, keyworkers, non-signatories).
 * Closed cases are further limited to the people listed on them (see `seesCase`).
 */
export function caseListAccess(
  viewer: Viewer,
  meeting: MeetingRecord,
  invitee: InviteeRecord | undefined,
  viewerAgency: Agency | null,
  /** Whether the viewer is in the meeting now (asked only for observers of a running one). */
  inMeetingNow = false,
): CaseListAccess {
  if (viewer.areaId !== meeting.areaId)
    return { ok: false, code: 'NOT_FOUND', message: 'That record does not exist.' };
  if (viewer.roles.includes('coordinator'))
    return { ok: true, seesEveryClosedCase: true, seesOpenCases: true };
  const isLead =
    viewer.personId === meeting.chairPersonId ||
    viewer.personId === meeting.deputyChairPersonId ||
    invitee?.kind === 'chair' ||
    invitee?.kind === 'deputy-chair';
  if (isLead) return { ok: true, seesEveryClosedCase: true, seesOpenCases: true };
  const signatory = viewerAgency ? canReceiveMaracInformation(viewerAgency) : false;
  if (hasAnyRole(viewer.roles, ['representative', 'deputy', 'idva'])) {
    if (!signatory)
      return {
        ok: false,
        code: 'AGENCY_NOT_SIGNATORY',
        message:
          'Your agency has not completed the information-sharing agreement, so it cannot see case lists.',
      };
    if (!invitee)
      return {
        ok: false,
        code: 'CASE_NOT_VISIBLE',
        message: 'Your agency is not invited to this meeting.',
      };
    return { ok: true, seesEveryClosedCase: false, seesOpenCases: true };
  }
  if (viewer.roles.includes('observer')) {
    if (meeting.status === 'in-progress' && (invitee || inMeetingNow))
      return { ok: true, seesEveryClosedCase: false, seesOpenCases: true, observerOnly: true };
    return {
      ok: false,
      code: 'CASE_NOT_VISIBLE',
      message: 'Observers see the case list only during the meeting.',
    };
  }
  return { ok: false, code: 'FORBIDDEN', message: 'Your role does not include seeing case lists.' };
}

/** FR-100, IS-13: a closed case only for the people listed on it (and the meeting's leads). */
export function seesCase(
  access: Extract<CaseListAccess, { ok: true }>,
  viewerId: string,
  item: { isClosedSession: boolean; permittedPersonIds: readonly string[] },
): boolean {
  if (!item.isClosedSession) return access.seesOpenCases;
  return access.seesEveryClosedCase || item.permittedPersonIds.includes(viewerId);
}

/**
 * Someone listed on a closed case but not invited to the main meeting (a specialist, FR-007)
 * sees that case alone, provided their agency may receive MARAC information.
 */
export function closedCaseOnlyAccess(
  viewerId: string,
  viewerAgency: Agency | null,
  items: readonly { isClosedSession: boolean; permittedPersonIds: readonly string[] }[],
): CaseListAccess | null {
  if (viewerAgency && !canReceiveMaracInformation(viewerAgency)) return null;
  const listed = items.some((i) => i.isClosedSession && i.permittedPersonIds.includes(viewerId));
  return listed ? { ok: true, seesEveryClosedCase: false, seesOpenCases: false } : null;
}
