import { CONFIDENTIAL_MARKER } from '../circulation/circulation-mail.js';
import type { QueuedMail } from '../ports/outbox.js';
import { escapeHtml, formatMeetingStart } from '../scheduling/format.js';

interface ReminderInput {
  meetingId: string;
  meetingTitle: string;
  meetingStart: Date;
  timeZone: string;
  agencyId: string;
  /** Case references only (FR-033, IS-03): never a name, an address or research text. */
  caseNumbers: string[];
  link: string;
  recipient: { personId: string; email: string; displayName: string };
}

/**
 * FR-038, A-07: the reminder to an agency that has not returned research by the deadline:
 * the meeting, the case references still owed and a link into the tab. Nothing else.
 */
export function researchReminderMail(m: ReminderInput): QueuedMail {
  const when = formatMeetingStart(m.meetingStart, m.timeZone);
  const n = m.caseNumbers.length;
  return {
    idempotencyKey: `research-reminder:${m.meetingId}:${m.agencyId}:${m.recipient.personId}`,
    purpose: 'research-reminder',
    to: [{ email: m.recipient.email, name: m.recipient.displayName }],
    subject: `${CONFIDENTIAL_MARKER}: ${m.meetingTitle}, ${when}: research outstanding`,
    bodyHtml:
      `<p><strong>${escapeHtml(CONFIDENTIAL_MARKER)}</strong></p>` +
      `<p>Your agency has not yet returned research for ${n} case${n === 1 ? '' : 's'} on the agenda of ` +
      `<strong>${escapeHtml(m.meetingTitle)}</strong> on <strong>${escapeHtml(when)}</strong>, ` +
      `and the deadline has passed: ${m.caseNumbers.map(escapeHtml).join(', ')}.</p>` +
      `<p><a href="${escapeHtml(m.link)}">Return research in the MARAC tab</a>: information to share, ` +
      `a nil return, no involvement, or a written submission if nobody from your agency can attend.</p>` +
      `<p>Do not reply with case details and do not forward this e-mail.</p>`,
  };
}

/** FR-038: the coordinator is told how many agencies were reminded (counts and a link only). */
export function researchOutstandingMail(m: {
  meetingId: string;
  meetingTitle: string;
  meetingStart: Date;
  timeZone: string;
  agencies: number;
  returnsMissing: number;
  link: string;
  recipient: { personId: string; email: string; displayName: string };
}): QueuedMail {
  const when = formatMeetingStart(m.meetingStart, m.timeZone);
  return {
    idempotencyKey: `research-outstanding:${m.meetingId}:${m.recipient.personId}`,
    purpose: 'research-outstanding',
    to: [{ email: m.recipient.email, name: m.recipient.displayName }],
    subject: `${CONFIDENTIAL_MARKER}: ${m.meetingTitle}, ${when}: research outstanding`,
    bodyHtml:
      `<p><strong>${escapeHtml(CONFIDENTIAL_MARKER)}</strong></p>` +
      `<p>The research deadline for <strong>${escapeHtml(m.meetingTitle)}</strong> on ` +
      `<strong>${escapeHtml(when)}</strong> has passed with ${m.returnsMissing} return${m.returnsMissing === 1 ? '' : 's'} ` +
      `missing from ${m.agencies} agenc${m.agencies === 1 ? 'y' : 'ies'}; each has been sent a reminder.</p>` +
      `<p><a href="${escapeHtml(m.link)}">See the research grid in the MARAC tab</a>.</p>`,
  };
}
