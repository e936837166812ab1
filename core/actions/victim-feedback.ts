import { localDay } from '../calendar/index.js';
import type { Area } from '../model.js';
import type { Clock } from '../ports/clock.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { ActionRepository } from './action-repository.js';
import { resolveDueOn } from './action.js';

/**
 * FR-081, AC-18, IS-23: every case heard gets a victim-feedback action (the IDVA service, or
 * another nominated agency), and when the victim did not know of the referral an "inform the
 * victim if safe" action with template text. Created once per case and meeting, after the
 * meeting ends, where the area's policy says so (victimFeedbackAction).
 */
export const VICTIM_FEEDBACK = 'victim-feedback';
export const INFORM_VICTIM = 'inform-victim';

export const FEEDBACK_TEXT =
  'Feed back the outcome of the MARAC to the victim, if it is safe to do so, and record their views.';
export const INFORM_TEXT =
  'The victim did not know of the MARAC referral. If it is safe, explain the referral and the outcome using the standard explanation: ' +
  '"A MARAC is a meeting where local agencies share information to help keep you and your family safe. Your case was discussed so that ' +
  'agencies can work together to support you." Record whether this was done or why it was not safe.';

export interface FeedbackCandidate {
  agendaItemId: string;
  caseId: string;
  meetingId: string;
  meetingEnd: Date;
  victimAwareOfReferral: boolean | null;
  hasFeedback: boolean;
  hasInform: boolean;
}

export interface FeedbackRepos {
  actions: Pick<ActionRepository, 'createAction'>;
  feedback: {
    /** Agenda items of meetings that ended since `since`, with what feedback actions exist. */
    endedAgendaItems(areaId: string, since: Date): Promise<FeedbackCandidate[]>;
    /** The agency and person nominated for victim feedback: the area's IDVA service and its representative. */
    feedbackOwner(areaId: string): Promise<{ agencyId: string; personId: string | null } | null>;
  };
  areas: { getArea(areaId: string): Promise<Area | null> };
}

export async function ensureVictimFeedbackActions(
  deps: { clock: Clock; uow: UnitOfWork<FeedbackRepos> },
  areaId: string,
): Promise<number> {
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const area = await repos.areas.getArea(areaId);
    if (!area || !area.policy.victimFeedbackAction) return 0;
    const owner = await repos.feedback.feedbackOwner(areaId);
    if (!owner) return 0;
    const today = localDay(now, area.timeZone);
    const since = new Date(now.getTime() - 7 * 86_400_000);
    let created = 0;
    for (const c of await repos.feedback.endedAgendaItems(areaId, since)) {
      const wanted: [string, string][] = [];
      if (!c.hasFeedback) wanted.push([VICTIM_FEEDBACK, FEEDBACK_TEXT]);
      if (c.victimAwareOfReferral === false && !c.hasInform)
        wanted.push([INFORM_VICTIM, INFORM_TEXT]);
      for (const [type, text] of wanted) {
        const { dueOn, dueOverridden } = resolveDueOn({
          policy: area.policy,
          meetingDay: localDay(c.meetingEnd, area.timeZone),
          today,
          nation: area.nation,
        });
        await repos.actions.createAction(
          {
            areaId,
            caseId: c.caseId,
            meetingId: c.meetingId,
            agendaItemId: c.agendaItemId,
            ownerAgencyId: owner.agencyId,
            ownerPersonId: owner.personId,
            description: text,
            category: 'victim',
            actionType: type,
            dueOn,
            dueOverridden,
            state: 'open',
          },
          null,
          now,
        );
        created += 1;
      }
    }
    return created;
  });
}
