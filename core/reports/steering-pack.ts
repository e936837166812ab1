import type { AttendanceRepository } from '../attendance/attendance-repository.js';
import { casePresence } from '../attendance/case-presence.js';
import { localDay } from '../calendar/index.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import { hasAnyRole, type Role } from '../roles.js';
import {
  type CaseReturnData,
  ETHNICITY_GROUPS,
  ETHNICITY_LABELS,
  REFERRAL_SOURCE_LABELS,
  REFERRAL_SOURCES,
} from './case-return.js';
import { computeGovernance, mustReadGovernance } from './governance.js';
import type { Count } from './governance-types.js';
import {
  EXPECTED_CASES_PER_10000_WOMEN,
  type PopulationCharacteristic,
  type PopulationRepository,
  toFigures,
} from './population.js';
import type {
  Band,
  PackCaseRow,
  SteeringPack,
  SteeringPackRepository,
} from './steering-pack-types.js';
import { packTables } from './steering-pack-tables.js';
import { suppress } from './steering-view.js';

export type { SteeringPack, SteeringPackRepository, PackTable } from './steering-pack-types.js';

/**
 * The steering group's quarterly pack (FR-115, FR-119, FR-120, FR-121; KPI-1 to KPI-6,
 * KPI-7, KPI-10 to KPI-13, KPI-15): volumes and the repeat rate against SafeLives' expected
 * band, volume against the recommended volume for the local population, referral sources,
 * the equality profile against the local population figures, attendance per agency and per
 * case, camera share with its evidence, timeliness (case list circulated on time, actions done
 * on time, escalations, referral to hearing), the action mix, and which governance measures
 * cannot be computed from what the service records, and why.
 *
 * Figures count the cases heard (started and closed in the meeting run) at the ended meetings
 * of the period, as the governance report does (governance.ts). The pack holds no case or
 * action reference and no name. The steering group (and anyone asking for its version) sees
 * counts of cases, children and actions from 1 to 4 as "fewer than 5", and no share built on
 * such a count (R9); counts of meetings and agencies stay exact.
 *
 * SafeLives' bands: the repeat rate is expected between 28 % and 40 % (REQUIREMENTS.md §8,
 * KPI-1); the volume between 80 % and 100 % of 40 cases a year per 10,000 women aged 16 and
 * over ("Reviewing your Marac data", cited in population.ts).
 */
export const REPEAT_BAND = { low: 0.28, high: 0.4 } as const;
export const VOLUME_BAND = { low: 0.8, high: 1 } as const;
/** Cases heard within four weeks of the referral (KPI-7). */
export const REFERRAL_TO_HEARING_DAYS = 28;

export interface SteeringPackDeps {
  repos: SteeringPackRepository;
  attendance: AttendanceRepository;
  population: PopulationRepository;
  audit: AuditLog;
  clock: Clock;
}

const EXACT_READERS: readonly Role[] = ['coordinator', 'chair', 'deputy-chair'];

export const CATEGORY_LABELS: Record<string, string> = {
  victim: 'Safety of the victim',
  children: 'Children',
  perpetrator: 'Managing the person harming',
  staff: 'Staff safety',
  other: 'Other',
};

export const CAMERA_EVIDENCE_LABELS: Record<string, string> = {
  'calling-roster': 'Teams, seen live by the calling bot',
  'call-record': 'Teams call record after the meeting',
  attestation: 'The chair’s attestation',
  none: 'No camera evidence',
};

export const BASIS_LABELS: Record<string, string> = {
  actuarial: 'Risk assessment score',
  'professional-judgement': 'Professional judgement',
  escalation: 'Escalation (repeat incidents)',
  'historic-pattern': 'Historic pattern',
  'not-recorded': 'Not recorded',
};

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 1000 : null);
const band = (value: number | null, b: { low: number; high: number }): Band => ({
  ...b,
  position: value === null ? null : value < b.low ? 'below' : value > b.high ? 'above' : 'within',
});
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
const mean = (values: number[]) =>
  values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;

