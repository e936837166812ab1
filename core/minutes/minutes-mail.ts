import { CONFIDENTIAL_MARKER } from '../circulation/circulation-mail.js';
import type { QueuedMail } from '../ports/outbox.js';
import { escapeHtml, formatMeetingStart } from '../scheduling/format.js';

export interface MinutesMailInput {
  meetingId: string;
  meetingTitle: string;
  meetingStart: Date;
  timeZone: string;
  link: string;
  confidentialityStatement: string;
  recipient: { personId: string; email: string; displayName: string };
}

/**
 * The notice that approved minutes are ready (FR-088): the MARAC meeting and its date and a link
 * into the tab; no case number, no name, nothing the minutes say.
 */
export function minutesMail(m: MinutesMailInput): QueuedMail {
  const when = formatMeetingStart(m.meetingStart, m.timeZone);
  return {
    idempotencyKey: `minutes:${m.meetingId}:${m.recipient.personId}`,
    purpose: 'minutes',
    to: [{ email: m.recipient.email, name: m.recipient.displayName }],
    subject: `${CONFIDENTIAL_MARKER}: ${m.meetingTitle}, ${when}: minutes approved`,
    bodyHtml:
      `<p><strong>${escapeHtml(CONFIDENTIAL_MARKER)}</strong></p>` +
      `<p>The chair has approved the minutes of <strong>${escapeHtml(m.meetingTitle)}</strong> on <strong>${escapeHtml(when)}</strong>.</p>` +
      `<p><a href="${escapeHtml(m.link)}">Read the minutes in the MARAC tab</a>. ` +
      `They are shown only in the tab; representatives see the cases and actions of their own agency.</p>` +
      `<p>${escapeHtml(m.confidentialityStatement)}</p>` +
      `<p>Do not forward this e-mail.</p>`,
  };
}
