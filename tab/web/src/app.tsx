import {
  Body1,
  Card,
  CardHeader,
  Link,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';

const useStyles = makeStyles({
  page: {
    maxWidth: '720px',
    margin: '0 auto',
    padding: tokens.spacingVerticalXXL,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
});

interface Health {
  version: string;
  mode: string;
  database: string;
}

/** Landing page: what this is and where to go. The surfaces themselves live at their routes. */
export function App() {
  const styles = useStyles();
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    fetch('/healthz')
      .then((r) => r.json() as Promise<Health>)
      .then(setHealth)
      .catch(() => setHealth(null));
  }, []);
  return (
    <main className={styles.page}>
      <Title2 as="h1">Virtual MARAC</Title2>
      <Body1>
        Schedule, circulate, run and follow up Multi-Agency Risk Assessment Conferences in Microsoft
        Teams. Case content is shown only here, to the people entitled to it; nothing we send names
        anyone.
      </Body1>
      <Card>
        <CardHeader header={<Subtitle2 as="h2">Service status</Subtitle2>} />
        <Body1 role="status">
          {health
            ? `Running version ${health.version} in ${health.mode} mode on ${health.database === 'pg' ? 'PostgreSQL' : 'the embedded database'}.`
            : 'Checking the service…'}
        </Body1>
        {health?.mode === 'demo' && (
          <Body1>
            Demo mode: a simulated Microsoft 365 tenant with the fictional Northfield MARAC.{' '}
            <Link href="/healthz">Health check</Link>
          </Body1>
        )}
      </Card>
    </main>
  );
}
