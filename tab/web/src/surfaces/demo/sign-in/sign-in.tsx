/**
 * Demo mode only: pick one of the seeded (fictional) people; the service issues a token from
 * the simulated tenant's key, which the tab API validates exactly like an Entra token.
 */
import { Badge, Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { storeDemoToken } from '../../../auth/auth.js';
import {
  EmptyState,
  ErrorBanner,
  PageLayout,
  Progress,
  Section,
} from '../../../shell/components.js';
import { useLocation, useNavigate } from '../../../shell/router.js';
import { ApiError } from '../../../api/client.js';
import { ROLE_LABELS } from '../../coordinator/area/labels.js';

interface DemoPerson {
  id: string;
  displayName: string;
  roles: string[];
  agency: string | null;
}

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(280px, 100%), 1fr))',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  person: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    padding: tokens.spacingVerticalS,
    height: 'auto',
  },
  lines: { display: 'grid', gap: tokens.spacingVerticalXXS },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

/** Where each role starts after signing in (chairs and steering: their own app tab). */
export function homeFor(roles: string[]): string {
  if (roles.includes('coordinator')) return '/coordinator';
  if (roles.some((r) => r === 'chair' || r === 'deputy-chair')) return '/tab/coordinator';
  if (roles.includes('steering')) return '/tab/reports';
  return '/tab/my-marac';
}

export default function SignIn() {
  const styles = useStyles();
  const { query } = useLocation();
  const navigate = useNavigate();
  const [people, setPeople] = useState<DemoPerson[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    fetch('/api/demo/people')
      .then(async (r) => {
        if (r.status === 404)
          throw new ApiError(
            404,
            'NOT_FOUND',
            'Demo sign-in is only available in demo mode. Sign in through Microsoft Teams or your organisation instead.',
          );
        if (!r.ok)
          throw new ApiError(r.status, 'HTTP', 'The list of demo people could not be loaded.');
        return ((await r.json()) as { people: DemoPerson[] }).people;
      })
      .then(setPeople, setError);
  }, []);

  const choose = async (person: DemoPerson) => {
    setBusy(person.id);
    setError(null);
    try {
      const r = await fetch('/api/demo/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personId: person.id }),
      });
      if (!r.ok)
        throw new ApiError(
          r.status,
          'HTTP',
          `${person.displayName} cannot sign in (the service answered ${r.status}).`,
        );
      storeDemoToken(((await r.json()) as { token: string }).token);
      const returnTo = query.get('returnTo');
      navigate(
        returnTo?.startsWith('/') && !returnTo.startsWith('//') ? returnTo : homeFor(person.roles),
      );
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };

  return (
    <PageLayout
      title="Sign in (demo)"
      subtitle="Choose who to be. These are fictional people of the demo Northfield MARAC; in production everyone signs in with their Microsoft account."
    >
      {error !== null && <ErrorBanner error={error} />}
      <Section title="People">
        {people === null && error === null && <Progress label="Loading the demo people…" />}
        {people?.length === 0 && (
          <EmptyState title="No demo people yet">
            The demo area has not been seeded. Restart the service in demo mode.
          </EmptyState>
        )}
        {people && people.length > 0 && (
          <ul className={styles.grid} aria-label="Demo people">
            {people.map((p) => (
              <li key={p.id}>
                <Button
                  className={styles.person}
                  disabled={busy !== null}
                  onClick={() => void choose(p)}
                >
                  <span className={styles.lines}>
                    <Body1>
                      {busy === p.id ? `Signing in as ${p.displayName}…` : p.displayName}
                    </Body1>
                    <Caption1>{p.agency ?? 'No agency'}</Caption1>
                    <span className={styles.badges}>
                      {p.roles.map((r) => (
                        <Badge key={r} appearance="tint" size="small">
                          {ROLE_LABELS[r] ?? r}
                        </Badge>
                      ))}
                    </span>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </PageLayout>
  );
}
