import path from 'node:path';

/**
 * The only reader of process.env (STYLE.md). Every setting is declared once in SETTINGS with
 * its schema, what it is for and whether production needs it; `loadConfig` checks them all,
 * reports every bad key at once with what to do, and hands a frozen Config down.
 */

import { type Setting, SETTINGS, type SettingName } from './settings.js';

export { SETTINGS, type SettingName };

export interface BotAuthEndpoints {
  openIdMetadataUrl: string;
  tokenIssuer: string;
  loginUrl: string;
  oauthScope: string;
  oauthUrl: string;
  emulatorOpenIdMetadataUrl: string;
  callerId: string;
}

export interface Config {
  mode: 'demo' | 'production';
  version: string;
  http: { port: number; host: string; publicUrl: string; bodyLimit: string };
  database: { driver: 'pg'; url: string } | { driver: 'pglite'; dataDir: string };
  dataDir: string;
  logLevel: string;
  microsoft: {
    appId: string | null;
    tenantId: string | null;
    appType: 'SingleTenant' | 'UserAssignedMSI';
    clientSecret: string | null;
    certificate: { thumbprint: string; privateKeyPath: string } | null;
    managedIdentityClientId: string | null;
    allowedTenants: string[];
    tabAudiences: string[];
    teamsAppId: string | null;
    graphBaseUrl: string;
    authorityHost: string;
  };
  /** trustedServiceUrls: besides Microsoft's Bot Connector hosts (bot/trusted-service-urls.ts). */
  bot: BotAuthEndpoints & { authEnabled: boolean; trustedServiceUrls: string[] };
  mailbox: string;
  sharePointDriveId: string | null;
  callingWebhookUrl: string;
  /** Who signs Graph calling notifications: Microsoft publishes its own OpenID configuration. */
  callingAuth: { openIdMetadataUrl: string; issuers: string[] };
  /** wait before the first attendance reconciliation after a meeting ends. */
  attendance: { reconcileDelaySeconds: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Virtual MARAC cannot start: ${problems.length} configuration problem(s).\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\nSee the configuration table in README.md.',
    );
    this.name = 'ConfigError';
  }
}

/**
 * Keys read without a prefix whose typos we catch (everything else of ours starts with
 * MARAC_). PORT and HOST are too short: HOME or PWD would look like typos of them.
 */
