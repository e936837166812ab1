/**
 * The "Coordinator" personal tab: opens on what needs doing now. The coordinator sees case
 * lists coming due, overdue actions and agencies waiting for approval, each a link to where it
 * is done; the chair and deputy chair see their next meeting with its chair console and the
 * actions waiting for their confirmation. Everyone else is pointed to My MARAC.
 */
import { Body1 } from '@fluentui/react-components';
import type { Action, Agency, MeetingSummary } from '../../api/types.js';
import { EmptyState, formatDateTime, Loaded, PageLayout, Section } from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { hasRole, useMe, WhoAmI, type Me } from '../../shell/session.js';
import { LiveIndicator, useLive } from '../../shell/use-live.js';
import { CoordinatorPage } from '../coordinator/coordinator-page.js';
import { AwaitingConfirmation } from '../my-marac/awaiting-confirmation.js';
import { coordinatorToDo, localDay } from './to-do.js';
import { ToDoList } from './to-do-list.js';
import { useStyles } from './styles.js';

export default function CoordinatorHome() {
  const me = useMe();
  if (hasRole(me, 'coordinator')) return <CoordinatorToday me={me} />;
  if (hasRole(me, 'chair', 'deputy-chair')) return <ChairToday me={me} />;
  return (
    <PageLayout title="Coordinator" actions={<WhoAmI />}>
      <EmptyState title="This tab is for the MARAC coordinator and the chairs">
        Your meetings, cases and actions are in <RouteLink to="/tab/my-marac">My MARAC</RouteLink>.
      </EmptyState>
    </PageLayout>
  );
}

function CoordinatorToday({ me }: { me: Me }) {
  const styles = useStyles();
  const meetings = useLive<{ meetings: MeetingSummary[] }>('/meetings');
  const actions = useLive<{ actions: Action[] }>('/actions?scope=area&state=overdue');
  const agencies = useLive<{ agencies: Agency[] }>('/area/agencies');
  const ready = meetings.data && actions.data && agencies.data;
  const now = new Date();
  return (
    <CoordinatorPage title="Today" subtitle={me.area.name}>
      <Section title="Needs doing now">
        <LiveIndicator state={meetings} />
        <Loaded
          state={{
            data: ready ? true : null,
            error: meetings.error ?? actions.error ?? agencies.error,
            loading: !ready,
            reload: () => [meetings, actions, agencies].forEach((s) => s.refresh()),
          }}
          label="Working out what needs doing…"
        >
          {() => (
            <ToDoList
              nothing="Nothing needs doing now"
              items={coordinatorToDo({
                today: localDay(now, me.area.timeZone),
                timeZone: me.area.timeZone,
                now,
                meetings: meetings.data?.meetings ?? [],
                actions: actions.data?.actions ?? [],
                agencies: agencies.data?.agencies ?? [],
              })}
            />
          )}
        </Loaded>
      </Section>
      <Section title="Go to">
        <ul className={styles.links}>
          <li>
            <RouteLink to="/coordinator/schedule">Schedule</RouteLink>: meetings, case lists and
            circulation
          </li>
          <li>
            <RouteLink to="/coordinator/actions">Actions</RouteLink>: the action tracker and chasing
          </li>
          <li>
            <RouteLink to="/coordinator/area">Area set-up</RouteLink>: agencies and people
          </li>
          <li>
            <RouteLink to="/tab/reports">Reports</RouteLink>: attendance and governance
          </li>
        </ul>
      </Section>
    </CoordinatorPage>
  );
}

/** The chair's next meeting (console, workspace) and what waits for their confirmation. */
function ChairToday({ me }: { me: Me }) {
  const meetings = useLive<{ meetings: MeetingSummary[] }>('/meetings');
  const now = Date.now();
  return (
    <PageLayout title="Chair" subtitle={me.area.name} actions={<WhoAmI />}>
      <Section title="Your next meeting">
        <LiveIndicator state={meetings} />
        <Loaded
          state={{ ...meetings, loading: !meetings.data, reload: meetings.refresh }}
          label="Loading your meetings…"
        >
          {(d) => {
            const next = d.meetings
              .filter((m) => m.status !== 'cancelled' && Date.parse(m.scheduledEnd) > now)
              .sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart))[0];
            if (!next) return <EmptyState title="No meetings coming up" />;
            return (
              <Body1>
                <strong>{next.title}</strong>,{' '}
                {formatDateTime(next.scheduledStart, me.area.timeZone)}.{' '}
                <RouteLink to={`/tab/meeting/chair?meetingId=${next.id}`}>
                  Open the chair console
                </RouteLink>{' '}
                · <RouteLink to={`/tab/meeting?meetingId=${next.id}`}>Case list</RouteLink>
              </Body1>
            );
          }}
        </Loaded>
      </Section>
      <AwaitingConfirmation />
      <Section title="Go to">
        <Body1>
          <RouteLink to="/tab/my-marac">My MARAC</RouteLink> ·{' '}
          <RouteLink to="/tab/reports">Reports</RouteLink>
        </Body1>
      </Section>
    </PageLayout>
  );
}
