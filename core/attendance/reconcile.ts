import type { AttendanceSource, CameraSource } from '../model.js';
import { clip, intersect, type Span, subtract, totalMs, union } from './intervals.js';

/**
 * Post-meeting reconciliation (FR-060, FR-062, KPI-4): merges live bot events, the
 * Teams attendance report, calling-roster and attestation evidence into one account of who was
 * present, when, per person, per agency and per case, with camera-on time and its source.
 *
 * - Presence is the union of every source's intervals (no double counting), clipped to the
 *   meeting window (reports contain intervals outside it; open intervals end with the meeting).
 * - Camera truth follows a precedence: the chair's attestation, then the calling roster, then
 *   call records. Where a stronger source covers a moment, weaker ones are ignored for it.
 * - Every camera figure names the source that covered most of the person's presence.
 */
export interface PresenceEvidence {
  /** A person id, or `unmatched:<id>` for a joiner not yet matched to the directory. */
  personKey: string;
  joined: Date;
  left: Date | null;
  source: AttendanceSource;
}

export interface CameraEvidence {
  personKey: string;
  start: Date;
  end: Date | null;
  cameraOn: boolean;
  source: CameraSource;
}

export type AttendedAs =
  | 'chair'
  | 'deputy-chair'
  | 'coordinator'
  | 'representative'
  | 'deputy'
  | 'idva'
  | 'observer'
  | 'keyworker'
  | 'referrer'
  | 'other';

export interface Attendee {
  personId: string;
  agencyId: string | null;
  attendedAs: AttendedAs;
}

export interface CaseWindow {
  agendaItemId: string;
  start: Date;
  end: Date;
}

export interface ReconcileInput {
  meetingStart: Date;
  meetingEnd: Date;
  attendees: Attendee[];
  presence: PresenceEvidence[];
  camera: CameraEvidence[];
  cases: CaseWindow[];
  /** Joining this long after the start is not "late", leaving this long before the end not "early". */
  graceMinutes?: number;
}

export interface CameraFigure {
  onSeconds: number;
  /** Seconds of presence some camera source covered. */
  coveredSeconds: number;
  source: CameraSource | 'none';
}

export interface PersonAttendance {
  personKey: string;
  agencyId: string | null;
  attendedAs: AttendedAs | 'unmatched';
  presentSeconds: number;
  firstJoin: Date | null;
  lastLeave: Date | null;
  lateJoin: boolean;
  earlyLeave: boolean;
  camera: CameraFigure;
  /** Presence per case: agenda item id -> seconds present during the case. */
  perCase: Record<string, { presentSeconds: number; camera: CameraFigure }>;
}

export interface AgencyCaseAttendance {
  agendaItemId: string;
  agencyId: string;
  present: boolean;
  /** Who spoke for the agency: its representative if present, else a deputy, else someone else. */
  by: 'representative' | 'deputy' | 'other' | null;
  presentSeconds: number;
  /** Share of the agency's presence with a camera on, over time some source covered; null if none did. */
  cameraOnShare: number | null;
}

export interface Reconciliation {
  people: PersonAttendance[];
  agencies: AgencyCaseAttendance[];
}

const CAMERA_PRECEDENCE: CameraSource[] = ['attestation', 'calling-roster', 'call-record'];
const toSpan = (from: Date, to: Date | null, fallbackEnd: number): Span => ({
  start: from.getTime(),
  end: to ? to.getTime() : fallbackEnd,
});
const seconds = (spans: Span[]) => Math.round(totalMs(spans) / 1000);

