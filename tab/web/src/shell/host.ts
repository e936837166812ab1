/**
 * Where the tab runs: inside Teams, Outlook or the Microsoft 365 app (teams-js available) or a
 * plain browser. teams-js is loaded only when the page is embedded, so the plain browser and
 * the tests never wait for a host that is not there, and the bundle stays small.
 */
import type * as TeamsJsModule from './teams-sdk.js';

export type ThemeName = 'default' | 'dark' | 'contrast';

export interface HostContext {
  /** teams-js initialised: inside Teams, Outlook or the Microsoft 365 app. */
  embedded: boolean;
  hostName: 'teams' | 'outlook' | 'office' | 'browser';
  theme: ThemeName;
  /** Teams deep link sub-page (e.g. "meetings/<id>" or "actions/<id>"). */
  subPageId: string | null;
  /** The Teams meeting and chat the tab is in (meeting tabs). */
  teamsMeetingId: string | null;
  chatId: string | null;
  /** content, sidePanel, meetingStage, settings, ... */
  frameContext: string | null;
  tenantId: string | null;
  loginHint: string | null;
}

export type TeamsJs = typeof TeamsJsModule;
let teams: TeamsJs | null = null;

/** The teams-js module once initialised (null in a plain browser). */
export function teamsJs(): TeamsJs | null {
  return teams;
}

function looksEmbedded(): boolean {
  try {
    return (
      window.parent !== window ||
      Boolean(window.opener) ||
      'nativeInterface' in window ||
      new URLSearchParams(window.location.search).has('inTeams')
    );
  } catch {
    return true; // cross-origin parent access throws: we are framed
  }
}

/** The theme a plain browser asks for: `?theme=` first, then forced colours, then dark mode. */
export function browserTheme(): ThemeName {
  const asked = new URLSearchParams(window.location.search).get('theme');
  if (asked === 'dark' || asked === 'contrast' || asked === 'default') return asked;
  if (window.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'default';
}

const PLAIN: HostContext = {
  embedded: false,
  hostName: 'browser',
  theme: 'default',
  subPageId: null,
  teamsMeetingId: null,
  chatId: null,
  frameContext: null,
  tenantId: null,
  loginHint: null,
};

function asTheme(value: string | undefined): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/**
 * A plain browser has no frame context; `?frameContext=sidePanel` (or content, meetingStage)
 * shows a meeting tab as Teams would in that frame (demo meeting room, browser tests).
 */
export function browserFrameContext(): string | null {
  const asked = new URLSearchParams(window.location.search).get('frameContext');
  return asked === 'sidePanel' || asked === 'content' || asked === 'meetingStage' ? asked : null;
}

/** Detects the host; inside Teams/Outlook initialises teams-js (5 s limit) and reads the context. */
export async function detectHost(): Promise<HostContext> {
  const plain = { ...PLAIN, theme: browserTheme(), frameContext: browserFrameContext() };
  if (!looksEmbedded()) return plain;
  try {
    const module = await import('./teams-sdk.js');
    await Promise.race([
      module.app.initialize(),
      new Promise((_r, reject) => setTimeout(() => reject(new Error('no host')), 5000)),
    ]);
    teams = module;
    const context = await module.app.getContext();
    const host = String(context.app.host.name).toLowerCase();
    return {
      embedded: true,
      hostName: host === 'outlook' ? 'outlook' : host === 'office' ? 'office' : 'teams',
      theme: asTheme(context.app.theme),
      subPageId: context.page.subPageId || null,
      teamsMeetingId: context.meeting?.id ?? null,
      chatId: context.chat?.id ?? null,
      frameContext: context.page.frameContext ?? null,
      tenantId: context.user?.tenant?.id ?? null,
      loginHint: context.user?.loginHint ?? null,
    };
  } catch {
    // Framed by something that is not a Microsoft 365 host (or it did not answer): plain mode.
    teams = null;
    return plain;
  }
}

/** Follows theme changes: the Teams theme handler inside Teams, media queries in a browser. */
export function onThemeChange(host: HostContext, apply: (theme: ThemeName) => void): () => void {
  if (host.embedded && teams) {
    teams.app.registerOnThemeChangeHandler((theme) => apply(asTheme(theme)));
    return () => undefined;
  }
  const queries = ['(forced-colors: active)', '(prefers-color-scheme: dark)']
    .map((q) => window.matchMedia?.(q))
    .filter((q): q is MediaQueryList => Boolean(q));
  const listener = () => apply(browserTheme());
  for (const q of queries) q.addEventListener('change', listener);
  return () => queries.forEach((q) => q.removeEventListener('change', listener));
}
