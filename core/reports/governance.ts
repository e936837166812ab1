import { type AttendanceReport, attendanceReport } from '../attendance/attendance-report.js';
import type { AttendanceRepository } from '../attendance/attendance-repository.js';
import { type Nation, localDay, workingDaysBetween } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import { hasAnyRole, type Role } from '../roles.js';
import { sectorLabel } from './labels.js';
import { forSteering } from './steering-view.js';

/**
 * The steering/governance report (R9, FR-115, FR-075, AC-15, AC-16): volumes, action
 * completion, escalations, attendance and camera compliance for a period, computed from rows.
 * Pure: the rows come through GovernanceRepository (store/governance-store.ts), attendance
 * through the attendance report's own repository (core/attendance/attendance-report.ts).
 *
 * Period semantics (half-open [from, to)):
 * - meetings: ended meetings (not closed sessions) whose actual (else scheduled) start is in it;
 *   cases on the agenda: the agenda items of those meetings and of their ended closed
 *   sessions (a closed session still to be held is not yet counted);
 *   cases heard: those the chair started and closed in the meeting run (an item left
 *   unheard at the end of the meeting is not heard, however long the agenda); the case
 *   figures (repeats, children, referrers) count heard cases only;
 * - actions: the confirmed actions (open, done, not-achievable) agreed at a meeting starting in
 *   the period, or created in it when they belong to no meeting; their state as of today
 *   (area local day);
 * - outstanding escalations: every action of the area still open at escalation level 2 or
 * more (5 working days overdue on the default ladder), whatever the period ("listed
 *   ... in the steering report").
 * The steering group sees aggregates only (R9 "no case-level personal data by default"): no
 * case or action references (IS-07), in the attendance part as well.
 */

export const GOVERNANCE_READERS: readonly Role[] = [
  'coordinator',
  'chair',
  'deputy-chair',
  'steering',
];
const REFERENCE_READERS: readonly Role[] = ['coordinator', 'chair', 'deputy-chair'];
/** FR-075: the ladder's escalation-contact step sets escalation level 2 (core/chasing). */
export const ESCALATED_LEVEL = 2;
/** The longest period one report covers (a few years of quarterly packs). */
export const MAX_PERIOD_DAYS = 3 * 366;

export type {
  AgencyActionFigures,
  GovernanceActionRow,
  GovernanceAgency,
  GovernanceCaseRow,
  GovernanceReport,
  GovernanceRepository,
} from './governance-types.js';
import type {
  GovernanceActionRow,
  GovernanceReport,
  GovernanceRepository,
} from './governance-types.js';

