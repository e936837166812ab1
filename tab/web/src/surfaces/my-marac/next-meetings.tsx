/** My next meetings, and when to join for my agency's cases. */
import { Body1, Link } from '@fluentui/react-components';
import type { CaseListView, MeetingSummary } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { EmptyState, formatDateTime, formatTime, Loaded, Section } from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { useLive } from '../../shell/use-live.js';
import type { Me } from '../../shell/session.js';
import { useStyles } from './styles.js';

export function NextMeetings({ me }: { me: Me }) {
  const styles = useStyles();
  const meetings = useLive<{ meetings: MeetingSummary[] }>('/meetings');
  const now = Date.now();
  return (
    <Section title="My next meetings">
      <Loaded
        state={{ ...meetings, loading: !meetings.data, reload: meetings.refresh }}
        label="Loading your meetings…"
      >
        {(d) => {
          const next = d.meetings
            .filter(
              (m) =>
                m.invited && m.status !== 'cancelled' && new Date(m.scheduledEnd).getTime() > now,
            )
            .sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart))
            .slice(0, 3);
          if (next.length === 0)
            return (
              <EmptyState title="No meetings coming up">
                When you are invited to a MARAC, it appears here with the times to join for your
                cases.
              </EmptyState>
            );
          return (
            <ul className={styles.list}>
              {next.map((m, index) => (
                <li key={m.id}>
                  <strong>{m.title}</strong>, {formatDateTime(m.scheduledStart, me.area.timeZone)}{' '}
                  to {formatTime(m.scheduledEnd, me.area.timeZone)}.{' '}
                  <RouteLink to={`/tab/meeting?meetingId=${m.id}`}>Meeting details</RouteLink>
                  {m.joinUrl && (
                    <>
                      {' · '}
                      <Link href={m.joinUrl} target="_blank" rel="noreferrer">
                        Join in Teams
                      </Link>
                    </>
                  )}
                  {index === 0 && me.agency && <JoinTimes meetingId={m.id} me={me} />}
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </Section>
  );
}

/**
 * When to join for my agency's cases. Case times come from the case list, so they show only
 * after the declaration (FR-046): until then, a link to accept it. Only numbers and times here.
 */
function JoinTimes({ meetingId, me }: { meetingId: string; me: Me }) {
  const styles = useStyles();
  const declaration = useApi<{ accepted: boolean }>(`/meetings/${meetingId}/declaration`);
  const accepted = declaration.data?.accepted === true;
  const list = useApi<CaseListView>(accepted ? `/meetings/${meetingId}/case-list` : null);
  if (declaration.error) return null; // not entitled to this meeting's cases
  if (declaration.data && !accepted)
    return (
      <Body1 as="p" className={styles.block}>
        <RouteLink to={`/tab/meeting?meetingId=${meetingId}`}>
          Accept the confidentiality declaration
        </RouteLink>{' '}
        to see when to join for your cases.
      </Body1>
    );
  if (!list.data) return null;
  const mine = list.data.items.filter(
    (i) =>
      i.referringAgency?.id === me.agency?.id ||
      i.agenciesInvolved.some((a) => a.id === me.agency?.id),
  );
  if (mine.length === 0)
    return (
      <Body1 as="p" className={styles.block}>
        None of the cases names your agency.
      </Body1>
    );
  return (
    <ul aria-label="My cases' join times">
      {mine.map((i) => (
        <li key={i.agendaItemId}>
          {i.caseNumber}: join at {formatTime(i.plannedStart, me.area.timeZone)}
        </li>
      ))}
    </ul>
  );
}