const NEAR_MISS_CHECKED = ['DATABASE_URL', 'LOG_LEVEL'];
export const DEMO_APP_ID = '00000000-0000-4000-8000-00000000a11d';
export const DEMO_TENANT_ID = '00000000-0000-4000-8000-0000000d3e70';
export const DEMO_TEAMS_APP_ID = '00000000-0000-4000-8000-00000000a99a';

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  options: { cwd?: string; version?: string } = {},
): Config {
  const problems: string[] = [];
  const values: Partial<Record<SettingName, unknown>> = {};
  for (const [name, setting] of Object.entries(SETTINGS) as [SettingName, Setting][]) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = setting.schema.safeParse(raw.trim());
    if (parsed.success) values[name] = parsed.data;
    else {
      const shown = setting.secret ? '(hidden)' : JSON.stringify(raw);
      const why = parsed.error.issues.map((issue) => issue.message).join('; ');
      problems.push(
        `${name}=${shown} ${why}. ${setting.description}, e.g. ${name}=${setting.example}.`,
      );
    }
  }
  problems.push(...unknownKeyProblems(env));

  const get = <K extends SettingName>(name: K) => values[name] as string | undefined;
  const appId = get('MARAC_APP_ID') ?? null;
  const mode: Config['mode'] =
    (get('MARAC_MODE') as Config['mode'] | undefined) ?? (appId ? 'production' : 'demo');
  const portValue = (values.PORT as number | undefined) ?? 3978;
  const host = get('HOST') ?? '127.0.0.1';
  const publicUrl = (get('MARAC_PUBLIC_URL') ?? `http://127.0.0.1:${portValue}`).replace(/\/$/, '');
  const dataDir = path.resolve(options.cwd ?? process.cwd(), get('MARAC_DATA_DIR') ?? 'data');
  const appType =
    (get('MARAC_APP_TYPE') as Config['microsoft']['appType'] | undefined) ?? 'SingleTenant';
  const certThumb = get('MARAC_APP_CERT_THUMBPRINT');
  const certKey = get('MARAC_APP_CERT_KEY_PATH');

  if (mode === 'production') {
    for (const [name, setting] of Object.entries(SETTINGS) as [SettingName, Setting][]) {
      if (
        setting.production === 'required' &&
        values[name] === undefined &&
        !problems.some((p) => p.startsWith(`${name}=`))
      )
        problems.push(
          `${name} is required in production mode. ${setting.description}, e.g. ${name}=${setting.example}.`,
        );
    }
    const hasSecret = Boolean(get('MARAC_APP_PASSWORD'));
    const hasCert = Boolean(certThumb && certKey);
    if (appType === 'SingleTenant' && !hasSecret && !hasCert)
      problems.push(
        'MARAC_APP_PASSWORD, or MARAC_APP_CERT_THUMBPRINT with MARAC_APP_CERT_KEY_PATH, is required for a SingleTenant app.',
      );
    if (appType === 'UserAssignedMSI' && hasSecret)
      problems.push('MARAC_APP_PASSWORD must be empty when MARAC_APP_TYPE=UserAssignedMSI.');
    if (appType === 'UserAssignedMSI' && !get('MARAC_MANAGED_IDENTITY_CLIENT_ID'))
      problems.push(
        'MARAC_MANAGED_IDENTITY_CLIENT_ID is required when MARAC_APP_TYPE=UserAssignedMSI.',
      );
    if (Boolean(certThumb) !== Boolean(certKey))
      problems.push(
        'MARAC_APP_CERT_THUMBPRINT and MARAC_APP_CERT_KEY_PATH go together: set both or neither.',
      );
    if (get('MARAC_BOT_AUTH') === 'off')
      problems.push(
        'MARAC_BOT_AUTH=off is allowed in demo mode only: in production the bot must check Bot Framework tokens.',
      );
    if (
      ((values.MARAC_TRUSTED_SERVICE_URLS as string[] | undefined) ?? []).some(
        (u) => !u.startsWith('https://'),
      )
    )
      problems.push(
        'MARAC_TRUSTED_SERVICE_URLS must list https:// addresses only in production (the bot sends its token there).',
      );
    if (get('MARAC_PUBLIC_URL') && !publicUrl.startsWith('https://'))
      problems.push(
        'MARAC_PUBLIC_URL must use https:// in production (Teams loads tabs over HTTPS only).',
      );
  } else if (!isLoopback(host)) {
    problems.push(
      `HOST=${JSON.stringify(host)} is not a loopback address. Demo mode runs the bot without Bot Framework authentication, so it binds to 127.0.0.1 only; set MARAC_MODE=production with Microsoft credentials to listen on other interfaces.`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const demo = mode === 'demo';
  const sim = `${publicUrl}/sim`;
  const databaseUrl = get('DATABASE_URL');
  const config: Config = {
    mode,
    version: options.version ?? '0.0.0',
    http: { port: portValue, host, publicUrl, bodyLimit: '256kb' },
    database: databaseUrl
      ? { driver: 'pg', url: databaseUrl }
      : { driver: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    logLevel: get('LOG_LEVEL') ?? 'info',
    microsoft: {
      appId: appId ?? (demo ? DEMO_APP_ID : null),
      tenantId: get('MARAC_APP_TENANT_ID') ?? (demo ? DEMO_TENANT_ID : null),
      appType,
      clientSecret: get('MARAC_APP_PASSWORD') ?? null,
      certificate: certThumb && certKey ? { thumbprint: certThumb, privateKeyPath: certKey } : null,
      managedIdentityClientId: get('MARAC_MANAGED_IDENTITY_CLIENT_ID') ?? null,
      // Guests from agencies' own tenants sign in through the host tenant (B2B), so by default
      // only the app's home tenant issues tokens we accept.
      allowedTenants:
        (values.MARAC_ALLOWED_TENANTS as string[] | undefined) ??
        [(get('MARAC_APP_TENANT_ID') ?? (demo ? DEMO_TENANT_ID : '')) as string].filter(Boolean),
      tabAudiences:
        (values.MARAC_TAB_AUDIENCE as string[] | undefined) ??
        defaultAudiences(publicUrl, appId ?? (demo ? DEMO_APP_ID : null)),
      teamsAppId: get('MARAC_TEAMS_APP_ID') ?? (demo ? DEMO_TEAMS_APP_ID : null),
      graphBaseUrl: (
        get('MARAC_GRAPH_BASE_URL') ??
        (demo ? `${sim}/graph/v1.0` : 'https://graph.microsoft.com/v1.0')
      ).replace(/\/$/, ''),
      authorityHost: (
        get('MARAC_AUTHORITY_HOST') ?? (demo ? `${sim}/entra` : 'https://login.microsoftonline.com')
      ).replace(/\/$/, ''),
    },
    bot: {
      ...botConfig(get, { demo, sim, tenantId: get('MARAC_APP_TENANT_ID') ?? DEMO_TENANT_ID }),
      trustedServiceUrls: (values.MARAC_TRUSTED_SERVICE_URLS as string[] | undefined) ?? [],
    },
    mailbox: get('MARAC_MAILBOX') ?? 'marac.coordinator@northfield-council.example',
    sharePointDriveId: get('MARAC_SHAREPOINT_DRIVE_ID') ?? (demo ? 'sim-drive-marac' : null),
    callingWebhookUrl: get('MARAC_CALLING_WEBHOOK_URL') ?? `${publicUrl}/api/calling`,
    callingAuth: {
      openIdMetadataUrl:
        get('MARAC_CALLING_OPENID_METADATA_URL') ??
        (demo && get('MARAC_BOT_AUTH') === 'on'
          ? `${sim}/aps/v1/.well-known/OpenIdConfiguration`
          : 'https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration'),
      issuers:
        (values.MARAC_CALLING_TOKEN_ISSUERS as string[] | undefined) ??
        (demo && get('MARAC_BOT_AUTH') === 'on'
          ? [`${sim}/aps`]
          : ['https://graph.microsoft.com', 'https://api.botframework.com']),
    },
    attendance: {
      reconcileDelaySeconds: (values.MARAC_RECONCILE_DELAY_SECONDS as number | undefined) ?? 120,
    },
  };
  return deepFreeze(config);
}

/**
 * Bot Framework authentication and endpoints (PLATFORM.md §9). Demo mode runs with it off by
 * default (no MicrosoftAppId reaches botbuilder, as the Agents Playground needs); with
 * MARAC_BOT_AUTH=on the demo bot checks channel tokens signed by the simulated tenant's Bot
 * Framework key, and its endpoints default to the simulator's.
 */
function botConfig(
  get: (name: SettingName) => string | undefined,
  demo: { demo: boolean; sim: string; tenantId: string },
): Omit<Config['bot'], 'trustedServiceUrls'> {
  const simulated = demo.demo && get('MARAC_BOT_AUTH') === 'on';
  const fallback = (real: string, simulator: string) => (simulated ? simulator : real);
  return {
    authEnabled: demo.demo ? simulated : true,
    openIdMetadataUrl:
      get('MARAC_BOT_OPENID_METADATA_URL') ??
      fallback(
        'https://login.botframework.com/v1/.well-known/openidconfiguration',
        `${demo.sim}/botframework/v1/.well-known/openidconfiguration`,
      ),
    tokenIssuer:
      get('MARAC_BOT_TOKEN_ISSUER') ??
      fallback('https://api.botframework.com', `${demo.sim}/botframework`),
    loginUrl:
      get('MARAC_BOT_LOGIN_URL') ??
      fallback(
        'https://login.microsoftonline.com/botframework.com',
        `${demo.sim}/entra/${demo.tenantId}`,
      ),
    oauthScope: get('MARAC_BOT_OAUTH_SCOPE') ?? 'https://api.botframework.com',
    oauthUrl:
      get('MARAC_BOT_OAUTH_URL') ??
      fallback('https://api.botframework.com', `${demo.sim}/botframework`),
    emulatorOpenIdMetadataUrl:
      get('MARAC_BOT_EMULATOR_OPENID_METADATA_URL') ??
      fallback(
        'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
        `${demo.sim}/entra/${demo.tenantId}/v2.0/.well-known/openid-configuration`,
      ),
    callerId: get('MARAC_BOT_CALLER_ID') ?? 'urn:botframework:azure',
  };
}

/** v2 tokens carry the client id; v1 tokens the Application ID URI (PLATFORM.md §8). */
function defaultAudiences(publicUrl: string, appId: string | null): string[] {
  if (!appId) return [];
  const host = new URL(publicUrl).host;
  return [appId, `api://${host}/${appId}`, `api://${host}/botid-${appId}`];
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Unknown MARAC_* keys, and near-misses of the unprefixed ones, with a "did you mean". */
function unknownKeyProblems(env: Record<string, string | undefined>): string[] {
  const known = Object.keys(SETTINGS);
  const problems: string[] = [];
  for (const key of Object.keys(env)) {
    if (key in SETTINGS) continue;
    const prefixed = key.startsWith('MARAC_');
    const nearUnprefixed = NEAR_MISS_CHECKED.some((name) => editDistance(key, name) <= 2);
    if (!prefixed && !nearUnprefixed) continue;
    const best = known
      .map((name) => ({ name, distance: editDistance(key, name) }))
      .sort((a, b) => a.distance - b.distance)[0];
    const hint =
      best && best.distance <= Math.max(3, Math.floor(key.length / 4))
        ? ` Did you mean ${best.name}?`
        : '';
    problems.push(`${key} is not a Virtual MARAC setting.${hint} Remove it or correct its name.`);
  }
  return problems;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = dp[0] as number;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = dp[j] as number;
      dp[j] = Math.min(
        current + 1,
        (dp[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return dp[b.length] as number;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
