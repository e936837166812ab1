/**
 * Who is signed in. Nothing of a surface renders before /api/me has answered with the person's
 * roles ("Never show content before the role check"); a 401 shows the sign-in prompt.
 */
import { Body1, Button } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { api, ApiError } from '../api/client.js';
import { authMode, onSignedOut, signIn, signOut } from '../auth/auth.js';
import { ErrorBanner, PageLayout, Progress } from './components.js';
import { useLocation } from './router.js';

export type Role =
  | 'coordinator'
  | 'chair'
  | 'deputy-chair'
  | 'representative'
  | 'deputy'
  | 'idva'
  | 'observer'
  | 'steering'
  | 'referrer'
  | 'keyworker';

export interface Me {
  person: { id: string; displayName: string; email: string };
  roles: Role[];
  agency: { id: string; name: string; isCore: boolean } | null;
  area: { id: string; name: string; timeZone: string };
}

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; me: Me };

const SessionContext = createContext<{ me: Me; reload: () => void } | null>(null);

/** The signed-in person; only usable under <Session>, which renders nothing before it is known. */
export function useMe(): Me {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useMe outside <Session>');
  return value.me;
}

/** Roles in words ("deputy chair", not the code). */
export function roleWords(roles: readonly Role[]): string {
  return roles.map((r) => r.replace(/-/g, ' ').replace(/^idva$/, 'IDVA')).join(', ');
}

export function hasRole(me: Me, ...roles: Role[]): boolean {
  return me.roles.some((r) => roles.includes(r));
}

export function Session({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => onSignedOut(() => setState({ status: 'signed-out' })), []);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    api<Me>('/me').then(
      (me) => live && setState({ status: 'ready', me }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'signed-out' });
        else setState({ status: 'error', error });
      },
    );
    return () => {
      live = false;
    };
  }, [generation]);

  if (state.status === 'loading') return <Progress label="Checking who you are…" />;
  if (state.status === 'signed-out') return <SignedOut />;
  if (
    state.status === 'error' &&
    state.error instanceof ApiError &&
    state.error.code === 'NOT_A_MEMBER'
  )
    return <NotAMember onRetry={reload} />;
  if (state.status === 'error')
    return (
      <PageLayout title="Virtual MARAC">
        <ErrorBanner error={state.error} title="You cannot use this yet" onRetry={reload} />
      </PageLayout>
    );
  return (
    <SessionContext.Provider value={{ me: state.me, reload }}>{children}</SessionContext.Provider>
  );
}

/**
 * A valid sign-in of someone this MARAC does not have (never added, or deactivated). The
 * service has recorded the attempt, so the coordinator sees it on the area set-up screen.
 */
function NotAMember(props: { onRetry: () => void }) {
  return (
    <PageLayout title="You have not been given access to this MARAC">
      <Body1>
        You signed in, but your account is not on this MARAC’s list of people, or your access has
        ended.
      </Body1>
      <Body1>
        Ask your MARAC coordinator to add you. They can see that you tried to sign in. If you work
        for a partner agency, your agency’s MARAC representative can tell you who the coordinator
        is.
      </Body1>
      <div>
        <Button onClick={props.onRetry}>Try again</Button>
      </div>
    </PageLayout>
  );
}

function SignedOut() {
  const { path, query } = useLocation();
  const returnTo = `${path}${query.size ? `?${query}` : ''}`;
  const mode = authMode();
  useEffect(() => {
    // Demo: straight to the sign-in page. Production browser: the Microsoft sign-in redirect.
    if (mode === 'demo' || mode === 'msal') void signIn(returnTo);
  }, [mode, returnTo]);
  return (
    <PageLayout title="Sign in to continue">
      <Body1>Your sign-in is missing or has expired.</Body1>
      <div>
        <Button appearance="primary" onClick={() => void signIn(returnTo)}>
          Sign in
        </Button>
      </div>
    </PageLayout>
  );
}

/**
 * Renders children only for the given roles; anyone else gets a plain explanation (the API
 * refuses them as well: this gate only avoids showing a screen they cannot use).
 */
export function RoleGate(props: { anyOf: Role[]; children: ReactNode; what?: string }) {
  const me = useMe();
  if (hasRole(me, ...props.anyOf)) return <>{props.children}</>;
  return (
    <PageLayout title="Not available for your role">
      <Body1>
        {props.what ?? 'This page'} is for {roleWords(props.anyOf)} only. You are signed in as{' '}
        {me.person.displayName} ({roleWords(me.roles) || 'no role'}).
      </Body1>
    </PageLayout>
  );
}

/** Signed-in person and a sign-out (demo and browser sign-in; Teams signs out itself). */
export function WhoAmI() {
  const me = useMe();
  const mode = authMode();
  return (
    <Body1>
      {me.person.displayName}
      {me.agency ? `, ${me.agency.name}` : ''}{' '}
      {mode !== 'teams' && (
        <Button
          appearance="subtle"
          size="small"
          onClick={() => void signOut().then(() => window.location.assign('/sign-in'))}
        >
          Sign out
        </Button>
      )}
    </Body1>
  );
}
