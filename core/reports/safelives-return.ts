import { localDay } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import { hasAnyRole, type Role } from '../roles.js';
import { inArea } from '../same-area.js';
import {
  type CaseReturnData,
  ETHNICITY_GROUPS,
  missingReturnFields,
  REFERRAL_SOURCE_LABELS,
  REFERRAL_SOURCES,
} from './case-return.js';
import { checkPeriod } from './governance.js';

/**
 * The SafeLives per-meeting data return (FR-118; REQUIREMENTS.md §3.12): one row per ended
 * meeting, counting the cases heard there (closed-session cases count with their meeting).
 *
 * The columns follow what SafeLives publishes of its Marac data (see core/reports/
 * case-return.ts and docs/data-return.md for the sources). The current SafeLives Marac data
 * form itself was not available to us: this is the best published list, in an order that
 * groups volumes, referral sources, then the victim's characteristics. Check it against the
 * form SafeLives sends before the first submission.
 *
 * A count is blank when any case heard at the meeting lacks the data it counts ("not
 * collected": a partial count would read as complete), and 0 when every case was recorded and
 * none matched. The check list names what is missing so it can be completed first.
 */
export interface ReturnColumn {
  header: string;
  /** The figure for one meeting's heard cases; null when it cannot be stated. */
  value: (cases: ReturnCase[]) => number | null;
}

export interface ReturnCase {
  caseReference: string;
  repeat: boolean;
  data: CaseReturnData;
}

export interface ReturnMeeting {
  id: string;
  startsAt: Date;
  /** Heard cases of the meeting and of its closed sessions. */
  cases: ReturnCase[];
}

/** Counts cases matching `test` on one field; null if any case lacks that field. */
function countOf<K extends keyof CaseReturnData>(
  key: K,
  test: (v: NonNullable<CaseReturnData[K]>) => boolean,
) {
  return (cases: ReturnCase[]): number | null => {
    let n = 0;
    for (const c of cases) {
      const v = c.data[key];
      if (v === null) return null;
      if (test(v as NonNullable<CaseReturnData[K]>)) n += 1;
    }
    return n;
  };
}

const ETHNIC_HEADERS: Record<(typeof ETHNICITY_GROUPS)[number], string> = {
  asian: 'Victim ethnic group: Asian or Asian British',
  black: 'Victim ethnic group: Black, Black British, Caribbean or African',
  mixed: 'Victim ethnic group: Mixed or multiple ethnic groups',
  white: 'Victim ethnic group: White',
  other: 'Victim ethnic group: Other ethnic group',
};

/** The figure columns after "Marac" and "Meeting date", in order. */
export const RETURN_COLUMNS: readonly ReturnColumn[] = [
  { header: 'Number of cases discussed', value: (cs) => cs.length },
  { header: 'Number of repeat cases', value: (cs) => cs.filter((c) => c.repeat).length },
  {
    header: 'Number of children in the households',
    value: (cs) =>
      cs.some((c) => c.data.childrenInHousehold === null)
        ? null
        : cs.reduce((n, c) => n + (c.data.childrenInHousehold ?? 0), 0),
  },
  ...REFERRAL_SOURCES.map((source) => ({
    header: `Referrals from: ${REFERRAL_SOURCE_LABELS[source]}`,
    value: countOf('referralSource', (v) => v === source),
  })),
  {
    header: 'Victim is Black, Asian or racially minoritised',
    value: countOf('victimMinoritised', (v) => v),
  },
  ...ETHNICITY_GROUPS.map((group) => ({
    header: ETHNIC_HEADERS[group],
    value: countOf('victimEthnicity', (v) => v === group),
  })),
  { header: 'Victim is LGBT+', value: countOf('victimLgbtq', (v) => v) },
  { header: 'Victim has a disability', value: countOf('victimDisabled', (v) => v) },
  { header: 'Victim is male', value: countOf('victimSex', (v) => v === 'male') },
  { header: 'Victim is female', value: countOf('victimSex', (v) => v === 'female') },
  { header: 'Victim aged 16-17', value: countOf('victimAgeBand', (v) => v === '16-17') },
  { header: 'Victim aged 65 or over', value: countOf('victimAgeBand', (v) => v === '65+') },
  {
    header: 'Number aged 17 or below perpetrating abuse',
    value: countOf('harmerUnder18', (v) => v),
  },
];

export const RETURN_HEADERS: readonly string[] = [
  'Marac',
  'Meeting date',
  ...RETURN_COLUMNS.map((c) => c.header),
];

export interface SafeLivesReturn {
  areaName: string;
  headers: string[];
  /** One per meeting: Marac, meeting date (YYYY-MM-DD), then the figures (null = blank). */
  rows: { meetingId: string; cells: (string | number | null)[] }[];
  /** What to complete before submitting: per meeting, each case lacking data. */
  checks: { meetingId: string; meetingDate: string; caseReference: string; missing: string[] }[];
}

export interface SafeLivesReturnRepository {
  area(areaId: string): Promise<{ name: string; timeZone: string } | null>;
  meeting(meetingId: string): Promise<{ id: string; areaId: string; ended: boolean } | null>;
  /** Ended meetings (not closed sessions) starting in [from, to), with their heard cases. */
  returnMeetings(
    areaId: string,
    period: { from: Date; to: Date } | { meetingId: string },
  ): Promise<ReturnMeeting[]>;
}

export interface SafeLivesReturnDeps {
  repos: SafeLivesReturnRepository;
  audit: AuditLog;
  clock: Clock;
}

export const RETURN_READERS: readonly Role[] = ['coordinator'];

export async function safeLivesReturn(
  deps: SafeLivesReturnDeps,
  actor: { personId: string; areaId: string; roles: Role[] },
  which: { from: Date; to: Date } | { meetingId: string },
  purpose: 'view' | 'export',
): Promise<SafeLivesReturn> {
  if (!hasAnyRole(actor.roles, RETURN_READERS))
    throw new DomainError('FORBIDDEN', 'Only the coordinator prepares the SafeLives return.');
  if ('meetingId' in which) {
    const m = inArea(await deps.repos.meeting(which.meetingId), actor);
    if (!m.ended)
      throw new DomainError('CONFLICT', 'The return is prepared once the meeting has ended.');
  } else checkPeriod(which);
  const area = await deps.repos.area(actor.areaId);
  if (!area) throw new DomainError('NOT_FOUND', 'The area does not exist.');
  const meetings = await deps.repos.returnMeetings(actor.areaId, which);
  const rows = meetings.map((m) => ({
    meetingId: m.id,
    cells: [
      area.name,
      localDay(m.startsAt, area.timeZone),
      ...RETURN_COLUMNS.map((c) => c.value(m.cases)),
    ],
  }));
  const checks = meetings.flatMap((m) =>
    m.cases
      .map((c) => ({
        meetingId: m.id,
        meetingDate: localDay(m.startsAt, area.timeZone),
        caseReference: c.caseReference,
        missing: missingReturnFields(c.data),
      }))
      .filter((c) => c.missing.length > 0),
  );
  // FR-104: viewing or exporting the return is audited (ids and counts only).
  await deps.audit.record({
    at: deps.clock.now(),
    areaId: actor.areaId,
    actor: { kind: 'person', personId: actor.personId },
    action: `safelives-return.${purpose}`,
    recordType: 'safelives_return',
    recordId: 'meetingId' in which ? which.meetingId : null,
    detail: { meetings: rows.length, casesMissingData: checks.length },
  });
  return { areaName: area.name, headers: [...RETURN_HEADERS], rows, checks };
}
