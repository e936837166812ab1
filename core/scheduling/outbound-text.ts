import { DomainError } from '../errors.js';
import type { Area } from '../model.js';
import { guardFreeText, nameAfterCue, ordinal, SubjectIndex } from '../personal-data/index.js';
import type { SchedulingDeps } from './scheduling-deps.js';

const TITLE_ADVICE =
  'Meeting titles are sent to every invitee’s calendar and mailbox: use a neutral title such as “Emergency MARAC”, never a name, date of birth or address.';

/**
 * Meeting titles go into every invitee's calendar, the Teams meeting, the case-list and change
 * mails; reasons are kept with the meeting's history. A title is written before any case is
 * listed, so both are checked against every subject of every case the area holds (this and
 * earlier meetings' cases and referrals waiting for one), and a title may not name anyone
 * after "re", "regarding", "about" or "for" (someone new to the area has no record yet).
 */
export async function guardSchedulingText(
  deps: Pick<SchedulingDeps, 'repos'>,
  area: Pick<Area, 'id' | 'name'>,
  fields: { title?: string; reason?: string },
): Promise<void> {
  const present = Object.entries(fields).filter(([, v]) => v?.trim());
  if (present.length === 0) return;
  const index = SubjectIndex.of(await deps.repos.meetings.areaSubjects(area.id));
  for (const [key, text] of present)
    guardFreeText(text, index, {
      field: key === 'title' ? 'meeting title' : 'reason',
      fieldKey: key,
      advice:
        key === 'title'
          ? TITLE_ADVICE
          : 'Give the reason without names, dates of birth or addresses (use roles such as “the victim” or a case number).',
    });
  const word = fields.title ? nameAfterCue(fields.title, area.name.split(/\s+/)) : null;
  if (word)
    throw new DomainError(
      'VALIDATION_FAILED',
      `The ${ordinal(word)} word of the meeting title reads as the name of the person the meeting is about. ${TITLE_ADVICE} A case number may be used instead.`,
      { field: 'title', wordNumber: word },
    );
}
