import { DomainError } from '../errors.js';
import { hasAnyRole, type Role } from '../roles.js';
import type { AttendanceRepository } from './attendance-repository.js';
import { casePresence, type CasePresenceRow } from './case-presence.js';

/**
 * The governance attendance report (A-13, KPI-4): per agency, meetings attended (a
 * representative, deputy or IDVA present) against meetings it was expected at, and its
 * camera-on share; per case, which expected agencies were present. Read from the reconciled
 * attendance_summary only. The steering group gets the aggregates, never case references.
 */
export interface AttendanceReport {
  meetings: { id: string; startsAt: Date }[];
  byAgency: {
    agencyId: string;
    name: string;
    core: boolean;
    meetingsAttended: number;
    meetingsExpected: number;
    cameraOnShare: number | null;
  }[];
  /** Coordinator and chair only: each case's presence cells (core/attendance/case-presence.ts). */
  perCase: CasePresenceRow[];
  /** Cases on the agendas of those meetings, and how many were started and closed (heard). */
  cases: { onAgenda: number; heard: number; notHeard: number };
}

const READERS: Role[] = ['coordinator', 'chair', 'deputy-chair', 'steering'];
const CASE_READERS: Role[] = ['coordinator', 'chair', 'deputy-chair'];
const VOICES = new Set(['representative', 'deputy', 'idva']);

export async function attendanceReport(
  deps: { repos: AttendanceRepository },
  actor: { areaId: string; roles: Role[] },
  period: { from: Date; to: Date },
): Promise<AttendanceReport> {
  if (!hasAnyRole(actor.roles, READERS))
    throw new DomainError(
      'FORBIDDEN',
      'The attendance report is for the coordinator, chair and steering group.',
    );
  if (period.to.getTime() <= period.from.getTime())
    throw new DomainError('VALIDATION_FAILED', '`to` must be after `from`.');
  const data = await deps.repos.reportData(actor.areaId, period.from, period.to);
  const voiced = data.summary.filter(
    (s) => s.agencyId && VOICES.has(s.attendedAs) && s.presentSeconds > 0,
  );
  const byAgency = data.agencies.map((a) => {
    const expected = new Set(
      data.expected.filter((e) => e.agencyId === a.agencyId).map((e) => e.meetingId),
    );
    const mine = voiced.filter((s) => s.agencyId === a.agencyId && s.agendaItemId === null);
    const attended = new Set(mine.map((s) => s.meetingId));
    const withCamera = mine.filter((s) => s.cameraSource && s.cameraSource !== 'none');
    const present = withCamera.reduce((n, s) => n + s.presentSeconds, 0);
    const on = withCamera.reduce((n, s) => n + (s.cameraOnSeconds ?? 0), 0);
    return {
      agencyId: a.agencyId,
      name: a.name,
      core: a.core,
      meetingsAttended: attended.size,
      meetingsExpected: new Set([...expected, ...attended]).size,
      cameraOnShare: present > 0 ? Math.round((on / present) * 1000) / 1000 : null,
    };
  });
  const perCase = hasAnyRole(actor.roles, CASE_READERS) ? casePresence(data) : [];
  const heard = data.cases.filter((c) => c.heard).length;
  return {
    meetings: data.meetings,
    byAgency,
    perCase,
    cases: { onAgenda: data.cases.length, heard, notHeard: data.cases.length - heard },
  };
}
