/**
 * The auth layer (PLATFORM.md §8). Three ways to get a token for the tab API:
 * - inside Teams, Outlook or the Microsoft 365 app: teams-js `authentication.getAuthToken()`
 *   (the host caches it; we never store it);
 * - a plain browser in production: @azure/msal-browser, redirect sign-in (loaded on demand);
 * - demo mode: the sign-in page lists the seeded people and keeps the token the service issues
 *   from the simulated tenant in sessionStorage (gone when the tab closes).
 * The API validates all three with the same code; content is shown only after /api/me.
 */
import type { HostContext } from '../shell/host.js';
import { teamsJs, type TeamsJs } from '../shell/host.js';

export type AuthMode = 'teams' | 'msal' | 'demo';

export interface ClientConfig {
  mode: 'demo' | 'production';
  clientId: string | null;
  authority: string;
  scopes: string[];
}

const DEMO_TOKEN_KEY = 'marac.demoToken';

interface Provider {
  mode: AuthMode;
  token(): Promise<string | null>;
  signIn(returnTo: string): Promise<void>;
  signOut(): Promise<void>;
}

let provider: Provider | null = null;
const listeners = new Set<() => void>();

/** Called by the session when the API answers 401: it shows the signed-out state. */
export function onSignedOut(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The API said the token is missing or no longer valid. */
export function signInAgain(): void {
  if (provider?.mode === 'demo') sessionStorage.removeItem(DEMO_TOKEN_KEY);
  for (const listener of listeners) listener();
}

export function authMode(): AuthMode | null {
  return provider?.mode ?? null;
}

export async function getToken(): Promise<string | null> {
  return provider ? provider.token() : null;
}

export async function signIn(returnTo: string): Promise<void> {
  await provider?.signIn(returnTo);
}

export async function signOut(): Promise<void> {
  await provider?.signOut();
}

/** Demo mode: keep the token the service issued for the chosen person. */
export function storeDemoToken(token: string): void {
  sessionStorage.setItem(DEMO_TOKEN_KEY, token);
}

export async function loadClientConfig(): Promise<ClientConfig> {
  try {
    const response = await fetch('/api/client-config', { headers: { accept: 'application/json' } });
    if (response.ok) return (await response.json()) as ClientConfig;
  } catch {
    // fall through: the health check still says the mode
  }
  const health = (await fetch('/healthz')
    .then((r) => r.json())
    .catch(() => ({}))) as { mode?: string };
  return {
    mode: health.mode === 'production' ? 'production' : 'demo',
    clientId: null,
    authority: '',
    scopes: [],
  };
}

/** Chooses and prepares the provider for this host and mode. */
export async function initAuth(host: HostContext, config: ClientConfig): Promise<AuthMode> {
  const teams = teamsJs();
  if (host.embedded && teams) provider = teamsProvider(teams);
  else if (config.mode === 'demo') provider = demoProvider();
  else provider = await msalProvider(config);
  return provider.mode;
}

function teamsProvider(teams: TeamsJs): Provider {
  return {
    mode: 'teams',
    token: () => teams.authentication.getAuthToken(),
    // Consent or MFA: the host shows its own prompt when asked without `silent`.
    signIn: async () => {
      await teams.authentication.getAuthToken({ silent: false });
    },
    signOut: async () => undefined,
  };
}

function demoProvider(): Provider {
  return {
    mode: 'demo',
    token: async () => sessionStorage.getItem(DEMO_TOKEN_KEY),
    signIn: async (returnTo) => {
      window.location.assign(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
    },
    signOut: async () => {
      sessionStorage.removeItem(DEMO_TOKEN_KEY);
    },
  };
}

async function msalProvider(config: ClientConfig): Promise<Provider> {
  if (!config.clientId) throw new Error('The service did not give a client id for sign-in.');
  const msal = await import('./msal-sdk.js');
  const app = new msal.PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      redirectUri: `${window.location.origin}/`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await app.initialize();
  const result = await app.handleRedirectPromise();
  if (result?.account) app.setActiveAccount(result.account);
  const returnTo = (result?.state && decodeURIComponent(result.state)) || null;
  if (returnTo?.startsWith('/') && returnTo !== window.location.pathname)
    window.history.replaceState(null, '', returnTo);
  const account = () => app.getActiveAccount() ?? app.getAllAccounts()[0] ?? null;
  return {
    mode: 'msal',
    token: async () => {
      const who = account();
      if (!who) return null;
      try {
        return (await app.acquireTokenSilent({ scopes: config.scopes, account: who })).accessToken;
      } catch {
        return null; // the session shows "sign in" and redirects
      }
    },
    signIn: async (to) => {
      await app.loginRedirect({ scopes: config.scopes, state: encodeURIComponent(to) });
    },
    signOut: async () => {
      await app.logoutRedirect();
    },
  };
}