/** The equality characteristics, how each is read from a case's data, and its local figure. */
const EQUALITY: {
  key: PopulationCharacteristic | 'harmer-under-18';
  label: string;
  test: (d: CaseReturnData) => boolean | null;
}[] = [
  {
    key: 'minoritised',
    label: 'Black, Asian or racially minoritised',
    test: (d) => d.victimMinoritised,
  },
  ...ETHNICITY_GROUPS.map((g) => ({
    key: `ethnicity-${g}` as PopulationCharacteristic,
    label: `Ethnic group: ${ETHNICITY_LABELS[g]}`,
    test: (d: CaseReturnData) => (d.victimEthnicity === null ? null : d.victimEthnicity === g),
  })),
  { key: 'lgbtq', label: 'Lesbian, gay, bisexual or trans', test: (d) => d.victimLgbtq },
  { key: 'disabled', label: 'Disabled', test: (d) => d.victimDisabled },
  {
    key: 'male',
    label: 'Male',
    test: (d) => (d.victimSex === null ? null : d.victimSex === 'male'),
  },
  {
    key: 'age-16-17',
    label: 'Aged 16 or 17',
    test: (d) => (d.victimAgeBand === null ? null : d.victimAgeBand === '16-17'),
  },
  {
    key: 'age-65-plus',
    label: 'Aged 65 or over',
    test: (d) => (d.victimAgeBand === null ? null : d.victimAgeBand === '65+'),
  },
  {
    key: 'harmer-under-18',
    label: 'Person harming aged 17 or under',
    test: (d) => d.harmerUnder18,
  },
];

