import type { QueuedMail } from '../ports/outbox.js';
import type { ChaseRecipient } from './chase-plan.js';
import { shortHash } from './chase-plan.js';

/**
 * Chaser and new-action mails (FR-074, IS-07): MARAC name, action references, case references,
 * due dates and a deep link into the tab. Never a description, a name of anyone discussed, an
 * address or a date of birth. Perpetrator actions look like any other (IS-07, AC-19).
 */
export interface MailLine {
  actionId: string;
  reference: string;
  caseReference: string;
  dueOn: string;
  /** What this line says about the action: "due in 2 working days", "overdue since ...". */
  status: string;
}

/** One mail line for an action: its references and due date, and what to say about it. */
export function mailLine(
  action: Pick<MailLine, 'actionId' | 'reference' | 'caseReference' | 'dueOn'>,
  status: string,
): MailLine {
  const { actionId, reference, caseReference, dueOn } = action;
  return { actionId, reference, caseReference, dueOn, status };
}

export type ChaseMailKind = 'chaser' | 'escalation' | 'new-actions' | 'manual-chase';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** '2026-11-18' → '18 Nov 2026'. */
export function humanDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

export function renderActionMail(input: {
  kind: ChaseMailKind;
  maracName: string;
  recipient: ChaseRecipient;
  lines: readonly MailLine[];
  link: (actionId: string) => string;
  /** Makes the idempotency key: the same run content gives the same key. */
  runKey: string;
  notBefore?: Date;
}): QueuedMail {
  const n = input.lines.length;
  const plural = n === 1 ? 'action' : 'actions';
  const subject = {
    chaser: `${input.maracName}: ${n} ${plural} due for your update`,
    escalation: `${input.maracName}: ${n} overdue ${plural} owned by your agency (escalation)`,
    'new-actions': `${input.maracName}: ${n} new ${plural} for you`,
    'manual-chase': `${input.maracName}: the coordinator asks for an update on ${n} ${plural}`,
  }[input.kind];
  const intro = {
    chaser:
      'These MARAC actions need your update. Open each one to record that it is done, or why it cannot be achieved.',
    escalation:
      'These MARAC actions owned by your agency are overdue and the owner has been reminded. As the agency’s escalation contact, please make sure they are completed or closed with a reason.',
    'new-actions':
      'The MARAC agreed these actions for you. Open each one to see the detail and to record completion.',
    'manual-chase': 'The MARAC coordinator asks for an update on these actions.',
  }[input.kind];
  const rows = input.lines
    .map(
      (l) =>
        `<tr><td>${esc(l.reference)}</td><td>${esc(l.caseReference)}</td><td>${esc(humanDay(l.dueOn))}</td><td>${esc(l.status)}</td><td><a href="${esc(input.link(l.actionId))}">Open ${esc(l.reference)}</a></td></tr>`,
    )
    .join('');
  const bodyHtml =
    `<p>${esc(intro)}</p>` +
    `<table><thead><tr><th>Action</th><th>Case</th><th>Due</th><th>Status</th><th></th></tr></thead><tbody>${rows}</tbody></table>` +
    `<p>Details are only in the MARAC app in Teams or Outlook. If an action is done you can reply to this mail to say so, and the MARAC coordinator will record it. Do not put case information, names or addresses in your reply.</p>`;
  const content = input.lines.map((l) => `${l.actionId}:${l.status}`).join(',');
  return {
    idempotencyKey: `${input.kind}:${input.runKey}:${input.recipient.email.toLowerCase()}:${shortHash(content)}`,
    purpose: input.kind,
    to: [
      {
        email: input.recipient.email,
        ...(input.recipient.name ? { name: input.recipient.name } : {}),
      },
    ],
    subject,
    bodyHtml,
    ...(input.notBefore ? { notBefore: input.notBefore } : {}),
  };
}

/** What a ladder step says about an action in the mail. */
export function stepStatus(
  step: { offsetWorkingDays: number; step: string },
  dueOn: string,
): string {
  if (step.offsetWorkingDays < 0)
    return `due in ${-step.offsetWorkingDays} working day${step.offsetWorkingDays === -1 ? '' : 's'}`;
  if (step.offsetWorkingDays === 0) return 'due today';
  return `overdue since ${humanDay(dueOn)}`;
}
