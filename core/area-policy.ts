import { z } from 'zod';

/**
 * An area's configurable rules, with the defaults of REQUIREMENTS.md §10. Where the sources
 * conflict, the value is per area; where they are silent (notice period, working hours), the
 * default is what a coordinator would expect and is labelled as such.
 */
export const ACTION_DUE_RULES = ['plus-14-days', 'end-of-marac-week', 'same-day'] as const;
export type ActionDueRule = (typeof ACTION_DUE_RULES)[number];

export const CHASE_RECIPIENTS = ['owner', 'owner-and-deputy', 'escalation-contact'] as const;

const ChaseStepSchema = z.object({
  /** Stable name recorded with each chaser (exactly once per action per step). */
  step: z.string().regex(/^[a-z0-9-]+$/),
  /** Working days relative to the due date: -2 = two working days before, +5 = five after. */
  offsetWorkingDays: z.number().int().min(-30).max(60),
  recipients: z.enum(CHASE_RECIPIENTS),
});
export type ChaseStep = z.infer<typeof ChaseStepSchema>;

const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM');

export const AreaPolicySchema = z.object({
  /** FR-031: case list circulated N working days before the meeting (001:438, 002:29; Liverpool 5). */
  caseListLeadWorkingDays: z.number().int().min(1).max(30).default(8),
  /** written submission from an absent agency at least N days before (004:376). */
  writtenSubmissionDaysBefore: z.number().int().min(0).max(14).default(2),
  /** FR-002: the default pattern of a new series (daily = every weekday). */
  meetingFrequency: z.enum(['daily', 'weekly', 'fortnightly', 'monthly']).default('fortnightly'),
  /** FR-002, FR-003: the usual meeting day (mid-week, so preparation time is in the week). */
  meetingDay: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']).default('wednesday'),
  /** FR-002: monthly meetings fall on this occurrence of the day, e.g. the 2nd Tuesday. */
  meetingWeekOfMonth: z
    .preprocess(
      (v) => (typeof v === 'string' && /^[1-4]$/.test(v) ? Number(v) : v),
      z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    )
    .default(2),
  /** FR-029: minutes per case (004:788; SafeLives 7-12). */
  minutesPerCase: z.number().int().min(1).max(120).default(10),
  /** FR-029, FR-045: minutes before the first case for the chair's opening (product default). */
  agendaOpeningMinutes: z.number().int().min(0).max(60).default(10),
  /** FR-034: case moves per agency per day (004:491). */
  maxReordersPerAgencyPerDay: z.number().int().min(0).max(10).default(2),
  /** FR-030: capacity warning past these (001:57, 003:1171). */
  capacity: z
    .object({
      maxCases: z.number().int().min(1).default(20),
      maxSessionMinutes: z.number().int().min(30).default(240),
    })
    .default({ maxCases: 20, maxSessionMinutes: 240 }),
  /** FR-004: changes inside this many working days need a reason (sources silent; product default). */
  noticePeriodWorkingDays: z.number().int().min(0).max(30).default(8),
  /** FR-072: default action due date (004:461 +14 days; 002:75 end of MARAC week; 001:937 same day). */
  actionDueRule: z.enum(ACTION_DUE_RULES).default('plus-14-days'),
  /** FR-073, AC-12: completion detail optional (004:1327) or required (002:75). */
  completionEvidence: z.enum(['optional', 'required']).default('optional'),
  /** FR-074, FR-075: the chase ladder (default). */
  chaseLadder: z
    .array(ChaseStepSchema)
    .min(1)
    .default([
      { step: 'reminder', offsetWorkingDays: -2, recipients: 'owner' },
      { step: 'due-today', offsetWorkingDays: 0, recipients: 'owner' },
      { step: 'overdue', offsetWorkingDays: 1, recipients: 'owner-and-deputy' },
      { step: 'escalation', offsetWorkingDays: 5, recipients: 'escalation-contact' },
    ]),
  /** Chasers go out only on working days, inside these hours, area local time. */
  workingHours: z
    .object({ start: TimeOfDay.default('09:00'), end: TimeOfDay.default('17:00') })
    .default({ start: '09:00', end: '17:00' }),
  /** A-04, §10: all cases (SafeLives, 003:1014) or leave after own case (Liverpool, 004:786). */
  attendancePolicy: z.enum(['all-cases', 'leave-after-own-case']).default('all-cases'),
  /** DESIGN.md §7: the calling bot monitors staff, so it is off until the area switches it on. */
  cameraEvidence: z
    .object({
      callingBot: z.boolean().default(false),
      callRecords: z.boolean().default(false),
    })
    .default({ callingBot: false, callRecords: false }),
  /** FR-109, FR-041, IS-08: hours after the meeting ends before material is destroyed. */
  retention: z
    .object({
      researchHoursAfterMeeting: z.number().min(0).default(0),
      caseListExportHoursAfterMeeting: z.number().min(0).default(0),
      /** IS-08, IS-09: invited agencies stop seeing the case list and research (product default). */
      caseListAccessHoursAfterMeeting: z.number().min(0).default(24),
      caseReviewMonths: z.array(z.number().int().min(1)).default([6, 12]),
      /** Days the text of a reply to a chaser is kept in the tab before it is destroyed. */
      replyTextDays: z.number().int().min(1).max(365).default(30),
    })
    .default({
      researchHoursAfterMeeting: 0,
      caseListExportHoursAfterMeeting: 0,
      caseListAccessHoursAfterMeeting: 24,
      caseReviewMonths: [6, 12],
      replyTextDays: 30,
    }),
  /** FR-088, IS-06: minutes view-only in the tab unless the area allows download. */
  minutesDownload: z.enum(['view-only', 'download-allowed']).default('view-only'),
  /** Optional SharePoint export of the case list with a people-only, no-download link. */
  caseListExport: z
    .object({
      uploadToSharePoint: z.boolean().default(false),
      linkType: z.enum(['blocksDownload', 'view']).default('blocksDownload'),
    })
    .default({ uploadToSharePoint: false, linkType: 'blocksDownload' }),
  /** FR-081: a victim-feedback action per case. */
  victimFeedbackAction: z.boolean().default(true),
  /** FR-130: break prompt for the chair. */
  breakPromptMinutes: z.number().int().min(15).default(90),
  /** FR-093: repeat window from the last referral (003:1189). */
  repeatWindowMonths: z.number().int().min(1).default(12),
  /** FR-102: outbound mail only to these domains; empty = not yet restricted (workspace warns). */
  allowedRecipientDomains: z.array(z.string().toLowerCase()).default([]),
});

