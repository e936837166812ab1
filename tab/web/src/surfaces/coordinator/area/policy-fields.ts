/**
 * Every setting of the area's policy, grouped as a coordinator thinks of them, each with what it
 * does and the usual value from the MARAC guidance (SafeLives and local operating protocols).
 */
export type PolicyKind =
  | { type: 'number'; unit: string }
  | { type: 'choice'; options: [string, string][] }
  | { type: 'switch' }
  | { type: 'time' }
  | { type: 'lines' }
  | { type: 'months' }
  | { type: 'ladder' };

export interface PolicyField {
  path: string;
  label: string;
  help: string;
  usual: string;
  kind: PolicyKind;
}

export interface PolicyGroup {
  id: string;
  title: string;
  fields: PolicyField[];
}

const ON_OFF = { type: 'switch' } as const;

export const POLICY_GROUPS: PolicyGroup[] = [
  {
    id: 'meetings',
    title: 'Meetings',
    fields: [
      {
        path: 'meetingFrequency',
        label: 'How often the MARAC meets',
        help: 'The default when you add a series of meetings.',
        usual: 'Fortnightly',
        kind: {
          type: 'choice',
          options: [
            ['daily', 'Every weekday'],
            ['weekly', 'Weekly'],
            ['fortnightly', 'Fortnightly'],
            ['monthly', 'Monthly'],
          ],
        },
      },
      {
        path: 'meetingDay',
        label: 'Usual meeting day',
        help: 'The default day when you add a series. Mid-week leaves time to prepare.',
        usual: 'Wednesday',
        kind: {
          type: 'choice',
          options: [
            ['monday', 'Monday'],
            ['tuesday', 'Tuesday'],
            ['wednesday', 'Wednesday'],
            ['thursday', 'Thursday'],
            ['friday', 'Friday'],
          ],
        },
      },
      {
        path: 'meetingWeekOfMonth',
        label: 'Monthly meetings fall in',
        help: 'For a monthly MARAC: which of the day’s weeks, for example the 2nd Tuesday.',
        usual: 'The 2nd week',
        kind: {
          type: 'choice',
          options: [
            ['1', 'The 1st week'],
            ['2', 'The 2nd week'],
            ['3', 'The 3rd week'],
            ['4', 'The 4th week'],
          ],
        },
      },
      {
        path: 'minutesPerCase',
        label: 'Minutes per case',
        help: 'Used to time the agenda.',
        usual: '10 (SafeLives suggests 7 to 12)',
        kind: { type: 'number', unit: 'minutes' },
      },
      {
        path: 'agendaOpeningMinutes',
        label: 'Opening before the first case',
        help: 'Time for the chair’s introduction and the confidentiality statement.',
        usual: '10 minutes',
        kind: { type: 'number', unit: 'minutes' },
      },
      {
        path: 'capacity.maxCases',
        label: 'Most cases in one meeting',
        help: 'Above this the agenda warns that the meeting is over capacity.',
        usual: '20',
        kind: { type: 'number', unit: 'cases' },
      },
      {
        path: 'capacity.maxSessionMinutes',
        label: 'Longest meeting',
        help: 'Above this the agenda warns that the meeting runs too long.',
        usual: '240 minutes',
        kind: { type: 'number', unit: 'minutes' },
      },
      {
        path: 'breakPromptMinutes',
        label: 'Suggest a break after',
        help: 'The chair is prompted to offer a break after this long.',
        usual: '90 minutes',
        kind: { type: 'number', unit: 'minutes' },
      },
      {
        path: 'noticePeriodWorkingDays',
        label: 'Notice for changing a meeting',
        help: 'Moving or cancelling a meeting closer than this needs a reason.',
        usual: '8 working days',
        kind: { type: 'number', unit: 'working days' },
      },
      {
        path: 'maxReordersPerAgencyPerDay',
        label: 'Case moves per agency per day',
        help: 'How many times an agency may ask to move a case on the agenda each day.',
        usual: '2',
        kind: { type: 'number', unit: 'moves' },
      },
      {
        path: 'repeatWindowMonths',
        label: 'A referral counts as a repeat within',
        help: 'A case referred again within this time of its last referral is marked as a repeat.',
        usual: '12 months',
        kind: { type: 'number', unit: 'months' },
      },
    ],
  },
  {
    id: 'circulation',
    title: 'Circulation',
    fields: [
      {
        path: 'caseListLeadWorkingDays',
        label: 'Send the case list',
        help: 'How many working days before the meeting the case list goes to agencies.',
        usual: '8 working days',
        kind: { type: 'number', unit: 'working days before' },
      },
      {
        path: 'writtenSubmissionDaysBefore',
        label: 'Written submissions due',
        help: 'An agency that cannot attend sends its information this many days before.',
        usual: '2 days',
        kind: { type: 'number', unit: 'days before' },
      },
      {
        path: 'caseListExport.uploadToSharePoint',
        label: 'Also put the case list in SharePoint',
        help: 'A copy in the MARAC’s SharePoint library, shared with named people only.',
        usual: 'Off',
        kind: ON_OFF,
      },
      {
        path: 'caseListExport.linkType',
        label: 'SharePoint link',
        help: 'Whether people may download the SharePoint copy.',
        usual: 'View only, no download',
        kind: {
          type: 'choice',
          options: [
            ['blocksDownload', 'View only, no download'],
            ['view', 'View and download'],
          ],
        },
      },
    ],
  },
  {
    id: 'actions',
    title: 'Actions and chasing',
    fields: [
      {
        path: 'actionDueRule',
        label: 'Actions are due',
        help: 'The due date an action gets unless the chair sets another.',
        usual: '14 days after the meeting',
        kind: {
          type: 'choice',
          options: [
            ['plus-14-days', '14 days after the meeting'],
            ['end-of-marac-week', 'At the end of the MARAC week'],
            ['same-day', 'On the day of the meeting'],
          ],
        },
      },
      {
        path: 'completionEvidence',
        label: 'When closing an action',
        help: 'Whether the owner must say what was done.',
        usual: 'Detail optional',
        kind: {
          type: 'choice',
          options: [
            ['optional', 'Detail optional'],
            ['required', 'Detail required'],
          ],
        },
      },
      {
        path: 'victimFeedbackAction',
        label: 'Add a victim feedback action to every case',
        help: 'The IDVA is asked to tell the victim the outcome.',
        usual: 'On',
        kind: ON_OFF,
      },
      {
        path: 'workingHours.start',
        label: 'Reminders start at',
        help: 'Reminders go out on working days between these times.',
        usual: '09:00',
        kind: { type: 'time' },
      },
      {
        path: 'workingHours.end',
        label: 'Reminders stop at',
        help: 'Area local time.',
        usual: '17:00',
        kind: { type: 'time' },
      },
      {
        path: 'chaseLadder',
        label: 'Reminder steps',
        help: 'Each step is sent once per action, so many working days before (minus) or after the due date.',
        usual: '2 days before, on the day, 1 day after (with deputy), 5 days after (escalation)',
        kind: { type: 'ladder' },
      },
    ],
  },
  {
    id: 'attendance',
    title: 'Attendance and cameras',
    fields: [
      {
        path: 'attendancePolicy',
        label: 'Agencies attend',
        help: 'Whether representatives stay for every case or may leave after their own.',
        usual: 'For all cases',
        kind: {
          type: 'choice',
          options: [
            ['all-cases', 'For all cases'],
            ['leave-after-own-case', 'May leave after their own cases'],
          ],
        },
      },
      {
        path: 'cameraEvidence.callingBot',
        label: 'Check cameras with the meeting bot',
        help: 'A bot joins the Teams meeting to record who had their camera on. It monitors staff, so agree it first.',
        usual: 'Off',
        kind: ON_OFF,
      },
      {
        path: 'cameraEvidence.callRecords',
        label: 'Check cameras from Teams call records',
        help: 'Reads camera use from Teams after the meeting.',
        usual: 'Off',
        kind: ON_OFF,
      },
    ],
  },
  {
    id: 'data-protection',
    title: 'Data protection',
    fields: [
      {
        path: 'minutesDownload',
        label: 'Minutes',
        help: 'Whether people may download the minutes or only read them in the app.',
        usual: 'Read in the app only',
        kind: {
          type: 'choice',
          options: [
            ['view-only', 'Read in the app only'],
            ['download-allowed', 'May be downloaded'],
          ],
        },
      },
      {
        path: 'retention.researchHoursAfterMeeting',
        label: 'Delete agencies’ research',
        help: 'Hours after the meeting ends; 0 means as soon as it ends.',
        usual: '0 hours',
        kind: { type: 'number', unit: 'hours after' },
      },
      {
        path: 'retention.caseListExportHoursAfterMeeting',
        label: 'Delete the SharePoint case list',
        help: 'Hours after the meeting ends; 0 means as soon as it ends.',
        usual: '0 hours',
        kind: { type: 'number', unit: 'hours after' },
      },
      {
        path: 'retention.replyTextDays',
        label: 'Delete the text of replies to chasers',
        help: 'Days after a reply arrives in the MARAC mailbox; the tab shows its text until then.',
        usual: '30 days',
        kind: { type: 'number', unit: 'days after' },
      },
      {
        path: 'retention.caseListAccessHoursAfterMeeting',
        label: 'Close the case list to agencies',
        help: 'Hours after the meeting ends; the coordinator and chairs keep it, minutes and actions stay.',
        usual: '24 hours',
        kind: { type: 'number', unit: 'hours after' },
      },
      {
        path: 'retention.caseReviewMonths',
        label: 'Review cases after',
        help: 'Months after the meeting when you are prompted to review a case.',
        usual: '6, 12',
        kind: { type: 'months' },
      },
      {
        path: 'allowedRecipientDomains',
        label: 'Mail may go only to these domains',
        help: 'One per line. Empty means not yet restricted (the workspace warns).',
        usual: 'Your partner agencies’ secure domains',
        kind: { type: 'lines' },
      },
    ],
  },
];

/** The value at a dotted path. */
export function valueAt(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

/** A copy of `obj` with the value at a dotted path replaced. */
export function withValue<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const record = obj as Record<string, unknown>;
  return {
    ...record,
    [head]: rest.length ? withValue(record[head] ?? {}, rest.join('.'), value) : value,
  } as T;
}
