/**
 * What the start page adds in demo mode: the demo in three lines, and one link per role to sign
 * in and land on that role's own tab, the demo meeting room, the outbox and the reports.
 */
import { Body1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Section } from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalS, margin: 0, paddingLeft: '1.2em' },
});

interface DemoPerson {
  displayName: string;
  roles: string[];
  agency: string | null;
}

/** The roles a visitor tries first, where each lands, and what it does there. */
const TRY: { role: string; as: string; to: string; what: string }[] = [
  {
    role: 'coordinator',
    as: 'the coordinator',
    to: '/tab/coordinator',
    what: "today's to-do list",
  },
  {
    role: 'chair',
    as: 'the chair',
    to: '/tab/coordinator',
    what: 'the next meeting and its console',
  },
  {
    role: 'representative',
    as: 'a representative',
    to: '/tab/my-marac',
    what: 'My MARAC: meetings, cases and actions',
  },
  { role: 'steering', as: 'the steering group', to: '/tab/reports', what: 'the reports' },
];

export function DemoModeNote() {
  return (
    <Body1>
      Demo mode: a simulated Microsoft 365 tenant with the fictional Northfield MARAC.{' '}
      <Link href="/healthz">Health check</Link>
    </Body1>
  );
}

export function DemoGuide() {
  const styles = useStyles();
  const [people, setPeople] = useState<DemoPerson[]>([]);
  useEffect(() => {
    fetch('/api/demo/people')
      .then((r) => (r.ok ? (r.json() as Promise<{ people: DemoPerson[] }>) : { people: [] }))
      .then((d) => setPeople(d.people))
      .catch(() => setPeople([]));
  }, []);
  const first = (role: string) => people.find((p) => p.roles.includes(role));
  return (
    <Section title="Try the demo">
      <Body1 as="p">
        Everything here is fictional: a simulated Microsoft 365 tenant runs the Northfield MARAC.
        Sign in as any of its people to see what that role sees, each on its own tab. Play a Teams
        meeting in the demo meeting room; every mail the service sends lands in the demo outbox.
      </Body1>
      <ul className={styles.list}>
        {TRY.map((t) => {
          const person = first(t.role);
          return (
            <li key={t.role}>
              <RouteLink to={`/sign-in?returnTo=${encodeURIComponent(t.to)}`}>
                Sign in as {t.as}
              </RouteLink>
              {person
                ? ` (choose ${person.displayName}${person.agency ? `, ${person.agency}` : ''})`
                : ''}
              : {t.what}
            </li>
          );
        })}
        <li>
          <RouteLink to="/demo/meeting-room">Demo meeting room</RouteLink>: start a meeting, join
          people, and use the bot&apos;s cards in the meeting chat
        </li>
        <li>
          <Link href="/sim/outbox">Demo outbox</Link>: the mails the service has sent (case
          references and links only)
        </li>
        <li>
          <RouteLink to="/tab/reports">Reports</RouteLink>: attendance and governance (sign in as
          the coordinator, a chair or the steering group)
        </li>
      </ul>
    </Section>
  );
}
