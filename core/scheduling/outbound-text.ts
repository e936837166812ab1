import { guardFreeText, SubjectIndex } from '../personal-data/index.js';
import type { SchedulingDeps } from './scheduling-deps.js';

/**
 * Meeting titles go into every invitee's calendar, the Teams meeting, the case-list and change
 * mails; reasons are kept with the meeting's history. A title is written before any case is
 * listed, so both are checked against every subject of every case the area holds (the cases
 * of this and earlier meetings and referrals waiting for one).
 */
export async function guardSchedulingText(
  deps: Pick<SchedulingDeps, 'repos'>,
  areaId: string,
  fields: { title?: string; reason?: string },
): Promise<void> {
  const present = Object.entries(fields).filter(([, v]) => v?.trim());
  if (present.length === 0) return;
  const index = SubjectIndex.of(await deps.repos.meetings.areaSubjects(areaId));
  for (const [key, text] of present)
    guardFreeText(text, index, {
      field: key === 'title' ? 'meeting title' : 'reason',
      fieldKey: key,
      advice:
        key === 'title'
          ? 'Meeting titles are sent to every invitee’s calendar and mailbox: use a neutral title such as “Emergency MARAC”, never a name, date of birth or address.'
          : 'Give the reason without names, dates of birth or addresses (use roles such as “the victim” or a case number).',
    });
}
