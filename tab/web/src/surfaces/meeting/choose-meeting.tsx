import type { MeetingSummary } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { EmptyState, formatDateTime, Loaded, PageLayout, Section } from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { useMe, WhoAmI } from '../../shell/session.js';

/** No meeting in the address (e.g. opened from the app bar): pick one of mine. */
export function ChooseMeeting() {
  const me = useMe();
  const meetings = useApi<{ meetings: MeetingSummary[] }>('/meetings');
  const now = Date.now();
  return (
    <PageLayout title="Meeting details" actions={<WhoAmI />}>
      <Section title="Your meetings">
        <Loaded state={meetings} label="Loading your meetings…">
          {(d) => {
            const mine = d.meetings.filter(
              (m) => m.status !== 'cancelled' && new Date(m.scheduledEnd).getTime() > now,
            );
            return mine.length === 0 ? (
              <EmptyState title="No upcoming meetings">
                When you are invited to a MARAC it appears here.
              </EmptyState>
            ) : (
              <ul>
                {mine.map((m) => (
                  <li key={m.id}>
                    <RouteLink to={`/tab/meeting?meetingId=${m.id}`}>{m.title}</RouteLink>,{' '}
                    {formatDateTime(m.scheduledStart, me.area.timeZone)}
                    {m.invited ? '' : ' (you are not invited)'}
                  </li>
                ))}
              </ul>
            );
          }}
        </Loaded>
      </Section>
    </PageLayout>
  );
}
