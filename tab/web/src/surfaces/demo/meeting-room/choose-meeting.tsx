/** Without a meeting in the address: the demo area's meetings to play. */
import { useEffect, useState } from 'react';
import {
  EmptyState,
  ErrorBanner,
  formatDateTime,
  PageLayout,
  Progress,
  Section,
} from '../../../shell/components.js';
import { RouteLink } from '../../../shell/router.js';
import { sim, type ChatMeeting } from './sim-api.js';

export function ChooseMeeting() {
  const [meetings, setMeetings] = useState<ChatMeeting[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    sim<{ meetings: ChatMeeting[] }>('/meeting-chat').then(
      (r) => setMeetings(r.meetings),
      setError,
    );
  }, []);
  return (
    <PageLayout
      title="Demo meeting room"
      subtitle="Plays a Teams meeting with the demo area's fictional people. Choose a meeting."
    >
      <Section title="Meetings">
        {error !== null && <ErrorBanner error={error} />}
        {meetings === null && error === null && <Progress label="Loading meetings…" />}
        {meetings?.length === 0 && (
          <EmptyState title="No meetings yet">
            Schedule a meeting in the coordinator workspace first.
          </EmptyState>
        )}
        {meetings && meetings.length > 0 && (
          <ul>
            {meetings.map((m) => (
              <li key={m.id}>
                <RouteLink to={`/demo/meeting-room/${m.id}`}>{m.title}</RouteLink>,{' '}
                {formatDateTime(m.scheduledStart)} ({m.status})
              </li>
            ))}
          </ul>
        )}
      </Section>
    </PageLayout>
  );
}
