import { longDay } from '../calendar/index.js';
import type { Count } from './governance-types.js';
import type { Band, PackTable, SteeringPack } from './steering-pack-types.js';

/**
 * The steering pack as titled tables (steering-pack.ts): the page shows them under its charts,
 * and the Word pack and the Excel workbook are made from them, so the three always agree. In a
 * count column every number is a count of cases or actions (a steering reader's is never 1 to
 * 4); other figures (shares, days, minutes) are written as words, and counts of meetings sit
 * in rows listed in `exactRows`.
 */
export type Cell = string | number | null;

export { longDay };

export const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const count = (n: Count): Cell => n;
const bandWords = (b: Band) =>
  b.position === null
    ? 'not shown'
    : b.position === 'within'
      ? 'within the expected range'
      : b.position === 'below'
        ? 'below the expected range'
        : 'above the expected range';
const range = (b: Band) => `${Math.round(b.low * 100)}–${Math.round(b.high * 100)}%`;
const unit = (v: number | null, what: string) => (v === null ? '—' : `${v} ${what}`);

export function packTables(p: SteeringPack): PackTable[] {
  const v = p.volumes;
  const t = p.timeliness;
  const a = p.attendance;
  const m = p.actionMix;
  return [
    {
      key: 'volumes',
      chartTitle: 'Repeat rate and volume against SafeLives’ expected ranges',
      title: 'Volumes and repeat cases',
      measures:
        'Cases heard at the meetings of the period (started and closed by the chair), repeats against SafeLives’ expected 28–40 %, and cases heard against the recommended volume for the local population (80–100 % of 40 a year per 10,000 women aged 16 and over).',
      head: ['Figure', 'Number or share', 'Expected'],
      rows: [
        ['Meetings held', v.meetings, ''],
        ['Cases on the agendas', count(v.casesOnAgenda), ''],
        ['Cases heard', count(v.casesHeard), ''],
        ['Cases listed but not heard', count(v.casesNotHeard), ''],
        [
          'Cases heard per meeting',
          v.casesPerMeeting === null ? '—' : v.casesPerMeeting.toFixed(1),
          '',
        ],
        ['Repeat cases', count(v.repeatCases), ''],
        ['Repeat rate', pct(v.repeatRate), `${range(v.repeatBand)}: ${bandWords(v.repeatBand)}`],
        ['Children in the households', count(v.childrenInHouseholds), ''],
        [
          'Recommended number of cases for the period',
          v.expectedCases === null ? 'population not entered' : String(v.expectedCases),
          '',
        ],
        [
          'Cases heard against the recommended number',
          pct(v.volumeShare),
          `${range(v.volumeBand)}: ${bandWords(v.volumeBand)}`,
        ],
      ],
      countColumns: [1],
      exactRows: [0],
      bars: [
        {
          label: 'Repeat rate',
          value: v.repeatRate,
          detail: `expected ${range(v.repeatBand)}, ${bandWords(v.repeatBand)}`,
        },
        {
          label: 'Of the recommended volume',
          value: v.volumeShare,
          detail: `expected ${range(v.volumeBand)}, ${bandWords(v.volumeBand)}`,
        },
      ],
    },
    {
      key: 'referral-sources',
      chartTitle: 'Share of the cases heard, by who referred them',
      title: 'Where the cases heard were referred from',
      measures:
        'Cases heard by the kind of agency that referred them (SafeLives’ groups), and how many of them were repeats.',
      head: ['Referred by', 'Cases heard', 'Of which repeats', 'Share of the cases heard'],
      rows: p.referralSources.map((s) => [s.label, count(s.cases), count(s.repeats), pct(s.share)]),
      countColumns: [1, 2],
      bars: p.referralSources.map((s) => ({
        label: s.label,
        value: s.share,
        detail: `${s.cases} cases heard`,
      })),
    },
    {
      key: 'equality',
      chartTitle: 'Share of victims with each characteristic, where recorded',
      title: 'Equality profile of the victims against the local population',
      measures:
        'Victims of the cases heard with each characteristic, as a share of the cases where it was recorded, beside the local population’s share the area entered.',
      head: [
        'Victims who are',
        'Cases heard',
        'Recorded for',
        'Not collected',
        'Share where recorded',
        'Local population',
      ],
      rows: p.equality.map((e) => [
        e.label,
        count(e.cases),
        count(e.recorded),
        count(e.notCollected),
        pct(e.share),
        e.key === 'harmer-under-18'
          ? 'not compared'
          : e.populationShare === null
            ? 'not entered'
            : pct(e.populationShare),
      ]),
      countColumns: [1, 2, 3],
      bars: p.equality.map((e) => ({
        label: e.label,
        value: e.share,
        detail: `local population ${e.populationShare === null ? 'not entered' : pct(e.populationShare)}`,
      })),
    },
    {
      key: 'attendance',
      chartTitle: 'Meetings attended, as a share of the meetings invited to',
      title: 'Attendance by agency, for meetings and for cases',
      measures:
        'Meetings where the agency’s representative, deputy or IDVA was present, of the meetings it was invited to; and for the cases heard where the agency was involved, whether it was present, sent a deputy or apologies, or was absent.',
      head: [
        'Agency',
        'Meetings attended',
        'Meetings invited to',
        'Meeting attendance',
        'Cases expected at',
        'Present',
        'Deputy present',
        'Apologies (written submission)',
        'Apologies',
        'Absent',
        'Case attendance',
      ],
      rows: a.byAgency.map((x) => [
        `${x.name}${x.core ? ' (core)' : ''}`,
        x.meetingsAttended,
        x.meetingsExpected,
        pct(x.attendanceRate),
        count(x.casesExpected),
        count(x.casesPresent),
        count(x.casesDeputy),
        count(x.casesApologiesWritten),
        count(x.casesApologies),
        count(x.casesAbsent),
        pct(x.caseAttendanceRate),
      ]),
      countColumns: [4, 5, 6, 7, 8, 9],
      bars: a.byAgency.map((x) => ({
        label: x.name,
        value: x.attendanceRate,
        detail: `${x.meetingsAttended} of ${x.meetingsExpected} meetings`,
      })),
    },
    {
      key: 'camera',
      chartTitle: 'Camera on, as a share of the time present',
      title: 'Camera on, by agency, and where the evidence comes from',
      measures:
        'Time with the camera on as a share of the time present at the meeting, where Teams or the chair gave camera evidence, and the source of that evidence.',
      head: ['Agency', 'Camera on', 'Camera evidence'],
      bars: a.byAgency.map((x) => ({
        label: x.name,
        value: x.cameraOnShare,
        detail: x.cameraEvidence,
      })),
      rows: [
        ...a.byAgency.map((x) => [x.name, pct(x.cameraOnShare), x.cameraEvidence]),
        [
          'All agencies',
          pct(a.cameraOnShare),
          a.cameraEvidence.map((e) => `${e.label} ${pct(e.share)}`).join('; ') ||
            'No camera evidence',
        ],
      ],
      countColumns: [],
    },
    {
      key: 'case-lists',
      title: 'Case lists circulated on time',
      measures:
        'Meetings whose case list was circulated by its circulation date (in the area’s time), late, or not at all.',
      head: ['Case list', 'Meetings'],
      rows: [
        ['Circulated on time', t.caseLists.meetingsOnTime],
        ['Circulated late', t.caseLists.meetingsLate],
        ['Not circulated', t.caseLists.meetingsNotCirculated],
        ['No circulation date set', t.caseLists.meetingsWithoutDeadline],
        ['Share on time', pct(t.caseLists.onTimeRate)],
      ],
      countColumns: [],
    },
    {
      key: 'actions',
      title: 'Actions completed on time',
      measures:
        'Actions agreed at the meetings of the period and their state today: done by the due date, done late, cannot be achieved, open and overdue.',
      head: ['Actions', 'Number or share'],
      rows: [
        ['Agreed', count(t.actions.created)],
        ['Done by the due date', count(t.actions.doneOnTime)],
        ['Done late', count(t.actions.doneLate)],
        ['Cannot be achieved', count(t.actions.notAchievable)],
        ['Still open', count(t.actions.open)],
        ['Open and overdue', count(t.actions.overdue)],
        ['Done by the due date, of those due', pct(t.actions.completionRate)],
        ['Median days to completion', unit(t.actions.medianDaysToCompletion, 'days')],
      ],
      countColumns: [1],
    },
    {
      key: 'escalations',
      title: 'Escalations',
      measures:
        'Actions escalated to an agency’s escalation contact: those agreed in the period, and all escalated actions still open today.',
      head: ['Agency', 'Escalated in the period', 'Still open today'],
      rows: [
        ...t.escalations.byAgency.map((e) => [e.name, count(e.escalated), count(e.outstanding)]),
        ['All agencies', count(t.escalations.escalatedInPeriod), count(t.escalations.outstanding)],
      ],
      countColumns: [1, 2],
    },
    {
      key: 'referral-to-hearing',
      title: 'Referral to hearing',
      measures:
        'Days from the referral date on the case list to the meeting that heard the case, and how many were heard within four weeks.',
      head: ['Referral to hearing', 'Cases or days'],
      rows: [
        ['Cases heard with a referral date', count(t.referralToHearing.recorded)],
        ['Cases heard without one', count(t.referralToHearing.notRecorded)],
        ['Heard within four weeks', count(t.referralToHearing.within28Days)],
        ['Share heard within four weeks', pct(t.referralToHearing.within28DaysShare)],
        ['Median wait', unit(t.referralToHearing.medianDays, 'days')],
      ],
      countColumns: [1],
    },
    {
      key: 'action-mix',
      chartTitle: 'Share of the actions, by category',
      title: 'Action mix by category',
      measures:
        'Actions agreed in the period by what they are for, and the share that are joint actions.',
      head: ['Category', 'Actions', 'Share of the actions'],
      rows: [
        ...m.byCategory.map((c) => [c.label, count(c.actions), pct(c.share)]),
        ['Joint actions (with partner agencies)', count(m.joint), pct(m.jointShare)],
      ],
      countColumns: [1],
      bars: m.byCategory.map((c) => ({
        label: c.label,
        value: c.share,
        detail: `${c.actions} actions`,
      })),
    },
    {
      key: 'action-mix-agency',
      title: 'Action mix by agency',
      measures: 'Actions agreed in the period by the agency that owns them, by category.',
      head: ['Agency', 'All', 'Victim', 'Children', 'Person harming', 'Staff', 'Other', 'Joint'],
      rows: m.byAgency.map((x) => [
        x.name,
        count(x.total),
        count(x.victim),
        count(x.children),
        count(x.perpetrator),
        count(x.staff),
        count(x.other),
        count(x.joint),
      ]),
      countColumns: [1, 2, 3, 4, 5, 6, 7],
    },
    {
      key: 'meetings',
      title: 'Meetings',
      measures:
        'How long meetings and cases took, and how many meetings ran over their planned end.',
      head: ['Meetings', 'Value'],
      rows: [
        [
          'Cases heard per meeting',
          v.casesPerMeeting === null ? '—' : v.casesPerMeeting.toFixed(1),
        ],
        ['Average minutes per case heard', unit(p.meetings.averageMinutesPerCase, 'minutes')],
        ['Average meeting length', unit(p.meetings.averageMeetingMinutes, 'minutes')],
        ['Meetings that ran over', p.meetings.meetingsOverran],
      ],
      countColumns: [],
    },
    {
      key: 'referral-basis',
      title: 'Basis of the referrals heard',
      measures:
        'Why each case heard was referred: risk assessment score, professional judgement, escalation or a historic pattern.',
      head: ['Basis of referral', 'Cases heard'],
      rows: p.referralBasis.map((b) => [b.label, count(b.cases)]),
      countColumns: [1],
    },
    {
      key: 'process-flags',
      title: 'Cases flagged to other processes',
      measures:
        'Cases heard that were flagged to another process (for example MAPPA or child protection).',
      head: ['Flagged to', 'Cases heard'],
      rows: p.processFlags.map((f) => [f.process, count(f.cases)]),
      countColumns: [1],
    },
    {
      key: 'measures',
      title: 'What this pack covers',
      measures:
        'Each governance measure the steering group reviews: shown here, shown in part, or why it cannot be shown yet.',
      head: ['Measure', 'In this pack', 'Notes'],
      rows: p.measures.map((x) => [
        x.measure,
        x.status === 'shown' ? 'Shown' : x.status === 'partly' ? 'In part' : 'Not available',
        x.detail,
      ]),
      countColumns: [],
    },
  ];
}
