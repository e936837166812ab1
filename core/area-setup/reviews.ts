import { addCalendarDays, localDay, longDayWithWeekday } from '../calendar/index.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { Outbox, QueuedMail } from '../ports/outbox.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { DirectoryReader } from '../scheduling/meeting-repository.js';
import { escapeHtml } from '../scheduling/format.js';
import type { AreaSetupRepository } from './area-setup-repository.js';

/** The daily job that reminds coordinators of agreements due for review. */
export const SIGNATORY_REVIEW_JOB = 'signatory-review-reminders';

/** An agreement whose review falls within this many days (or has passed) is "review due". */
export const SIGNATORY_REVIEW_NOTICE_DAYS = 30;

/** KPI-16, FR-112: whether an agency's information-sharing agreement is due for review. */
export function signatoryReviewDue(reviewDueOn: string | null | undefined, today: string): boolean {
  return !!reviewDueOn && reviewDueOn <= addCalendarDays(today, SIGNATORY_REVIEW_NOTICE_DAYS);
}

export interface ReviewRepos {
  setup: AreaSetupRepository;
  directory: DirectoryReader;
  audit: AuditLog;
  outbox: Outbox;
}

export interface ReviewDeps {
  clock: Clock;
  repos: ReviewRepos;
  uow: UnitOfWork<ReviewRepos>;
  /** The Agencies screen of the coordinator workspace. */
  agenciesLink(): string;
}

/**
 * The signatory review job (FR-112, KPI-16): each coordinator gets one mail per agency and
 * review date once the review is within SIGNATORY_REVIEW_NOTICE_DAYS or overdue. The mail names
 * the agency (an organisation, not a person) and links to the Agencies screen; nothing else.
 * Idempotent: the outbox key holds the agency, the review date and the coordinator, so a rerun
 * sends nothing twice and a new review date reminds afresh.
 */
export async function remindSignatoryReviews(
  deps: ReviewDeps,
  areaIds: readonly string[],
): Promise<{ queued: number }> {
  const now = deps.clock.now();
  let queued = 0;
  for (const areaId of areaIds) {
    const area = await deps.repos.directory.getArea(areaId);
    if (!area) continue;
    const today = localDay(now, area.timeZone);
    const due = (await deps.repos.setup.signatoryReviews(areaId)).filter((a) =>
      signatoryReviewDue(a.reviewDueOn, today),
    );
    if (due.length === 0) continue;
    const coordinators = await deps.repos.setup.coordinators(areaId);
    for (const agency of due)
      queued += await deps.uow.run(async (r) => {
        let created = 0;
        for (const c of coordinators) {
          const mail = signatoryReviewMail(agency, today, c, deps.agenciesLink());
          if ((await r.outbox.enqueue({ ...mail, areaId }, now)).created) created += 1;
        }
        if (created > 0)
          await r.audit.record({
            at: now,
            areaId,
            actor: { kind: 'job' },
            action: 'agency.signatory-review-reminder',
            recordType: 'agency',
            recordId: agency.agencyId,
            detail: { queued: created, reviewDueOn: agency.reviewDueOn },
          });
        return created;
      });
  }
  return { queued };
}

export function signatoryReviewMail(
  agency: { agencyId: string; name: string; reviewDueOn: string },
  today: string,
  to: { personId: string; email: string; displayName: string },
  link: string,
): QueuedMail {
  const overdue = agency.reviewDueOn < today;
  const when = longDayWithWeekday(agency.reviewDueOn);
  return {
    idempotencyKey: `signatory-review:${agency.agencyId}:${agency.reviewDueOn}:${to.personId}`,
    purpose: 'signatory-review',
    to: [{ email: to.email, name: to.displayName }],
    subject: `Information-sharing agreement review ${overdue ? 'overdue' : 'due'}: ${agency.name}`,
    bodyHtml:
      `<p>The information-sharing agreement of <strong>${escapeHtml(agency.name)}</strong> ` +
      `${overdue ? 'was' : 'is'} due for review on <strong>${escapeHtml(when)}</strong>.</p>` +
      `<p>Check the signatory, the data protection officer and the date signed with the agency, ` +
      `then record the new review date.</p>` +
      `<p><a href="${escapeHtml(link)}">Open the Agencies screen in the MARAC tab</a></p>`,
  };
}

/** IS-09, FR-109: a case heard this many months ago is due for review from that day. */
export interface CaseReviewDue {
  caseId: string;
  caseReference: string;
  lastHeardOn: string;
  months: number;
  reviewOn: string;
}

/** Shown from this many days before the review day until this many after it. */
export const CASE_REVIEW_WINDOW = { before: 14, after: 28 } as const;

/**
 * The case-review prompts (IS-09, FR-109): cases whose last hearing was one of the area's
 * `retention.caseReviewMonths` ago (6 and 12 by default), from two weeks before that day to
 * four weeks after. A case heard again since is reviewed from its new hearing.
 */
export async function casesDueForReview(
  deps: { clock: Clock; repos: Pick<ReviewRepos, 'setup' | 'directory'> },
  actor: { areaId: string },
): Promise<CaseReviewDue[]> {
  const area = await deps.repos.directory.getArea(actor.areaId);
  if (!area) return [];
  const today = localDay(deps.clock.now(), area.timeZone);
  const months = [...new Set(area.policy.retention.caseReviewMonths)].sort((a, b) => a - b);
  if (months.length === 0) return [];
  const earliest = addMonths(
    addCalendarDays(today, -CASE_REVIEW_WINDOW.after),
    -(months.at(-1) as number),
  );
  const due: CaseReviewDue[] = [];
  for (const c of await deps.repos.setup.lastHeard(actor.areaId, earliest))
    for (const m of months) {
      const reviewOn = addMonths(c.lastHeardOn, m);
      if (
        reviewOn >= addCalendarDays(today, -CASE_REVIEW_WINDOW.after) &&
        reviewOn <= addCalendarDays(today, CASE_REVIEW_WINDOW.before)
      )
        due.push({ ...c, months: m, reviewOn });
    }
  return due.sort((a, b) => a.reviewOn.localeCompare(b.reviewOn));
}

/** The same day `n` months later (the month's last day when it has no such day). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const month = m - 1 + n;
  const year = y + Math.floor(month / 12);
  const mm = ((month % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, mm + 1, 0)).getUTCDate();
  return `${year}-${String(mm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
