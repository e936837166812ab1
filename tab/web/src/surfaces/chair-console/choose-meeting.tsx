/** Without a meeting in the address: the meetings the chair can run (today's and later ones). */
import type { MeetingSummary } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { EmptyState, formatDateTime, Loaded, PageLayout, Section } from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { WhoAmI } from '../../shell/session.js';

export function ChooseMeeting() {
  const meetings = useApi<{ meetings: MeetingSummary[] }>('/meetings');
  const now = Date.now();
  return (
    <PageLayout title="Chair console" actions={<WhoAmI />}>
      <Section title="Choose a meeting">
        <Loaded state={meetings} label="Loading meetings…">
          {(data) => {
            const open = data.meetings
              .filter(
                (m) =>
                  m.status !== 'cancelled' && new Date(m.scheduledEnd).getTime() > now - 86_400_000,
              )
              .sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart));
            if (open.length === 0)
              return (
                <EmptyState title="No meetings to run">
                  When the coordinator schedules a meeting you chair, it appears here.
                </EmptyState>
              );
            return (
              <ul>
                {open.map((m) => (
                  <li key={m.id}>
                    <RouteLink to={`/tab/meeting/chair?meetingId=${m.id}`}>{m.title}</RouteLink>,{' '}
                    {formatDateTime(m.scheduledStart)}
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
