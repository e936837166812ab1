import { type Count, FEWER_THAN_5, type GovernanceReport } from './governance-types.js';

export { type Count, FEWER_THAN_5 } from './governance-types.js';

/**
 * What the steering group sees (R9, FR-115): aggregates only, and no count small enough to
 * point at a victim. A count of cases, children or actions from 1 to 4 is shown as "fewer than
 * 5", and a share is withheld (null) when its numerator or denominator is such a count, since
 * the share and the total would give the count back. Counts of meetings and of agencies'
 * attendance are about agencies, not victims, and stay exact.
 */

const small = (n: number) => n >= 1 && n <= 4;
export const suppress = (n: Count): Count => (typeof n === 'number' && small(n) ? FEWER_THAN_5 : n);
const num = (n: Count): number => (typeof n === 'number' ? n : 1);
/** A share kept only when neither of its counts is small (or already suppressed). */
const share = (value: number | null, ...counts: Count[]) =>
  counts.some((c) => typeof c !== 'number' || small(c)) ? null : value;

export function forSteering(r: GovernanceReport): GovernanceReport {
  const v = r.volumes;
  const police = v.referralsBySector.find((s) => s.sector === 'police')?.cases ?? 0;
  const a = r.actions;
  const done = num(a.doneOnTime) + num(a.doneLate);
  return {
    ...r,
    withReferences: false,
    volumes: {
      ...v,
      casesOnAgenda: suppress(v.casesOnAgenda),
      casesHeard: suppress(v.casesHeard),
      casesNotHeard: suppress(v.casesNotHeard),
      casesPerMeeting: share(v.casesPerMeeting, v.casesHeard),
      repeatCases: suppress(v.repeatCases),
      repeatRate: share(v.repeatRate, v.repeatCases, v.casesHeard),
      childrenInHouseholds: suppress(v.childrenInHouseholds),
      referralsBySector: v.referralsBySector.map((s) => ({
        ...s,
        cases: suppress(s.cases),
        share: share(s.share, s.cases, v.casesHeard) ?? 0,
        suppressed:
          typeof suppress(s.cases) !== 'number' || typeof suppress(v.casesHeard) !== 'number',
      })),
      policeShare: share(v.policeShare, police, v.casesHeard),
    },
    actions: {
      ...a,
      created: suppress(a.created),
      doneOnTime: suppress(a.doneOnTime),
      doneLate: suppress(a.doneLate),
      notAchievable: suppress(a.notAchievable),
      open: suppress(a.open),
      overdue: suppress(a.overdue),
      completionRate: share(a.completionRate, a.doneOnTime, a.created),
      medianDaysToCompletion: done >= 5 ? a.medianDaysToCompletion : null,
      byAgency: a.byAgency.map((g) => ({
        ...g,
        created: suppress(g.created),
        doneOnTime: suppress(g.doneOnTime),
        doneLate: suppress(g.doneLate),
        notAchievable: suppress(g.notAchievable),
        open: suppress(g.open),
        overdue: suppress(g.overdue),
        completionRate: share(g.completionRate, g.doneOnTime, g.created),
        escalated: suppress(g.escalated),
        outstandingEscalated: suppress(g.outstandingEscalated),
      })),
    },
    escalations: {
      escalatedInPeriod: suppress(r.escalations.escalatedInPeriod),
      outstanding: suppress(r.escalations.outstanding),
      byAgency: r.escalations.byAgency.map((g) => ({
        ...g,
        escalated: suppress(g.escalated),
        outstanding: suppress(g.outstanding),
      })),
      outstandingActions: [],
    },
  };
}
