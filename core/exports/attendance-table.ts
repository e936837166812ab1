import type {
  AgencyRef,
  AttendanceMeeting,
  CaseSlot,
  IntervalRow,
  PersonRef,
  SummaryRow,
} from '../attendance/attendance-repository.js';
import { clip, type Span, totalMs } from '../attendance/intervals.js';
import { enGbDateTime, type ExportTable, minutesOf } from './export-table.js';

const ROLE_WORDS: Record<string, string> = {
  chair: 'Chair',
  'deputy-chair': 'Deputy chair',
  coordinator: 'Coordinator',
  representative: 'Representative',
  deputy: 'Deputy',
  idva: 'IDVA',
  observer: 'Observer',
  keyworker: 'Keyworker',
  referrer: 'Referrer',
  other: 'Other',
};

const CAMERA_WORDS: Record<string, string> = {
  'calling-roster': 'Recorded by the meeting bot',
  'call-record': 'Teams call record',
  attestation: 'Confirmed by the chair',
  none: 'No camera evidence',
};

export interface AttendanceExportInput {
  meeting: AttendanceMeeting;
  timeZone: string;
  cases: CaseSlot[];
  people: PersonRef[];
  agencies: AgencyRef[];
  intervals: IntervalRow[];
  summary: SummaryRow[];
  unmatched: { id: string; displayName: string | null }[];
  about: string[];
}

export const HEADINGS = [
  'Person',
  'Agency',
  'Attended as',
  'Case',
  'Joined',
  'Left',
  'Minutes present',
  'Minutes with camera on',
  'Camera evidence',
  'Joined late',
  'Left early',
];

/**
 * Attendance evidence for one meeting (FR-060, FR-062, FR-066): for each person, the whole
 * meeting and each case heard, with their first join and last leave inside that window (in the
 * area's time zone), minutes present and camera figures with their source. Reconciled figures
 * come from the attendance summary; before reconciliation, presence is measured from the live
 * intervals and cameras read "Not reconciled yet".
 */
export function attendanceTable(input: AttendanceExportInput): ExportTable {
  const { meeting, timeZone } = input;
  const people = new Map(input.people.map((p) => [p.personId, p]));
  const agencies = new Map(input.agencies.map((a) => [a.agencyId, a.name]));
  const meetingWindow: Span = {
    start: (meeting.actualStart ?? meeting.scheduledStart).getTime(),
    end: (meeting.actualEnd ?? meeting.scheduledEnd).getTime(),
  };
  const windows = new Map<string | null, { label: string; span: Span | null }>([
    [null, { label: 'Whole meeting', span: meetingWindow }],
  ]);
  for (const c of input.cases)
    windows.set(c.agendaItemId, { label: c.caseReference, span: caseSpan(c, meetingWindow.end) });
  const order = [null, ...input.cases.map((c) => c.agendaItemId)];

  const spansOf = (key: { personId: string | null; unmatchedId: string | null }) =>
    input.intervals
      .filter((i) => i.personId === key.personId && i.unmatchedId === key.unmatchedId)
      .map((i) => ({
        start: i.joinedAt.getTime(),
        end: (i.leftAt ?? meeting.actualEnd ?? meeting.scheduledEnd).getTime(),
      }));
  const times = (spans: Span[], window: Span | null) => {
    const inside = window ? clip(spans, window) : [];
    return {
      joined: inside[0] ? enGbDateTime(new Date(inside[0].start), timeZone) : '',
      left: inside.length ? enGbDateTime(new Date(inside[inside.length - 1]!.end), timeZone) : '',
      seconds: totalMs(inside) / 1000,
    };
  };

  const rows: ExportTable['rows'] = [];
  const reconciled = input.summary.length > 0;
  const byPerson = new Map<string, SummaryRow[]>();
  if (reconciled) {
    for (const s of input.summary)
      byPerson.set(s.personId, [...(byPerson.get(s.personId) ?? []), s]);
  } else {
    for (const i of input.intervals)
      if (i.personId && !byPerson.has(i.personId)) byPerson.set(i.personId, []);
  }
  const personOrder = [...byPerson.keys()].sort((a, b) => {
    const pa = people.get(a);
    const pb = people.get(b);
    const agency = (p?: PersonRef) => (p?.agencyId ? (agencies.get(p.agencyId) ?? '') : '');
    return (
      agency(pa).localeCompare(agency(pb)) ||
      (pa?.displayName ?? '').localeCompare(pb?.displayName ?? '')
    );
  });
  for (const personId of personOrder) {
    const person = people.get(personId);
    const spans = spansOf({ personId, unmatchedId: null });
    const summaries = byPerson.get(personId) ?? [];
    for (const key of order) {
      const window = windows.get(key);
      if (!window) continue;
      const s = summaries.find((r) => r.agendaItemId === key);
      if (reconciled && !s) continue;
      const t = times(spans, window.span);
      if (!reconciled && t.seconds === 0 && key !== null) continue;
      const agencyId = s?.agencyId ?? person?.agencyId ?? null;
      rows.push([
        person?.displayName ?? 'A person no longer in the directory',
        agencyId ? (agencies.get(agencyId) ?? '') : '',
        s ? (ROLE_WORDS[s.attendedAs] ?? 'Other') : '',
        window.label,
        t.joined,
        t.left,
        s ? minutesOf(s.presentSeconds) : minutesOf(t.seconds),
        s ? minutesOf(s.cameraOnSeconds) : '',
        s ? (CAMERA_WORDS[s.cameraSource] ?? '') : 'Not reconciled yet',
        s ? (s.lateJoin ? 'Yes' : 'No') : '',
        s ? (s.earlyLeave ? 'Yes' : 'No') : '',
      ]);
    }
  }
  for (const u of input.unmatched) {
    const t = times(spansOf({ personId: null, unmatchedId: u.id }), meetingWindow);
    rows.push([
      `Not identified (${u.displayName ?? 'no name given'})`,
      '',
      '',
      'Whole meeting',
      t.joined,
      t.left,
      minutesOf(t.seconds),
      '',
      'Not matched to a person',
      '',
      '',
    ]);
  }
  return { title: 'Attendance', headings: HEADINGS, rows, about: input.about };
}

/** A case heard but never closed by the chair ran until the meeting ended. */
function caseSpan(c: CaseSlot, meetingEnd: number): Span | null {
  if (c.actualStart)
    return { start: c.actualStart.getTime(), end: c.actualEnd?.getTime() ?? meetingEnd };
  if (c.plannedStart)
    return {
      start: c.plannedStart.getTime(),
      end: c.plannedStart.getTime() + c.plannedMinutes * 60_000,
    };
  return null;
}