export async function steeringPack(
  deps: SteeringPackDeps,
  actor: { personId: string; areaId: string; roles: Role[] },
  period: { from: Date; to: Date },
  options: { purpose: 'view' | 'docx' | 'xlsx'; steeringVersion?: boolean },
): Promise<SteeringPack> {
  mustReadGovernance(actor);
  const { report: g, rows, area, now } = await computeGovernance(deps, actor, period);
  const [cases, meetings, populationRows, attendanceData] = await Promise.all([
    deps.repos.packCases(actor.areaId, period.from, period.to),
    deps.repos.packMeetings(actor.areaId, period.from, period.to),
    deps.population.population(actor.areaId),
    deps.attendance.reportData(actor.areaId, period.from, period.to),
  ]);
  const population = toFigures(populationRows).figures;
  const heard = cases.length;
  const firstDay = localDay(period.from, area.timeZone);
  // The day before the period's end, in the area's time (a `to` at midnight UTC or local).
  const end = localDay(period.to, area.timeZone);
  const lastDay = new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  // Volumes (KPI-1, KPI-2, KPI-12, KPI-13; FR-120).
  const periodDays = (period.to.getTime() - period.from.getTime()) / 86_400_000;
  const adultWomen = population['adult-women'];
  const expectedCases =
    adultWomen === null
      ? null
      : Math.round(
          ((EXPECTED_CASES_PER_10000_WOMEN * adultWomen) / 10_000) * (periodDays / 365) * 10,
        ) / 10;
  const repeatCases = cases.filter((c) => c.isRepeat).length;
  const repeatRate = ratio(repeatCases, heard);
  const volumeShare = expectedCases ? ratio(heard, expectedCases) : null;
  const v = g.volumes;

  // Referral sources in SafeLives' groups, and who refers repeats (KPI-3, FR-121).
  const sourceOf = (c: PackCaseRow) => c.data.referralSource ?? 'not-recorded';
  const sourceKeys = [...REFERRAL_SOURCES, 'not-recorded'] as const;
  const referralSources = sourceKeys
    .map((key) => {
      const mine = cases.filter((c) => sourceOf(c) === key);
      return {
        key,
        label: key === 'not-recorded' ? 'Not recorded' : REFERRAL_SOURCE_LABELS[key],
        cases: mine.length,
        repeats: mine.filter((c) => c.isRepeat).length,
        share: ratio(mine.length, heard),
      };
    })
    .filter((s) => s.cases > 0);

  // Equality profile against the local population (KPI-5, FR-119).
  const equality = EQUALITY.map((e) => {
    const answers = cases.map((c) => e.test(c.data));
    const recorded = answers.filter((a) => a !== null).length;
    const yes = answers.filter((a) => a === true).length;
    const local = e.key === 'harmer-under-18' ? null : population[e.key];
    return {
      key: e.key,
      label: e.label,
      cases: yes,
      recorded,
      notCollected: heard - recorded,
      share: ratio(yes, recorded),
      populationShare: local === null ? null : Math.round(local * 10) / 1000,
    };
  });

  // Attendance per agency and per case, camera share with its evidence (KPI-4).
  const presence = casePresence(attendanceData).filter((c) => c.heard);
  const voiced = attendanceData.summary.filter(
    (s) =>
      s.agencyId &&
      ['representative', 'deputy', 'idva'].includes(s.attendedAs) &&
      s.presentSeconds > 0 &&
      s.agendaItemId === null,
  );
  const evidenceSeconds = new Map<string, number>();
  for (const s of voiced) {
    const source = s.cameraSource ?? 'none';
    evidenceSeconds.set(source, (evidenceSeconds.get(source) ?? 0) + s.presentSeconds);
  }
  const presentTotal = voiced.reduce((n, s) => n + s.presentSeconds, 0);
  const withEvidence = voiced.filter((s) => s.cameraSource && s.cameraSource !== 'none');
  const byAgency = g.attendance.byAgency.map((a) => {
    const cells = presence.flatMap((c) => c.agencies.filter((x) => x.agencyId === a.agencyId));
    const expected = cells.filter((x) => x.status !== 'not-involved' && x.status !== 'not-heard');
    const count = (s: string) => expected.filter((x) => x.status === s).length;
    const sources = [
      ...new Set(
        voiced
          .filter((s) => s.agencyId === a.agencyId && s.cameraSource && s.cameraSource !== 'none')
          .map((s) => CAMERA_EVIDENCE_LABELS[s.cameraSource as string] ?? 'Other evidence'),
      ),
    ];
    return {
      agencyId: a.agencyId,
      name: a.name,
      core: a.core,
      meetingsAttended: a.meetingsAttended,
      meetingsExpected: a.meetingsExpected,
      attendanceRate: ratio(a.meetingsAttended, a.meetingsExpected),
      casesExpected: expected.length,
      casesPresent: count('present'),
      casesDeputy: count('deputy-present'),
      casesApologiesWritten: count('apologies-written-submission'),
      casesApologies: count('apologies'),
      casesAbsent: count('absent'),
      caseAttendanceRate: ratio(count('present') + count('deputy-present'), expected.length),
      cameraOnShare: a.cameraOnShare,
      cameraEvidence: sources.length ? sources.join('; ') : CAMERA_EVIDENCE_LABELS.none!,
    };
  });

  // Timeliness (KPI-14 in part, KPI-6, FR-075, KPI-7).
  const withDeadline = meetings.filter((m) => m.circulationDueOn !== null);
  const onTime = withDeadline.filter(
    (m) =>
      m.circulatedAt !== null &&
      localDay(m.circulatedAt, area.timeZone) <= (m.circulationDueOn as string),
  ).length;
  const notCirculated = withDeadline.filter((m) => m.circulatedAt === null).length;
  const waits = cases
    .filter((c) => c.referredOn !== null)
    .map((c) => days(c.referredOn as string, localDay(c.meetingStartsAt, area.timeZone)));
  const within = waits.filter((d) => d <= REFERRAL_TO_HEARING_DAYS).length;

  // Action mix (KPI-15).
  const actions = rows.actions;
  const categories = Object.keys(CATEGORY_LABELS);
  const joint = actions.filter((a) => a.joint).length;
  const agencyName = new Map(g.actions.byAgency.map((a) => [a.agencyId, a.name]));
  const owners = [...new Set(actions.map((a) => a.ownerAgencyId))];

  // Meetings (KPI-13): minutes per case heard, meeting length, overruns.
  const ended = meetings.filter((m) => m.actualStart && m.actualEnd);

  // Referral basis (KPI-10) and flags to other processes (KPI-11).
  const basisCount = new Map<string, number>();
  for (const c of cases) {
    const k = c.referralBasis ?? 'not-recorded';
    basisCount.set(k, (basisCount.get(k) ?? 0) + 1);
  }
  const flagCount = new Map<string, number>();
  for (const c of cases)
    for (const p of new Set(c.processFlags)) flagCount.set(p, (flagCount.get(p) ?? 0) + 1);

  const enteredEquality = EQUALITY.filter(
    (e) => e.key !== 'harmer-under-18' && population[e.key] !== null,
  ).length;
  const pack: SteeringPack = {
    areaName: area.name,
    period: {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      firstDay,
      lastDay,
      today: localDay(now, area.timeZone),
    },
    suppressed: false,
    volumes: {
      meetings: v.meetings,
      casesOnAgenda: v.casesOnAgenda,
      casesHeard: heard,
      casesNotHeard: v.casesNotHeard,
      casesPerMeeting: v.casesPerMeeting,
      repeatCases,
      repeatRate,
      repeatBand: band(repeatRate, REPEAT_BAND),
      childrenInHouseholds: cases.reduce((n, c) => n + c.childrenCount, 0),
      adultWomen,
      expectedCases,
      volumeShare,
      volumeBand: band(volumeShare, VOLUME_BAND),
    },
    referralSources,
    equality,
    attendance: {
      meetingsReconciled: g.attendance.meetingsReconciled,
      cameraOnShare: ratio(
        withEvidence.reduce((n, s) => n + (s.cameraOnSeconds ?? 0), 0),
        withEvidence.reduce((n, s) => n + s.presentSeconds, 0),
      ),
      cameraEvidence: [...evidenceSeconds]
        .map(([source, seconds]) => ({
          source,
          label: CAMERA_EVIDENCE_LABELS[source] ?? 'Other evidence',
          share: ratio(seconds, presentTotal) ?? 0,
        }))
        .sort((a, b) => b.share - a.share || a.source.localeCompare(b.source)),
      byAgency: byAgency.filter((a) => a.meetingsExpected > 0 || a.casesExpected > 0),
    },
    timeliness: {
      caseLists: {
        meetings: meetings.length,
        meetingsOnTime: onTime,
        meetingsLate: withDeadline.length - onTime - notCirculated,
        meetingsNotCirculated: notCirculated,
        meetingsWithoutDeadline: meetings.length - withDeadline.length,
        onTimeRate: ratio(onTime, withDeadline.length),
      },
      // The governance report's figures, without its per-agency rows.
      actions: withoutByAgency(g.actions),
      escalations: {
        escalatedInPeriod: g.escalations.escalatedInPeriod,
        outstanding: g.escalations.outstanding,
        byAgency: g.escalations.byAgency.map((e) => ({
          name: e.name,
          escalated: e.escalated,
          outstanding: e.outstanding,
        })),
      },
      referralToHearing: {
        recorded: waits.length,
        notRecorded: heard - waits.length,
        within28Days: within,
        within28DaysShare: ratio(within, waits.length),
        medianDays: median(waits),
      },
    },
    actionMix: {
      total: actions.length,
      byCategory: categories.map((category) => {
        const n = actions.filter((a) => a.category === category).length;
        return {
          category,
          label: CATEGORY_LABELS[category]!,
          actions: n,
          share: ratio(n, actions.length),
        };
      }),
      joint,
      jointShare: ratio(joint, actions.length),
      byAgency: owners
        .map((id) => {
          const mine = actions.filter((a) => a.ownerAgencyId === id);
          const n = (c: string) => mine.filter((a) => a.category === c).length;
          return {
            name: agencyName.get(id) ?? 'Other agency',
            total: mine.length,
            victim: n('victim'),
            children: n('children'),
            perpetrator: n('perpetrator'),
            staff: n('staff'),
            other: n('other'),
            joint: mine.filter((a) => a.joint).length,
          };
        })
        .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
    },
    meetings: {
      averageMinutesPerCase: mean(
        cases.map((c) => (c.actualEnd.getTime() - c.actualStart.getTime()) / 60_000),
      ),
      averageMeetingMinutes: mean(
        ended.map(
          (m) => ((m.actualEnd as Date).getTime() - (m.actualStart as Date).getTime()) / 60_000,
        ),
      ),
      meetingsOverran: ended.filter(
        (m) => (m.actualEnd as Date).getTime() > m.scheduledEnd.getTime(),
      ).length,
    },
    referralBasis: [...basisCount]
      .map(([key, n]) => ({ key, label: BASIS_LABELS[key] ?? 'Other', cases: n }))
      .sort((a, b) => (b.cases as number) - (a.cases as number) || a.key.localeCompare(b.key)),
    processFlags: [...flagCount]
      .map(([process, n]) => ({ process, cases: n }))
      .sort(
        (a, b) => (b.cases as number) - (a.cases as number) || a.process.localeCompare(b.process),
      ),
    measures: [],
    tables: [],
  };
  pack.measures = measures(pack, enteredEquality);

  const steering = options.steeringVersion === true || !hasAnyRole(actor.roles, EXACT_READERS);
  const shown = steering ? packForSteering(pack) : pack;
  shown.tables = packTables(shown);
  // FR-104: every view and export of the pack is audited (ids and counts only).
  await deps.audit.record({
    at: now,
    areaId: actor.areaId,
    actor: { kind: 'person', personId: actor.personId },
    action: options.purpose === 'view' ? 'steering-pack.view' : 'steering-pack.export',
    recordType: 'steering_pack',
    recordId: null,
    detail: {
      from: shown.period.from,
      to: shown.period.to,
      format: options.purpose,
      suppressed: steering,
      meetings: v.meetings,
    },
  });
  return shown;
}