export function reconcileAttendance(input: ReconcileInput): Reconciliation {
  const window: Span = { start: input.meetingStart.getTime(), end: input.meetingEnd.getTime() };
  const graceMs = (input.graceMinutes ?? 5) * 60_000;
  const byKey = new Map(input.attendees.map((a) => [a.personId, a]));
  const keys = new Set([
    ...input.presence.map((p) => p.personKey),
    ...input.attendees.map((a) => a.personId),
  ]);

  const people: PersonAttendance[] = [];
  const presenceOf = new Map<string, Span[]>();
  const cameraOnOf = new Map<string, { on: Span[]; covered: Map<CameraSource, Span[]> }>();
  for (const key of keys) {
    const present = clip(
      input.presence
        .filter((p) => p.personKey === key)
        .map((p) => toSpan(p.joined, p.left, window.end)),
      window,
    );
    presenceOf.set(key, present);
    const camera = cameraTruth(
      input.camera.filter((c) => c.personKey === key),
      window,
    );
    cameraOnOf.set(key, camera);
    const attendee = byKey.get(key);
    const firstJoin = present[0] ? new Date(present[0].start) : null;
    const lastLeave = present.at(-1) ? new Date((present.at(-1) as Span).end) : null;
    const perCase: PersonAttendance['perCase'] = {};
    for (const c of input.cases) {
      const inCase = intersect(present, [{ start: c.start.getTime(), end: c.end.getTime() }]);
      if (inCase.length)
        perCase[c.agendaItemId] = {
          presentSeconds: seconds(inCase),
          camera: cameraFigure(inCase, camera),
        };
    }
    people.push({
      personKey: key,
      agencyId: attendee?.agencyId ?? null,
      attendedAs: attendee?.attendedAs ?? 'unmatched',
      presentSeconds: seconds(present),
      firstJoin,
      lastLeave,
      lateJoin: firstJoin !== null && firstJoin.getTime() > window.start + graceMs,
      earlyLeave: lastLeave !== null && lastLeave.getTime() < window.end - graceMs,
      camera: cameraFigure(present, camera),
      perCase,
    });
  }
  return { people, agencies: agencyCases(input, presenceOf, cameraOnOf) };
}

/** Camera-on spans by precedence, and what each source covered after stronger ones. */
function cameraTruth(
  evidence: CameraEvidence[],
  window: Span,
): { on: Span[]; covered: Map<CameraSource, Span[]> } {
  let claimed: Span[] = [];
  let on: Span[] = [];
  const covered = new Map<CameraSource, Span[]>();
  for (const source of CAMERA_PRECEDENCE) {
    const mine = evidence.filter((e) => e.source === source);
    const all = subtract(
      clip(
        mine.map((e) => toSpan(e.start, e.end, window.end)),
        window,
      ),
      claimed,
    );
    const onHere = intersect(
      clip(
        mine.filter((e) => e.cameraOn).map((e) => toSpan(e.start, e.end, window.end)),
        window,
      ),
      all,
    );
    covered.set(source, all);
    on = union([...on, ...onHere]);
    claimed = union([...claimed, ...all]);
  }
  return { on, covered };
}

function cameraFigure(
  present: Span[],
  camera: { on: Span[]; covered: Map<CameraSource, Span[]> },
): CameraFigure {
  let best: CameraSource | 'none' = 'none';
  let bestMs = 0;
  let coveredMs = 0;
  for (const [source, spans] of camera.covered) {
    const ms = totalMs(intersect(present, spans));
    coveredMs += ms;
    if (ms > bestMs) {
      best = source;
      bestMs = ms;
    }
  }
  return {
    onSeconds: seconds(intersect(present, camera.on)),
    coveredSeconds: Math.round(coveredMs / 1000),
    source: best,
  };
}

function agencyCases(
  input: ReconcileInput,
  presenceOf: Map<string, Span[]>,
  cameraOf: Map<string, { on: Span[]; covered: Map<CameraSource, Span[]> }>,
): AgencyCaseAttendance[] {
  const agencies = [
    ...new Set(input.attendees.map((a) => a.agencyId).filter((id): id is string => id !== null)),
  ];
  const rows: AgencyCaseAttendance[] = [];
  for (const c of input.cases) {
    const caseSpan = [{ start: c.start.getTime(), end: c.end.getTime() }];
    for (const agencyId of agencies) {
      const members = input.attendees.filter((a) => a.agencyId === agencyId);
      const presentMembers = members.filter(
        (m) => intersect(presenceOf.get(m.personId) ?? [], caseSpan).length > 0,
      );
      const present = union(
        presentMembers.flatMap((m) => intersect(presenceOf.get(m.personId) ?? [], caseSpan)),
      );
      const on = union(
        presentMembers.flatMap((m) => intersect(cameraOf.get(m.personId)?.on ?? [], caseSpan)),
      );
      const covered = union(
        presentMembers.flatMap((m) =>
          [...(cameraOf.get(m.personId)?.covered.values() ?? [])].flat(),
        ),
      );
      const coveredPresent = totalMs(intersect(present, covered));
      const roles = new Set(presentMembers.map((m) => m.attendedAs));
      rows.push({
        agendaItemId: c.agendaItemId,
        agencyId,
        present: presentMembers.length > 0,
        by: roles.has('representative')
          ? 'representative'
          : roles.has('deputy')
            ? 'deputy'
            : presentMembers.length
              ? 'other'
              : null,
        presentSeconds: seconds(present),
        cameraOnShare:
          coveredPresent > 0
            ? totalMs(intersect(intersect(present, covered), on)) / coveredPresent
            : null,
      });
    }
  }
  return rows;
}