export interface GovernanceDeps {
  repos: GovernanceRepository;
  attendance: AttendanceRepository;
  audit: AuditLog;
  clock: Clock;
}

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 1000 : null);

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function workingDaysOverdue(dueOn: string, today: string, nation: Nation): number | null {
  try {
    return Math.max(0, workingDaysBetween(dueOn, today, nation));
  } catch (error) {
    if (error instanceof RangeError) return null; // old data outside the calendar's years
    throw error;
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface Tally {
  created: number;
  doneOnTime: number;
  doneLate: number;
  notAchievable: number;
  open: number;
  overdue: number;
  due: number;
}

function tally(rows: GovernanceActionRow[], today: string): Tally {
  const t: Tally = {
    created: 0,
    doneOnTime: 0,
    doneLate: 0,
    notAchievable: 0,
    open: 0,
    overdue: 0,
    due: 0,
  };
  for (const a of rows) {
    t.created += 1;
    if (a.state === 'done') {
      if (a.completedOn !== null && a.completedOn > a.dueOn) t.doneLate += 1;
      else t.doneOnTime += 1;
    } else if (a.state === 'not-achievable') t.notAchievable += 1;
    else if (a.state === 'open') {
      t.open += 1;
      if (a.dueOn < today) t.overdue += 1; // FR-071: open and due before today
    }
    if (a.state !== 'open' || a.dueOn < today) t.due += 1;
  }
  return t;
}

/** Validates the period: both instants, `to` after `from`, at most MAX_PERIOD_DAYS. */
export function checkPeriod(period: { from: Date; to: Date }): void {
  if (Number.isNaN(period.from.getTime()) || Number.isNaN(period.to.getTime()))
    throw new DomainError('VALIDATION_FAILED', '`from` and `to` must be ISO date-times.');
  if (period.to.getTime() <= period.from.getTime())
    throw new DomainError('VALIDATION_FAILED', '`to` must be after `from`.');
  if (period.to.getTime() - period.from.getTime() > MAX_PERIOD_DAYS * 86_400_000)
    throw new DomainError(
      'VALIDATION_FAILED',
      `The period may cover at most ${MAX_PERIOD_DAYS} days.`,
    );
}

/** The role check shared by the report and the steering pack (403 before anything is read). */
export function mustReadGovernance(actor: { roles: Role[] }): void {
  if (!hasAnyRole(actor.roles, GOVERNANCE_READERS))
    throw new DomainError(
      'FORBIDDEN',
      'The governance report is for the coordinator, chair and steering group.',
    );
}

/** Whether the reader sees case and action references (coordinator and chair). */
export const readsReferences = (actor: { roles: Role[] }) =>
  hasAnyRole(actor.roles, REFERENCE_READERS);

/**
 * The report's exact figures, with references, neither audited nor suppressed: the report
 * below and the steering pack (steering-pack.ts) build on it and decide what the reader sees.
 */
export async function computeGovernance(
  deps: Omit<GovernanceDeps, 'audit'>,
  actor: { personId: string; areaId: string; roles: Role[] },
  period: { from: Date; to: Date },
): Promise<{
  report: GovernanceReport;
  rows: { actions: GovernanceActionRow[] };
  area: { name: string; nation: Nation; timeZone: string };
  now: Date;
}> {
  mustReadGovernance(actor);
  checkPeriod(period);
  const area = await deps.repos.area(actor.areaId);
  if (!area) throw new DomainError('NOT_FOUND', 'The area does not exist.');
  const now = deps.clock.now();
  const today = localDay(now, area.timeZone);
  const withReferences = true;
  const [agencies, meetings, agenda, actions, escalated, attendance] = await Promise.all([
    deps.repos.agencies(actor.areaId),
    deps.repos.meetings(actor.areaId, period.from, period.to),
    deps.repos.cases(actor.areaId, period.from, period.to),
    deps.repos.actions(actor.areaId, period.from, period.to),
    deps.repos.openEscalated(actor.areaId, ESCALATED_LEVEL),
    attendanceReport({ repos: deps.attendance }, actor, period),
  ]);
  const agencyById = new Map(agencies.map((a) => [a.agencyId, a]));

  // Volumes (KPI-1, KPI-3, KPI-12, KPI-13), over the cases heard.
  const cases = agenda.filter((c) => c.heard);
  const bySector = new Map<string, number>();
  for (const c of cases) {
    const sector =
      (c.referringAgencyId && agencyById.get(c.referringAgencyId)?.sector) || 'unknown';
    bySector.set(sector, (bySector.get(sector) ?? 0) + 1);
  }
  const repeatCases = cases.filter((c) => c.isRepeat).length;
  const volumes: GovernanceReport['volumes'] = {
    meetings: meetings.length,
    casesOnAgenda: agenda.length,
    casesHeard: cases.length,
    casesNotHeard: agenda.length - cases.length,
    casesPerMeeting: ratio(cases.length, meetings.length),
    repeatCases,
    repeatRate: ratio(repeatCases, cases.length),
    childrenInHouseholds: cases.reduce((n, c) => n + c.childrenCount, 0),
    referralsBySector: [...bySector]
      .map(([sector, n]) => ({
        sector,
        label: sectorLabel(sector),
        cases: n,
        share: ratio(n, cases.length) ?? 0,
      }))
      .sort((a, b) => b.cases - a.cases || a.sector.localeCompare(b.sector)),
    policeShare: ratio(bySector.get('police') ?? 0, cases.length),
    distinctReferringAgencies: new Set(cases.map((c) => c.referringAgencyId).filter(Boolean)).size,
  };

  // Action completion (KPI-6).
  const all = tally(actions, today);
  const days = actions
    .filter((a) => a.state === 'done' && a.completedOn !== null)
    .map((a) => daysBetween(localDay(a.createdAt, area.timeZone), a.completedOn as string));
  const isEscalated = (a: GovernanceActionRow) => a.escalationLevel >= ESCALATED_LEVEL;
  const byAgency = agencies
    .map((g) => {
      const mine = actions.filter((a) => a.ownerAgencyId === g.agencyId);
      const t = tally(mine, today);
      return {
        agencyId: g.agencyId,
        name: g.name,
        sector: g.sector,
        created: t.created,
        doneOnTime: t.doneOnTime,
        doneLate: t.doneLate,
        notAchievable: t.notAchievable,
        open: t.open,
        overdue: t.overdue,
        completionRate: ratio(t.doneOnTime, t.due),
        escalated: mine.filter(isEscalated).length,
        outstandingEscalated: escalated.filter((a) => a.ownerAgencyId === g.agencyId).length,
      };
    })
    .filter((g) => g.created > 0 || g.outstandingEscalated > 0);

  // Escalations (FR-075, AC-15): references for coordinator and chair only.
  const escalations: GovernanceReport['escalations'] = {
    escalatedInPeriod: actions.filter(isEscalated).length,
    outstanding: escalated.length,
    byAgency: byAgency
      .filter((g) => g.escalated > 0 || g.outstandingEscalated > 0)
      .map((g) => ({
        agencyId: g.agencyId,
        name: g.name,
        escalated: g.escalated,
        outstanding: g.outstandingEscalated,
      })),
    outstandingActions: escalated
      .map((a) => ({
        reference: a.reference,
        caseReference: a.caseReference,
        ownerAgencyId: a.ownerAgencyId,
        ownerAgencyName: agencyById.get(a.ownerAgencyId)?.name ?? '',
        dueOn: a.dueOn,
        workingDaysOverdue: workingDaysOverdue(a.dueOn, today, area.nation),
        daysOverdue: Math.max(0, daysBetween(a.dueOn, today)),
      }))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference)),
  };

  // Attendance and camera compliance (KPI-4, A-13), from the attendance report's figures.
  const sum = (rows: AttendanceReport['byAgency'], k: 'meetingsAttended' | 'meetingsExpected') =>
    rows.reduce((n, r) => n + r[k], 0);
  const core = attendance.byAgency.filter((a) => a.core);
  const shares = attendance.byAgency
    .map((a) => a.cameraOnShare)
    .filter((s): s is number => s !== null);
  const report: GovernanceReport = {
    period: { from: period.from.toISOString(), to: period.to.toISOString(), today },
    withReferences,
    volumes,
    actions: {
      created: all.created,
      doneOnTime: all.doneOnTime,
      doneLate: all.doneLate,
      notAchievable: all.notAchievable,
      open: all.open,
      overdue: all.overdue,
      completionRate: ratio(all.doneOnTime, all.due),
      medianDaysToCompletion: median(days),
      byAgency,
    },
    escalations,
    attendance: {
      meetingsReconciled: attendance.meetings.length,
      attendanceRate: ratio(
        sum(attendance.byAgency, 'meetingsAttended'),
        sum(attendance.byAgency, 'meetingsExpected'),
      ),
      coreAttendanceRate: ratio(sum(core, 'meetingsAttended'), sum(core, 'meetingsExpected')),
      cameraOnShare:
        shares.length > 0
          ? ratio(
              shares.reduce((n, s) => n + s, 0),
              shares.length,
            )
          : null,
      byAgency: attendance.byAgency,
    },
  };
  return { report, rows: { actions }, area, now };
}

export async function governanceReport(
  deps: GovernanceDeps,
  actor: { personId: string; areaId: string; roles: Role[] },
  period: { from: Date; to: Date },
): Promise<GovernanceReport> {
  mustReadGovernance(actor);
  const { report: full, now } = await computeGovernance(deps, actor, period);
  const withReferences = readsReferences(actor);
  const report = { ...full, withReferences };
  const escalations = report.escalations;
  // FR-104: viewing a report is audited (ids and counts only).
  await deps.audit.record({
    at: now,
    areaId: actor.areaId,
    actor: { kind: 'person', personId: actor.personId },
    action: 'governance-report.view',
    recordType: 'governance_report',
    recordId: null,
    detail: {
      from: report.period.from,
      to: report.period.to,
      withReferences,
      escalationsListed: withReferences ? escalations.outstandingActions.length : 0,
    },
  });
  // R9: the steering group gets aggregates with small counts suppressed (core/reports/steering-view.ts).
  return withReferences ? report : forSteering(report);
}