/** The governance measures: what the pack shows of each, or why it cannot. */
function measures(p: SteeringPack, enteredEquality: number): SteeringPack['measures'] {
  const v = p.volumes;
  return [
    {
      id: 'KPI-1',
      measure: 'Repeat rate against the expected 28–40 %',
      status: 'shown',
      detail: 'Volumes.',
    },
    v.adultWomen === null
      ? {
          id: 'KPI-2',
          measure: 'Cases heard against the recommended volume (80–100 %)',
          status: 'not-available',
          detail:
            'The number of women aged 16 and over has not been entered on the local population figures.',
        }
      : {
          id: 'KPI-2',
          measure: 'Cases heard against the recommended volume (80–100 %)',
          status: 'shown',
          detail: 'Volumes.',
        },
    {
      id: 'KPI-3',
      measure: 'Referral sources, and who refers repeat cases',
      status: 'shown',
      detail: 'Referral sources.',
    },
    {
      id: 'KPI-4',
      measure: 'Attendance by agency and by case, and camera evidence',
      status: 'shown',
      detail: 'Attendance and cameras.',
    },
    {
      id: 'KPI-5',
      measure: 'Equality profile against the local population',
      status: enteredEquality === 0 ? 'partly' : 'shown',
      detail:
        enteredEquality === 0
          ? 'The cases heard are shown; no local population figures have been entered to compare them with.'
          : 'Equality profile.',
    },
    {
      id: 'KPI-6',
      measure: 'Actions done on time, late, overdue and not achievable',
      status: 'shown',
      detail: 'Timeliness.',
    },
    {
      id: 'KPI-7',
      measure: 'Days from referral to the hearing',
      status: 'partly',
      detail:
        'From the referral date on the case list to the meeting. The date of the incident is not always recorded, so incident to referral is not shown.',
    },
    {
      id: 'KPI-8',
      measure: 'IDVA response times',
      status: 'not-available',
      detail:
        'The service does not record when the IDVA service received, contacted or assessed the victim.',
    },
    {
      id: 'KPI-9',
      measure: 'IDVA capacity (referrals per full-time IDVA)',
      status: 'not-available',
      detail: 'The number of full-time IDVAs is not recorded in the service.',
    },
    {
      id: 'KPI-10',
      measure: 'Referral quality',
      status: 'partly',
      detail:
        'The basis of each referral is shown; declined and inappropriate referrals are not recorded in the service.',
    },
    p.processFlags.length > 0
      ? {
          id: 'KPI-11',
          measure: 'Links to other processes',
          status: 'shown',
          detail: 'Cases flagged to other processes.',
        }
      : {
          id: 'KPI-11',
          measure: 'Links to other processes',
          status: 'not-available',
          detail:
            'No case heard in the period has a flag to another process recorded; the meeting screens do not record them yet.',
        },
    {
      id: 'KPI-12',
      measure: 'Children in the households of the cases heard',
      status: 'shown',
      detail: 'Volumes.',
    },
    {
      id: 'KPI-13',
      measure: 'Cases per meeting, minutes per case and overruns',
      status: 'shown',
      detail: 'Meetings.',
    },
    {
      id: 'KPI-14',
      measure: 'Administration on time',
      status: 'partly',
      detail:
        'Case lists circulated on time are shown. Minutes have no due date in the service, and flag-expiry notices and data returns made are not counted yet.',
    },
    {
      id: 'KPI-15',
      measure: 'Action mix by category and agency, and joint actions',
      status: 'shown',
      detail: 'Action mix.',
    },
    {
      id: 'KPI-16',
      measure: 'Governance: signatories, reviews, breaches and training',
      status: 'not-available',
      detail: 'These are not recorded in the service.',
    },
    {
      id: 'KPI-17',
      measure: 'Outcomes such as victim feedback',
      status: 'not-available',
      detail: 'The outcome measures are still to be agreed.',
    },
    {
      id: 'KPI-18',
      measure: 'Cases the coordinator presented for absent agencies',
      status: 'not-available',
      detail: 'The service does not record who presented a case.',
    },
  ];
}

