import type { QueuedMail } from '../ports/outbox.js';
import { escapeHtml, formatMeetingStart } from '../scheduling/format.js';
import { formatLongDay } from './written-submission.js';

/** 004:1255: the marker secure MARAC correspondence carries. */
export const CONFIDENTIAL_MARKER = 'Strictly Private & Confidential';

export interface CirculationMailInput {
  kind: 'initial' | 'addendum';
  meetingId: string;
  circulationKey: string;
  meetingTitle: string;
  meetingStart: Date;
  timeZone: string;
  caseCount: number;
  caseListLink: string;
  confidentialityStatement: string;
  /** The area's written-submission deadline for agencies that cannot attend, YYYY-MM-DD. */
  writtenSubmissionDueOn?: string;
  recipient: { personId: string; email: string; displayName: string };
}

/**
 * FR-033, IS-03, IS-07: the circulation notice carries the MARAC name, the date, the number of
 * cases, a link into the tab and the confidentiality statement; nothing else. No case number,
 * no name, no summary: the case list itself is only ever shown in the tab.
 */
export function circulationMail(m: CirculationMailInput): QueuedMail {
  const when = formatMeetingStart(m.meetingStart, m.timeZone);
  const cases = `${m.caseCount} case${m.caseCount === 1 ? '' : 's'}`;
  const what =
    m.kind === 'initial'
      ? `The case list for <strong>${escapeHtml(m.meetingTitle)}</strong> on <strong>${escapeHtml(when)}</strong> is ready: ${cases} to research before the meeting.`
      : `${cases} ${m.caseCount === 1 ? 'has' : 'have'} been added to the case list for <strong>${escapeHtml(m.meetingTitle)}</strong> on <strong>${escapeHtml(when)}</strong> since it was circulated.`;
  return {
    idempotencyKey: `circulation:${m.meetingId}:${m.circulationKey}:${m.recipient.personId}`,
    purpose: m.kind === 'initial' ? 'circulation' : 'circulation-addendum',
    to: [{ email: m.recipient.email, name: m.recipient.displayName }],
    subject: `${CONFIDENTIAL_MARKER}: ${m.meetingTitle}, ${when}: ${m.kind === 'initial' ? 'case list' : 'case list addendum'}`,
    bodyHtml:
      `<p><strong>${escapeHtml(CONFIDENTIAL_MARKER)}</strong></p>` +
      `<p>${what}</p>` +
      (m.writtenSubmissionDueOn
        ? `<p>If your agency cannot attend, send your written submission by <strong>${escapeHtml(formatLongDay(m.writtenSubmissionDueOn))}</strong>.</p>`
        : '') +
      `<p><a href="${escapeHtml(m.caseListLink)}">Open the case list in the MARAC tab</a>. ` +
      `It is shown only in the tab, to invited people, after you accept the confidentiality declaration.</p>` +
      `<p>${escapeHtml(m.confidentialityStatement)}</p>` +
      `<p>Do not forward this e-mail.</p>`,
  };
}
