import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PageLayout, Section } from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { DemoGuide, DemoModeNote } from '../demo/landing-demo.js';

interface Health {
  version: string;
  mode: string;
  database: string;
}

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalS, margin: 0, paddingLeft: '1.2em' },
});

/** Landing page: what this is and where to go. The surfaces themselves live at their routes. */
export default function Landing() {
  const styles = useStyles();
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    fetch('/healthz')
      .then((r) => r.json() as Promise<Health>)
      .then(setHealth)
      .catch(() => setHealth(null));
  }, []);
  return (
    <PageLayout title="Virtual MARAC">
      <Body1>
        Schedule, circulate, run and follow up Multi-Agency Risk Assessment Conferences in Microsoft
        Teams. Case content is shown only here, to the people entitled to it; nothing we send names
        anyone.
      </Body1>
      {health?.mode === 'demo' && <DemoGuide />}
      <Section title="Service status">
        <Body1 role="status">
          {health
            ? `Running version ${health.version} in ${health.mode} mode on ${health.database === 'pg' ? 'PostgreSQL' : 'the embedded database'}.`
            : 'Checking the service…'}
        </Body1>
        {health?.mode === 'demo' && <DemoModeNote />}
      </Section>
      <Section title="Where to go">
        <ul className={styles.list}>
          <li>
            <RouteLink to="/tab/my-marac">My MARAC</RouteLink>: your next meetings, your cases&apos;
            join times and your actions.
          </li>
          <li>
            <RouteLink to="/tab/coordinator">Coordinator</RouteLink>: what needs doing now, for the
            coordinator and the chairs.
          </li>
          <li>
            <RouteLink to="/tab/reports">Reports</RouteLink>: attendance and governance.
          </li>
          <li>
            <RouteLink to="/tab/meeting">Meeting details</RouteLink>: the case list, after the
            confidentiality declaration.
          </li>
          <li>
            <RouteLink to="/coordinator">Coordinator workspace</RouteLink>: area set-up, schedule,
            agenda, circulation, actions and the audit log.
          </li>
        </ul>
      </Section>
    </PageLayout>
  );
}