const small = (n: Count) => typeof n !== 'number' || (n >= 1 && n <= 4);
/** A share kept only when none of its counts is small (R9: it would give the count back). */
const keep = (value: number | null, ...counts: Count[]) => (counts.some(small) ? null : value);

/** The steering group's version: counts of cases, children and actions under 5 suppressed. */
export function packForSteering(p: SteeringPack): SteeringPack {
  const v = p.volumes;
  const t = p.timeliness;
  const m = p.actionMix;
  return {
    ...p,
    suppressed: true,
    volumes: {
      ...v,
      casesOnAgenda: suppress(v.casesOnAgenda),
      casesHeard: suppress(v.casesHeard),
      casesNotHeard: suppress(v.casesNotHeard),
      casesPerMeeting: keep(v.casesPerMeeting, v.casesHeard),
      repeatCases: suppress(v.repeatCases),
      repeatRate: keep(v.repeatRate, v.repeatCases, v.casesHeard),
      repeatBand: {
        ...v.repeatBand,
        position: keep(1, v.repeatCases, v.casesHeard) === null ? null : v.repeatBand.position,
      },
      childrenInHouseholds: suppress(v.childrenInHouseholds),
      volumeShare: keep(v.volumeShare, v.casesHeard),
      volumeBand: {
        ...v.volumeBand,
        position: small(v.casesHeard) ? null : v.volumeBand.position,
      },
    },
    referralSources: p.referralSources.map((s) => ({
      ...s,
      cases: suppress(s.cases),
      repeats: suppress(s.repeats),
      share: keep(s.share, s.cases, v.casesHeard),
    })),
    equality: p.equality.map((e) => ({
      ...e,
      cases: suppress(e.cases),
      recorded: suppress(e.recorded),
      notCollected: suppress(e.notCollected),
      share: keep(e.share, e.cases, e.recorded),
    })),
    attendance: {
      ...p.attendance,
      byAgency: p.attendance.byAgency.map((a) => ({
        ...a,
        casesExpected: suppress(a.casesExpected),
        casesPresent: suppress(a.casesPresent),
        casesDeputy: suppress(a.casesDeputy),
        casesApologiesWritten: suppress(a.casesApologiesWritten),
        casesApologies: suppress(a.casesApologies),
        casesAbsent: suppress(a.casesAbsent),
        caseAttendanceRate: keep(
          a.caseAttendanceRate,
          a.casesExpected,
          typeof a.casesPresent === 'number' && typeof a.casesDeputy === 'number'
            ? a.casesPresent + a.casesDeputy
            : 1,
        ),
      })),
    },
    timeliness: {
      caseLists: t.caseLists,
      actions: {
        created: suppress(t.actions.created),
        doneOnTime: suppress(t.actions.doneOnTime),
        doneLate: suppress(t.actions.doneLate),
        notAchievable: suppress(t.actions.notAchievable),
        open: suppress(t.actions.open),
        overdue: suppress(t.actions.overdue),
        completionRate: keep(t.actions.completionRate, t.actions.doneOnTime, t.actions.created),
        medianDaysToCompletion: small(
          typeof t.actions.doneOnTime === 'number' && typeof t.actions.doneLate === 'number'
            ? t.actions.doneOnTime + t.actions.doneLate
            : 1,
        )
          ? null
          : t.actions.medianDaysToCompletion,
      },
      escalations: {
        escalatedInPeriod: suppress(t.escalations.escalatedInPeriod),
        outstanding: suppress(t.escalations.outstanding),
        byAgency: t.escalations.byAgency.map((e) => ({
          ...e,
          escalated: suppress(e.escalated),
          outstanding: suppress(e.outstanding),
        })),
      },
      referralToHearing: {
        recorded: suppress(t.referralToHearing.recorded),
        notRecorded: suppress(t.referralToHearing.notRecorded),
        within28Days: suppress(t.referralToHearing.within28Days),
        within28DaysShare: keep(
          t.referralToHearing.within28DaysShare,
          t.referralToHearing.within28Days,
          t.referralToHearing.recorded,
        ),
        medianDays: small(t.referralToHearing.recorded) ? null : t.referralToHearing.medianDays,
      },
    },
    actionMix: {
      total: suppress(m.total),
      byCategory: m.byCategory.map((c) => ({
        ...c,
        actions: suppress(c.actions),
        share: keep(c.share, c.actions, m.total),
      })),
      joint: suppress(m.joint),
      jointShare: keep(m.jointShare, m.joint, m.total),
      byAgency: m.byAgency.map((a) => ({
        name: a.name,
        total: suppress(a.total),
        victim: suppress(a.victim),
        children: suppress(a.children),
        perpetrator: suppress(a.perpetrator),
        staff: suppress(a.staff),
        other: suppress(a.other),
        joint: suppress(a.joint),
      })),
    },
    meetings: {
      ...p.meetings,
      averageMinutesPerCase: small(v.casesHeard) ? null : p.meetings.averageMinutesPerCase,
    },
    referralBasis: p.referralBasis.map((b) => ({ ...b, cases: suppress(b.cases) })),
    processFlags: p.processFlags.map((f) => ({ ...f, cases: suppress(f.cases) })),
  };
}

function withoutByAgency<T extends { byAgency: unknown }>({ byAgency: _, ...rest }: T) {
  return rest;
}
