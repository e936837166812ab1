import type { AttendanceReportData } from './attendance-repository.js';

/**
 * Presence per case (A-13, KPI-4): for each case on a reconciled meeting's agenda, what each
 * agency's cell means. Only a case the chair started and closed was heard. Which agencies were
 * expected follows the area's attendance policy: all invited agencies when they attend
 * for all cases; when they may leave after their own cases, only an agency involved with the
 * case (or its referrer), so a representative who left after their case is "not involved", not
 * "absent", for later ones. "Absent" is kept for an expected agency that sent no one and no
 * apology. Everything else says why there is no one.
 */
export type CasePresence =
  | 'present'
  | 'deputy-present'
  | 'apologies-written-submission'
  | 'apologies'
  | 'absent'
  | 'not-involved'
  | 'not-heard';

/** The words a person reads for each cell (plain English, no slugs on screen or in exports). */
export const CASE_PRESENCE_LABELS: Record<CasePresence, string> = {
  present: 'Present',
  'deputy-present': 'Deputy present',
  'apologies-written-submission': 'Apologies (written submission)',
  apologies: 'Apologies',
  absent: 'Absent',
  'not-involved': 'Not involved',
  'not-heard': 'Not heard',
};

/**
 * Who speaks for an agency on a case: a representative, a deputy or the IDVA, and a referrer
 * or keyworker invited for that case, whose per-case time counts for their case only.
 */
const VOICES = new Set(['representative', 'deputy', 'idva', 'referrer', 'keyworker']);

export interface CasePresenceRow {
  meetingId: string;
  agendaItemId: string;
  caseReference: string;
  heard: boolean;
  /**
   * For a case not heard, what the chair decided at the end of the meeting: carried forward to
   * the next meeting or not heard (null: heard, or the meeting has not ended). Its agencies'
   * cells say "Not heard", never "Absent".
   */
  notHeard: 'carried-forward' | 'not-heard' | null;
  agencies: { agencyId: string; status: CasePresence; present: boolean }[];
}

export function casePresence(data: AttendanceReportData): CasePresenceRow[] {
  const voiced = data.summary.filter(
    (s) => s.agencyId && VOICES.has(s.attendedAs) && s.presentSeconds > 0,
  );
  return data.cases.map((c) => {
    const invited = data.expected.filter((e) => e.meetingId === c.meetingId).map((e) => e.agencyId);
    // where agencies attend for all cases, every invited agency is expected for each case;
    // where they may leave after their own, only the agencies involved with it (or its referrer).
    const involved = new Set([
      ...c.agenciesInvolved,
      ...(c.referringAgencyId ? [c.referringAgencyId] : []),
      ...(data.attendancePolicy === 'leave-after-own-case' ? [] : invited),
    ]);
    // Columns: every agency invited to the meeting, and any involved agency that was not.
    const columns = [...new Set([...invited, ...involved])].sort();
    const status = (agencyId: string): CasePresence => {
      if (!c.heard) return 'not-heard';
      if (!involved.has(agencyId)) return 'not-involved';
      const here = voiced.filter(
        (s) => s.agencyId === agencyId && s.agendaItemId === c.agendaItemId,
      );
      if (here.some((s) => s.attendedAs !== 'deputy')) return 'present';
      if (here.length > 0) return 'deputy-present';
      const apology = data.apologies.find(
        (a) => a.meetingId === c.meetingId && a.agencyId === agencyId,
      );
      if (apology) return apology.writtenSubmission ? 'apologies-written-submission' : 'apologies';
      return 'absent';
    };
    return {
      meetingId: c.meetingId,
      agendaItemId: c.agendaItemId,
      caseReference: c.caseReference,
      heard: c.heard,
      notHeard: c.heard ? null : (c.unheardOutcome ?? null),
      agencies: columns.map((agencyId) => {
        const s = status(agencyId);
        return { agencyId, status: s, present: s === 'present' || s === 'deputy-present' };
      }),
    };
  });
}