export type AreaPolicy = z.infer<typeof AreaPolicySchema>;

/** Fills every missing value with its default; throws a ZodError naming bad fields. */
export function parseAreaPolicy(input: unknown): AreaPolicy {
  return AreaPolicySchema.parse(input ?? {});
}

export const DEFAULT_AREA_POLICY: AreaPolicy = parseAreaPolicy({});

/**
 * What each policy setting accepts, in plain words, for the message shown under its field
 * (a schema message such as "Too small: expected number to be >=1" is never shown). Paths use
 * `N` for a position in a list.
 */
const POLICY_RULES: Record<string, string> = {
  caseListLeadWorkingDays: 'Enter a whole number of working days from 1 to 30.',
  writtenSubmissionDaysBefore: 'Enter a whole number of days from 0 to 14.',
  meetingFrequency: 'Choose how often the MARAC meets from the list.',
  meetingDay: 'Choose a weekday from the list.',
  meetingWeekOfMonth: 'Choose the 1st, 2nd, 3rd or 4th week of the month.',
  minutesPerCase: 'Enter a whole number of minutes from 1 to 120.',
  agendaOpeningMinutes: 'Enter a whole number of minutes from 0 to 60.',
  maxReordersPerAgencyPerDay: 'Enter a whole number from 0 to 10.',
  'capacity.maxCases': 'Enter a whole number of cases, 1 or more.',
  'capacity.maxSessionMinutes': 'Enter a whole number of minutes, 30 or more.',
  noticePeriodWorkingDays: 'Enter a whole number of working days from 0 to 30.',
  actionDueRule: 'Choose one of the options.',
  completionEvidence: 'Choose one of the options.',
  chaseLadder: 'Keep at least one reminder step.',
  'chaseLadder.N.step':
    'Name the step with lower-case letters, digits and hyphens, for example “overdue”.',
  'chaseLadder.N.offsetWorkingDays':
    'Enter whole working days from -30 (before the due date) to 60 (after it).',
  'chaseLadder.N.recipients': 'Choose who receives this reminder.',
  'workingHours.start': 'Enter a time as HH:MM, for example 09:00.',
  'workingHours.end': 'Enter a time as HH:MM, for example 17:00.',
  attendancePolicy: 'Choose one of the options.',
  'cameraEvidence.callingBot': 'Choose on or off.',
  'cameraEvidence.callRecords': 'Choose on or off.',
  'retention.researchHoursAfterMeeting': 'Enter a number of hours, 0 or more.',
  'retention.caseListExportHoursAfterMeeting': 'Enter a number of hours, 0 or more.',
  'retention.replyTextDays': 'Enter a whole number of days from 1 to 365.',
  'retention.caseListAccessHoursAfterMeeting': 'Enter a number of hours, 0 or more.',
  'retention.caseReviewMonths':
    'Enter whole numbers of months, each 1 or more, separated by commas (for example 6, 12).',
  minutesDownload: 'Choose one of the options.',
  'caseListExport.uploadToSharePoint': 'Choose on or off.',
  'caseListExport.linkType': 'Choose one of the options.',
  victimFeedbackAction: 'Choose on or off.',
  breakPromptMinutes: 'Enter a whole number of minutes, 15 or more.',
  repeatWindowMonths: 'Enter a whole number of months, 1 or more.',
  allowedRecipientDomains: 'Enter one domain per line, for example northfield-police.example.',
};

/** The plain-words rule for a policy path such as `chaseLadder.2.step` (or null if unknown). */
export function policyRule(path: string): string | null {
  const general = path.replace(/\.\d+(?=\.|$)/g, '.N');
  for (let p = general; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const rule = POLICY_RULES[p] ?? POLICY_RULES[p.replace(/\.N$/, '')];
    if (rule) return rule;
  }
  return null;
}

const DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** Rules across fields that the schema alone does not state: each problem with its path. */
export function policyProblems(policy: AreaPolicy): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (policy.workingHours.start >= policy.workingHours.end)
    problems.push({
      path: 'workingHours.end',
      message: 'The working day must end after it starts.',
    });
  policy.allowedRecipientDomains.forEach((d, i) => {
    if (!DOMAIN.test(d))
      problems.push({
        path: `allowedRecipientDomains.${i}`,
        message: POLICY_RULES.allowedRecipientDomains as string,
      });
  });
  const steps = policy.chaseLadder.map((s) => s.step);
  steps.forEach((s, i) => {
    if (steps.indexOf(s) !== i)
      problems.push({
        path: `chaseLadder.${i}.step`,
        message: 'Each reminder step needs its own name.',
      });
  });
  return problems;
}
