import type { AreaPolicy } from '../area-policy.js';
import { DomainError } from '../errors.js';
import type { MeetingRecord } from '../scheduling/meeting-repository.js';

/**
 * What an agency returns for one case (FR-038, FR-039, A-07):
 * - `submitted`: involved, with information to share;
 * - `nil-return`: involved or known, but nothing to share;
 * - `no-involvement`: the agency has had no involvement with the family;
 * - `written-submission`: the agency cannot attend, so it sends its information in writing.
 */
export const RESEARCH_STATUSES = [
  'submitted',
  'nil-return',
  'no-involvement',
  'written-submission',
] as const;
export type ResearchStatus = (typeof RESEARCH_STATUSES)[number];

/** A cell of the coordinator's grid: a return, or nothing yet. */
export type ResearchCell = ResearchStatus | 'missing';

/** Plain words for each cell (screens and counts). */
export const RESEARCH_CELL_LABELS: Record<ResearchCell, string> = {
  submitted: 'Returned',
  'nil-return': 'Nil return',
  'no-involvement': 'No involvement',
  'written-submission': 'Written submission',
  missing: 'Missing',
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A-07, FR-039: research and written submissions are due `writtenSubmissionDaysBefore` days
 * before the meeting starts (2 by default); reminders go to agencies still missing after it.
 */
export function researchDeadline(meetingStart: Date, policy: AreaPolicy): Date {
  return new Date(meetingStart.getTime() - policy.writtenSubmissionDaysBefore * DAY);
}

/**
 * When case material stops being shown to the people invited for the meeting (FR-109, IS-08,
 * IS-09): `caseListAccessHoursAfterMeeting` after its scheduled end, unless it is still running.
 * The coordinator and the meeting's chairs keep the case list (they write up the minutes and
 * actions); minutes and actions stay reachable to those entitled through their own routes.
 */
export function caseMaterialClosesAt(meeting: MeetingRecord, policy: AreaPolicy): Date {
  return new Date(
    meeting.scheduledEnd.getTime() + policy.retention.caseListAccessHoursAfterMeeting * HOUR,
  );
}

export function caseMaterialClosed(meeting: MeetingRecord, policy: AreaPolicy, now: Date): boolean {
  if (meeting.status === 'in-progress') return false;
  return now.getTime() >= caseMaterialClosesAt(meeting, policy).getTime();
}

/**
 * Research is taken until the meeting is over: once it has ended (or been cancelled, or its
 * scheduled end has passed) a return would only be destroyed, so it is refused.
 */
export function researchOpen(meeting: MeetingRecord, now: Date): boolean {
  if (meeting.status === 'ended' || meeting.status === 'cancelled') return false;
  if (meeting.status === 'in-progress') return true;
  return now.getTime() < meeting.scheduledEnd.getTime();
}

export interface ResearchReturnInput {
  status: ResearchStatus;
  /** What the agency holds (FR-040 "what"): required when it returns information. */
  information: string | null;
  /** Why it is shared (FR-040 "why"): required when it returns information. */
  reason: string | null;
  /** Any restrictions on its use (FR-040, IS-05). */
  restrictions: string | null;
  /** The day the research was done, YYYY-MM-DD. */
  researchedOn: string;
}

const MAX_TEXT = 8000;
const MAX_SHORT = 1000;

/**
 * Reads a return from untrusted input with plain messages next to each field; nothing is
 * saved unless all of it is valid. Text only travels with returns that carry information.
 */
export function parseResearchReturn(body: unknown, today: string): ResearchReturnInput {
  const errors: { path: string; message: string }[] = [];
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const allowed = new Set(['status', 'information', 'reason', 'restrictions', 'researchedOn']);
  for (const key of Object.keys(b))
    if (!allowed.has(key)) errors.push({ path: key, message: 'This field is not expected here.' });
  const status = b.status;
  const known = RESEARCH_STATUSES.includes(status as ResearchStatus);
  if (!known)
    errors.push({
      path: 'status',
      message:
        'Choose one: information to share, nil return, no involvement or written submission.',
    });
  const text = (key: string, max: number): string | null => {
    const v = b[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') {
      errors.push({ path: key, message: 'Enter text.' });
      return null;
    }
    const t = v.trim();
    if (t.length > max) errors.push({ path: key, message: `Keep this under ${max} characters.` });
    return t.length ? t : null;
  };
  let information = text('information', MAX_TEXT);
  let reason = text('reason', MAX_SHORT);
  let restrictions = text('restrictions', MAX_SHORT);
  const carriesText = status === 'submitted' || status === 'written-submission';
  if (known && carriesText) {
    if (!information)
      errors.push({ path: 'information', message: 'Enter the information your agency holds.' });
    if (!reason)
      errors.push({ path: 'reason', message: 'Say why this information is being shared.' });
  } else if (known) {
    // A nil return or no involvement carries no case text at all.
    information = null;
    reason = null;
    restrictions = null;
  }
  let researchedOn = today;
  if (b.researchedOn !== undefined && b.researchedOn !== null && b.researchedOn !== '') {
    const v = b.researchedOn;
    const valid =
      typeof v === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(v) &&
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
    if (!valid) errors.push({ path: 'researchedOn', message: 'Enter a date, like 2027-03-01.' });
    else if (v > today)
      errors.push({ path: 'researchedOn', message: 'The research date cannot be in the future.' });
    else researchedOn = v;
  }
  if (errors.length)
    throw new DomainError('VALIDATION_FAILED', 'Check the highlighted fields.', errors);
  return { status: status as ResearchStatus, information, reason, restrictions, researchedOn };
}

export interface GridCase {
  agendaItemId: string;
  caseNumber: string;
  position: number;
  isClosedSession: boolean;
  agenciesInvolved: { id: string; name: string }[];
}

export interface GridReturn {
  agendaItemId: string;
  agencyId: string;
  status: ResearchStatus;
  submittedAt: Date;
}

export type ResearchCounts = Record<ResearchCell, number>;

const zeroCounts = (): ResearchCounts => ({
  submitted: 0,
  'nil-return': 0,
  'no-involvement': 0,
  'written-submission': 0,
  missing: 0,
});

/**
 * FR-038: the grid per case and involved agency, with counts per case, per agency and in all.
 * Only the agencies a case lists as involved are expected to return for it.
 */
export function researchGrid(cases: GridCase[], returns: GridReturn[]) {
  const byKey = new Map(returns.map((r) => [`${r.agendaItemId}:${r.agencyId}`, r]));
  const totals = zeroCounts();
  const perAgency = new Map<string, { agencyId: string; name: string; counts: ResearchCounts }>();
  const rows = cases.map((c) => {
    const counts = zeroCounts();
    const cells = c.agenciesInvolved.map((a) => {
      const r = byKey.get(`${c.agendaItemId}:${a.id}`);
      const cell: ResearchCell = r ? r.status : 'missing';
      counts[cell] += 1;
      totals[cell] += 1;
      const agency = perAgency.get(a.id) ?? { agencyId: a.id, name: a.name, counts: zeroCounts() };
      agency.counts[cell] += 1;
      perAgency.set(a.id, agency);
      return { agencyId: a.id, agencyName: a.name, cell, returnedAt: r?.submittedAt ?? null };
    });
    return {
      agendaItemId: c.agendaItemId,
      caseNumber: c.caseNumber,
      position: c.position,
      isClosedSession: c.isClosedSession,
      cells,
      counts,
    };
  });
  return {
    cases: rows,
    agencies: [...perAgency.values()].sort((a, b) => a.name.localeCompare(b.name)),
    totals,
  };
}

/** The cases each agency still owes a return for (reminders, FR-038). */
export function missingByAgency(cases: GridCase[], returns: GridReturn[]) {
  const returned = new Set(returns.map((r) => `${r.agendaItemId}:${r.agencyId}`));
  const missing = new Map<string, string[]>();
  for (const c of cases)
    for (const a of c.agenciesInvolved)
      if (!returned.has(`${c.agendaItemId}:${a.id}`))
        missing.set(a.id, [...(missing.get(a.id) ?? []), c.caseNumber]);
  return missing;
}
