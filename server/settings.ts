import { z } from 'zod';

/**
 * Every setting Virtual MARAC reads, declared once: its schema, what it is for, whether a
 * production deployment must set it (infra/ Bicep coverage is tested against this table) and an
 * example. server/config.ts reads the environment against it; nothing else does.
 */
export type Need = 'required' | 'optional' | 'demo-only';

export interface Setting {
  schema: z.ZodType;
  description: string;
  /** Whether a production deployment must set it (the Bicep coverage test reads this). */
  production: Need;
  secret?: boolean;
  example: string;
}

const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');
const url = z.url({ error: 'must be an absolute URL such as https://example.org' });
const httpUrl = url.refine((v) => /^https?:\/\//.test(v), 'must start with http:// or https://');
const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const postgresUrl = z.string().refine((v) => {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}, 'must be a postgres:// or postgresql:// connection URL');
const email = z.email({ error: 'must be an e-mail address' });
const csv = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

export const SETTINGS = {
  PORT: { schema: port, description: 'HTTP port', production: 'optional', example: '3978' },
  HOST: {
    schema: z.string().min(1),
    description: 'Address to bind; demo mode must stay on loopback',
    production: 'optional',
    example: '127.0.0.1',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    description: 'pino log level',
    production: 'optional',
    example: 'info',
  },
  DATABASE_URL: {
    schema: postgresUrl,
    description: 'PostgreSQL server; when unset, the embedded PGlite database in MARAC_DATA_DIR',
    production: 'required',
    secret: true,
    example: 'postgres://marac@db.example:5432/marac?sslmode=require',
  },
  MARAC_MODE: {
    schema: z.enum(['demo', 'production']),
    description: 'Force a mode; by default demo when no Microsoft credentials are set',
    production: 'optional',
    example: 'production',
  },
  MARAC_DATA_DIR: {
    schema: z.string().min(1),
    description: 'Embedded database and local keys directory (created on first start)',
    production: 'optional',
    example: './data',
  },
  MARAC_PUBLIC_URL: {
    schema: httpUrl,
    description: 'Public base URL of this service (deep links in mail, tab URLs, webhooks)',
    production: 'required',
    example: 'https://marac.northfield.example',
  },
  MARAC_APP_ID: {
    schema: guid,
    description: 'Entra app (client) id of the bot and tab API',
    production: 'required',
    example: '00000000-0000-0000-0000-000000000000',
  },
  MARAC_APP_TENANT_ID: {
    schema: guid,
    description: 'Home tenant of the app registration',
    production: 'required',
    example: '00000000-0000-0000-0000-000000000000',
  },
  MARAC_APP_TYPE: {
    schema: z.enum(['SingleTenant', 'UserAssignedMSI']),
    description: 'Bot identity type (multi-tenant bots are deprecated, PLATFORM.md §9)',
    production: 'optional',
    example: 'SingleTenant',
  },
  MARAC_APP_PASSWORD: {
    schema: z.string().min(1),
    description: 'Client secret (or use a certificate, or UserAssignedMSI)',
    production: 'optional',
    secret: true,
    example: '(from Key Vault)',
  },
  MARAC_APP_CERT_THUMBPRINT: {
    schema: z.string().regex(/^[0-9A-Fa-f]{40}$/, 'must be a 40-character SHA-1 thumbprint'),
    description: 'Certificate thumbprint for app-only tokens',
    production: 'optional',
    example: '0123456789ABCDEF0123456789ABCDEF01234567',
  },
  MARAC_APP_CERT_KEY_PATH: {
    schema: z.string().min(1),
    description: 'PEM private key file of that certificate',
    production: 'optional',
    secret: true,
    example: '/var/secrets/marac.pem',
  },
  MARAC_MANAGED_IDENTITY_CLIENT_ID: {
    schema: guid,
    description: 'Client id of the user-assigned managed identity (UserAssignedMSI)',
    production: 'optional',
    example: '00000000-0000-0000-0000-000000000000',
  },
  MARAC_ALLOWED_TENANTS: {
    schema: csv(guid),
    description: 'Tenants whose users may sign in to the tab (guest agencies use the host tenant)',
    production: 'optional',
    example: 'tenant-guid-1,tenant-guid-2',
  },
  MARAC_TRUSTED_SERVICE_URLS: {
    schema: csv(httpUrl),
    description:
      'Bot Connector service URLs the bot may reply to besides Microsoft’s public and government cloud hosts',
    production: 'optional',
    example: 'https://smba.example-sovereign-cloud.net/',
  },
  MARAC_TAB_AUDIENCE: {
    schema: csv(z.string().min(1)),
    description: 'Accepted `aud` values of tab SSO tokens (Application ID URI and/or client id)',
    production: 'optional',
    example: 'api://marac.northfield.example/00000000-0000-0000-0000-000000000000',
  },
  MARAC_TEAMS_APP_ID: {
    schema: guid,
    description:
      'Teams app catalog id (known after publishing); without it meetings are created but the app is not installed in their chats',
    production: 'optional',
    example: '00000000-0000-0000-0000-000000000000',
  },
  MARAC_GRAPH_BASE_URL: {
    schema: httpUrl,
    description: 'Microsoft Graph endpoint (sovereign clouds, test doubles)',
    production: 'optional',
    example: 'https://graph.microsoft.com/v1.0',
  },
  MARAC_AUTHORITY_HOST: {
    schema: httpUrl,
    description: 'Entra authority host (sovereign clouds, test doubles)',
    production: 'optional',
    example: 'https://login.microsoftonline.com',
  },
  MARAC_MAILBOX: {
    schema: email,
    description:
      'Licensed MARAC mailbox that organises the Teams meetings and sends circulation notices and chasers',
    production: 'required',
    example: 'marac@northfield.example',
  },
  MARAC_SHAREPOINT_DRIVE_ID: {
    schema: z.string().min(1),
    description: 'Drive id of the SharePoint library for optional case-list exports',
    production: 'optional',
    example: 'b!abc...',
  },
  MARAC_CALLING_WEBHOOK_URL: {
    schema: httpUrl,
    description: 'Calling webhook registered on the Azure Bot (camera evidence)',
    production: 'optional',
    example: 'https://marac.northfield.example/api/calling',
  },
  MARAC_CALLING_OPENID_METADATA_URL: {
    schema: httpUrl,
    description:
      'OpenID metadata whose keys sign Graph calling notifications (not the Bot Framework channel’s)',
    production: 'optional',
    example: 'https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration',
  },
  MARAC_CALLING_TOKEN_ISSUERS: {
    schema: csv(z.string().min(1)),
    description: 'Accepted issuers of calling notification tokens, comma-separated',
    production: 'optional',
    example: 'https://graph.microsoft.com,https://api.botframework.com',
  },
  MARAC_RECONCILE_DELAY_SECONDS: {
    schema: z.coerce
      .number({ error: 'must be a number of seconds' })
      .int('must be a whole number of seconds')
      .min(0, 'must be between 0 and 86400 seconds')
      .max(86400, 'must be between 0 and 86400 seconds'),
    description:
      'Seconds after a meeting ends before attendance is first reconciled with the Teams attendance report (retried with backoff until the report exists)',
    production: 'optional',
    example: '120',
  },
  MARAC_BOT_AUTH: {
    schema: z.enum(['on', 'off']),
    description:
      'Bot Framework authentication on /api/messages; only demo mode may turn it off (off by default there, for the Agents Playground)',
    production: 'optional',
    example: 'on',
  },
  MARAC_BOT_OPENID_METADATA_URL: {
    schema: httpUrl,
    description: 'Bot Framework channel OpenID metadata (ToBotFromChannelOpenIdMetadataUrl)',
    production: 'optional',
    example: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  },
  MARAC_BOT_TOKEN_ISSUER: {
    schema: z.string().min(1),
    description: 'Expected issuer of channel tokens (ToBotFromChannelTokenIssuer)',
    production: 'optional',
    example: 'https://api.botframework.com',
  },
  MARAC_BOT_LOGIN_URL: {
    schema: httpUrl,
    description: 'Token endpoint for the bot outbound token (ToChannelFromBotLoginUrl)',
    production: 'optional',
    example: 'https://login.microsoftonline.com/botframework.com',
  },
  MARAC_BOT_OAUTH_SCOPE: {
    schema: z.string().min(1),
    description: 'Scope of the bot outbound token (ToChannelFromBotOAuthScope)',
    production: 'optional',
    example: 'https://api.botframework.com',
  },
  MARAC_BOT_OAUTH_URL: {
    schema: httpUrl,
    description: 'Bot Framework OAuth API (OAuthUrl)',
    production: 'optional',
    example: 'https://api.botframework.com',
  },
  MARAC_BOT_EMULATOR_OPENID_METADATA_URL: {
    schema: httpUrl,
    description: 'Emulator OpenID metadata (ToBotFromEmulatorOpenIdMetadataUrl)',
    production: 'optional',
    example: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  },
  MARAC_BOT_CALLER_ID: {
    schema: z.string().min(1),
    description: 'CallerId stamped on inbound activities',
    production: 'optional',
    example: 'urn:botframework:azure',
  },
} satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;
