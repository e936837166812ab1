import { checkAccess } from '../circulation/case-list.js';
import type { Viewer } from '../circulation/case-access.js';
import type { CirculationRepos } from '../circulation/circulation-deps.js';
import { DomainError } from '../errors.js';

/**
 * Who may read a meeting's minutes (JSON or DOCX): the same need-to-know as its case list
 * (same area, invited, signatory agency, closed cases only for the people listed; checkAccess),
 * and further:
 * - the confidentiality declaration for the meeting is accepted (FR-046), as for the case list;
 *   the meeting's leads (coordinator, chair, deputy chair) read minutes they approve without it;
 * - observers never (R8 "no document access afterwards"), even while the meeting runs;
 * - people let in for one closed-session case alone (keyworkers, specialists) never (R7 "no
 *   access to minutes afterwards unless their agency's rep shares extracts").
 * Refusals are audited as `minutes.view-refused`.
 */
export async function checkMinutesAccess(
  repos: CirculationRepos,
  viewer: Viewer,
  meetingId: string,
  now: Date,
) {
  const granted = await checkAccess(repos, viewer, meetingId, now, 'minutes.view-refused');
  const { meeting, access } = granted;
  const refuse = async (code: 'FORBIDDEN' | 'DECLARATION_REQUIRED', message?: string) => {
    await repos.audit.record({
      at: now,
      areaId: viewer.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: 'minutes.view-refused',
      recordType: 'meeting',
      recordId: meeting.id,
      meetingId: meeting.id,
      detail: { code },
    });
    throw new DomainError(code, message);
  };
  if (access.observerOnly)
    return refuse('FORBIDDEN', 'Observers see cases only during the meeting, not its minutes.');
  if (!access.seesOpenCases)
    return refuse(
      'FORBIDDEN',
      'You were listed for one case only; ask your agency’s representative for an extract.',
    );
  // Only the coordinator and the meeting's chair and deputy chair see every closed case.
  const lead = access.seesEveryClosedCase;
  if (!lead && !(await repos.circulation.hasDeclaration(viewer.personId, meeting.id)))
    return refuse('DECLARATION_REQUIRED');
  return granted;
}
