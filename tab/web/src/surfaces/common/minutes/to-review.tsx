/**
 * What a meeting reviews at its start (FR-089): the previous meeting's minutes and where they
 * stand, and the actions from earlier meetings still outstanding.
 */
import { Body1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatDay } from '../../../shell/components.js';
import { type MinutesJson, STATUS_WORDS } from './types.js';

/** Before the meeting: the previous meeting's minutes and the actions still outstanding. */
export function ToReview({
  minutes: m,
  previousLink,
}: {
  minutes: MinutesJson;
  previousLink: (meetingId: string) => ReactNode;
}) {
  return (
    <>
      <Body1>At the start of this meeting, review:</Body1>
      {m.previousMeeting ? (
        <Body1>
          The minutes of the previous meeting, on {formatDay(m.previousMeeting.date)} (
          {STATUS_WORDS[m.previousMeeting.minutesStatus].toLowerCase()}):{' '}
          {previousLink(m.previousMeeting.id)}.
        </Body1>
      ) : (
        <Body1>There is no earlier meeting in this area.</Body1>
      )}
      <Body1>
        {m.outstandingActions.length === 0
          ? 'No actions from earlier meetings are outstanding.'
          : `${m.outstandingActions.length} action${m.outstandingActions.length === 1 ? '' : 's'} from earlier meetings still outstanding:`}
      </Body1>
      {m.outstandingActions.length > 0 && (
        <ul aria-label="Outstanding actions to review">
          {m.outstandingActions.map((a) => (
            <li key={a.reference}>
              <Body1>
                {a.reference} ({a.caseReference}), {a.agency}
                {a.owner ? `, ${a.owner}` : ''}: due {formatDay(a.dueOn)}
                {a.overdue ? ', overdue' : ''}
              </Body1>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
