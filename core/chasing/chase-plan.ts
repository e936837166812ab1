import type { ChaseStep } from '../area-policy.js';
import { addWorkingDays, isWorkingDay, type Nation } from '../calendar/index.js';
import type { MailRecipient } from '../ports/mailer.js';

/**
 * The chase ladder (FR-074, FR-075), pure. Default per area (core/area-policy.ts):
 * reminder 2 working days before due → due day → 1 working day overdue (owner and deputy) →
 * escalation to the agency's escalation contact 5 working days overdue. Afterwards an open
 * action is "outstanding": listed in the next meeting's minutes and the steering report.
 */
export interface ChaseRecipient extends MailRecipient {
  personId: string | null;
}

export interface ChaseCandidate {
  actionId: string;
  reference: string;
  caseReference: string;
  dueOn: string;
  ownerAgencyName: string;
  owner: ChaseRecipient[];
  /** Deputies of the owner, or of the agency's representatives when the agency owns it. */
  deputies: ChaseRecipient[];
  escalation: ChaseRecipient[];
  /** The area's coordinators: escalation goes to them when the agency has no contact. */
  coordinators: ChaseRecipient[];
}

/** A step that has nobody to go to (no owner, no escalation contact, no coordinator). */
export interface UnreachableStep {
  actionId: string;
  step: string;
  dueOn: string;
}

export interface ChaseItem {
  actionId: string;
  reference: string;
  caseReference: string;
  dueOn: string;
  ownerAgencyName: string;
  step: string;
  /** 0 for steps before or on the due day, 1.. for overdue steps (the escalation level). */
  level: number;
  offsetWorkingDays: number;
  recipient: ChaseRecipient;
}

/** `${actionId}|${step}|${email}`: a chaser already recorded in chase_step. */
export const sentKey = (actionId: string, step: string, email: string) =>
  `${actionId}|${step}|${email.toLowerCase()}`;

/** The working day a step fires for a due date. */
export function stepDay(dueOn: string, step: Pick<ChaseStep, 'offsetWorkingDays'>, nation: Nation) {
  return step.offsetWorkingDays === 0
    ? dueOn
    : addWorkingDays(dueOn, step.offsetWorkingDays, nation);
}

/** How far ahead of today a due date can be and still have a step firing today. */
export function lookAheadWorkingDays(ladder: readonly ChaseStep[]): number {
  return Math.max(0, ...ladder.map((s) => -s.offsetWorkingDays));
}

/**
 * What one run on `today` (a working day) sends: for each open action only the latest step
 * whose day has come (a step missed because the action was created late is not sent late,
 * and the ladder never goes backwards), to each of that step's recipients not yet chased for
 * it. `sent` holds the sentKeys already recorded.
 */
export function planChasers(input: {
  candidates: readonly ChaseCandidate[];
  ladder: readonly ChaseStep[];
  today: string;
  nation: Nation;
  sent: ReadonlySet<string>;
  /** Steps recorded per action (any recipient), so a later step is never followed by an earlier one. */
  stepsTaken: ReadonlyMap<string, ReadonlySet<string>>;
  /** Filled with the steps due today that have no recipient, for the coordinator to see. */
  unreachable?: UnreachableStep[];
}): ChaseItem[] {
  if (!isWorkingDay(input.today, input.nation)) return [];
  const ladder = [...input.ladder].sort((a, b) => a.offsetWorkingDays - b.offsetWorkingDays);
  const items: ChaseItem[] = [];
  for (const c of input.candidates) {
    let index = -1;
    ladder.forEach((step, i) => {
      if (stepDay(c.dueOn, step, input.nation) <= input.today) index = i;
    });
    if (index < 0) continue;
    const step = ladder[index] as ChaseStep;
    const taken = input.stepsTaken.get(c.actionId);
    if (taken && ladder.slice(index + 1).some((later) => taken.has(later.step))) continue;
    const recipients =
      step.recipients === 'owner'
        ? c.owner
        : step.recipients === 'owner-and-deputy'
          ? [...c.owner, ...c.deputies]
          : // Escalation is for someone senior: never back to the owner or their deputy.
            c.escalation.length > 0
            ? c.escalation
            : c.coordinators;
    if (recipients.length === 0)
      input.unreachable?.push({ actionId: c.actionId, step: step.step, dueOn: c.dueOn });
    const level = ladder.filter((s, i) => i <= index && s.offsetWorkingDays > 0).length;
    const seen = new Set<string>();
    for (const r of recipients) {
      const email = r.email.toLowerCase();
      if (seen.has(email) || input.sent.has(sentKey(c.actionId, step.step, email))) continue;
      seen.add(email);
      items.push({
        actionId: c.actionId,
        reference: c.reference,
        caseReference: c.caseReference,
        dueOn: c.dueOn,
        ownerAgencyName: c.ownerAgencyName,
        step: step.step,
        level,
        offsetWorkingDays: step.offsetWorkingDays,
        recipient: { ...r, email },
      });
    }
  }
  return items;
}

/** One mail per recipient per run: items grouped by recipient e-mail, in reference order. */
export function bundleByRecipient<T extends { recipient: ChaseRecipient; reference: string }>(
  items: readonly T[],
): { recipient: ChaseRecipient; items: T[] }[] {
  const groups = new Map<string, { recipient: ChaseRecipient; items: T[] }>();
  for (const item of items) {
    const key = item.recipient.email.toLowerCase();
    const group = groups.get(key) ?? { recipient: item.recipient, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  for (const g of groups.values())
    g.items.sort(
      (a, b) => a.reference.length - b.reference.length || a.reference.localeCompare(b.reference),
    );
  return [...groups.values()].sort((a, b) => a.recipient.email.localeCompare(b.recipient.email));
}

/** A short stable hash (FNV-1a, 32 bits) for idempotency keys; core has no crypto import. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
