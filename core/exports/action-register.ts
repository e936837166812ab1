import { type ActionRecord, isOverdue } from '../actions/action.js';
import type { ActionState } from '../model.js';
import { enGbDateTime, enGbDay, type ExportTable } from './export-table.js';

const STATE_WORDS: Record<ActionState, string> = {
  volunteered: 'Volunteered (awaiting the chair)',
  rejected: 'Rejected',
  open: 'Open',
  done: 'Done',
  'not-achievable': 'Cannot be achieved',
};

const CATEGORY_WORDS: Record<string, string> = {
  victim: 'Victim',
  children: 'Children',
  perpetrator: 'Perpetrator',
  staff: 'Staff',
  other: 'Other',
};

const SOURCE_WORDS: Record<string, string> = {
  'in-app': 'In the app',
  email: 'By e-mail',
  'recorded-by-coordinator': 'Recorded by the coordinator',
};

/** The state as a person reads it; an open action past its due day reads "Overdue". */
export function actionStateInWords(a: Pick<ActionRecord, 'state' | 'dueOn'>, today: string) {
  return isOverdue(a, today) ? 'Overdue' : STATE_WORDS[a.state];
}

/**
 * The action register (FR-071) as a table: one row per action the viewer may see, with the
 * owner, due day, state in words, completion and the reason it could not be achieved.
 */
export function actionRegisterTable(input: {
  actions: ActionRecord[];
  today: string;
  timeZone: string;
  agencyNames: ReadonlyMap<string, string>;
  about: string[];
}): ExportTable {
  const { today, timeZone, agencyNames } = input;
  return {
    title: 'Action register',
    headings: [
      'Reference',
      'Case number',
      'Owning agency',
      'Owner',
      'Joint with',
      'Category',
      'Action',
      'Due',
      'Due date set by the chair',
      'Status',
      'Completed on',
      'Completion note',
      'Reason it cannot be achieved',
      'Confirmed',
      'Escalation step reached',
      'Created',
    ],
    rows: input.actions.map((a) => [
      a.reference,
      a.caseReference,
      a.ownerAgencyName,
      a.ownerPersonName ?? '',
      a.partnerAgencyIds.map((id) => agencyNames.get(id) ?? 'Another agency').join('; '),
      CATEGORY_WORDS[a.category] ?? a.category,
      a.description,
      enGbDay(a.dueOn),
      a.dueOverridden ? 'Yes' : 'No',
      actionStateInWords(a, today),
      enGbDay(a.completedOn),
      a.completionEvidence ?? '',
      a.notAchievableReason ?? '',
      a.confirmationSource ? (SOURCE_WORDS[a.confirmationSource] ?? '') : '',
      a.escalationLevel,
      enGbDateTime(a.createdAt, timeZone),
    ]),
    about: input.about,
  };
}
