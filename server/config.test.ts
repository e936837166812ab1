import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_APP_ID, loadConfig, SETTINGS } from './config.js';

const load = (env: Record<string, string>) =>
  loadConfig(env, { cwd: '/srv/marac', version: '1.2.3' });
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

const production = {
  MARAC_APP_ID: '11111111-2222-4333-8444-555555555555',
  MARAC_APP_TENANT_ID: '66666666-7777-4888-9999-000000000000',
  MARAC_APP_PASSWORD: 'secret-value',
  MARAC_PUBLIC_URL: 'https://marac.northfield.example',
  MARAC_TEAMS_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  MARAC_MAILBOX: 'marac@northfield.example',
  DATABASE_URL: 'postgres://marac@db.example:5432/marac',
};

describe('loadConfig', () => {
  it('chooses demo mode, the embedded database and loopback when no Microsoft credentials are set', () => {
    const config = load({});
    expect(config.mode).toBe('demo');
    expect(config.http).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:3978',
    });
    expect(config.database).toEqual({ driver: 'pglite', dataDir: '/srv/marac/data/pglite' });
    expect(config.microsoft.appId).toBe(DEMO_APP_ID);
    expect(config.microsoft.graphBaseUrl).toBe('http://127.0.0.1:3978/sim/graph/v1.0');
    expect(config.bot.authEnabled).toBe(false);
    expect(Object.isFrozen(config.microsoft)).toBe(true);
  });

  it('chooses production mode with Microsoft credentials and the pg driver', () => {
    const config = load(production);
    expect(config.mode).toBe('production');
    expect(config.database).toEqual({ driver: 'pg', url: production.DATABASE_URL });
    expect(config.microsoft.graphBaseUrl).toBe('https://graph.microsoft.com/v1.0');
    expect(config.bot.authEnabled).toBe(true);
  });

  it('verifies calling notifications against Graph calling’s own OpenID configuration, not the Bot Framework channel’s', () => {
    // Microsoft's documented values (Teams "Incoming call notifications"; the Graph comms
    // samples' AuthenticationProvider accepts these two issuers).
    const config = load(production);
    expect(config.callingAuth).toEqual({
      openIdMetadataUrl: 'https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration',
      issuers: ['https://graph.microsoft.com', 'https://api.botframework.com'],
    });
    expect(config.callingAuth.openIdMetadataUrl).not.toBe(config.bot.openIdMetadataUrl);
    const overridden = load({
      ...production,
      MARAC_CALLING_OPENID_METADATA_URL: 'https://calling.example/.well-known/openid',
      MARAC_CALLING_TOKEN_ISSUERS: 'https://a.example, https://b.example',
    });
    expect(overridden.callingAuth).toEqual({
      openIdMetadataUrl: 'https://calling.example/.well-known/openid',
      issuers: ['https://a.example', 'https://b.example'],
    });
    const simulated = load({ MARAC_BOT_AUTH: 'on' });
    expect(simulated.callingAuth).toEqual({
      openIdMetadataUrl: 'http://127.0.0.1:3978/sim/aps/v1/.well-known/OpenIdConfiguration',
      issuers: ['http://127.0.0.1:3978/sim/aps'],
    });
  });

  it('reports every bad key at once, saying what to do', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://nope',
      MARAC_PUBLIC_URL: 'not a url',
    });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('PORT='))).toMatch(
      /must be a number.*e\.g\. PORT=3978/,
    );
    expect(problems.find((p) => p.startsWith('DATABASE_URL='))).toMatch(/postgres:\/\//);
    expect(problems.find((p) => p.startsWith('DATABASE_URL='))).toContain('(hidden)');
    expect(problems.find((p) => p.startsWith('MARAC_PUBLIC_URL='))).toMatch(/absolute URL/);
  });

  it('suggests the right name for a mistyped setting', () => {
    const problems = problemsOf({ MARAC_MAILBX: 'x@example.org', DATABSE_URL: 'postgres://x' });
    expect(problems).toContain(
      'MARAC_MAILBX is not a Virtual MARAC setting. Did you mean MARAC_MAILBOX? Remove it or correct its name.',
    );
    expect(
      problems.some((p) => p.startsWith('DATABSE_URL') && p.includes('Did you mean DATABASE_URL?')),
    ).toBe(true);
  });

  it('ignores ordinary environment variables', () => {
    expect(() =>
      load({ HOME: '/root', PWD: '/srv', PATH: '/bin', NODE_ENV: 'test', TERM: 'xterm' }),
    ).not.toThrow();
  });

  it('lists every missing production setting', () => {
    const problems = problemsOf({ MARAC_APP_ID: production.MARAC_APP_ID });
    for (const name of ['MARAC_APP_TENANT_ID', 'MARAC_PUBLIC_URL', 'MARAC_MAILBOX', 'DATABASE_URL'])
      expect(problems.some((p) => p.startsWith(`${name} is required`))).toBe(true);
    expect(
      problems.some((p) => p.includes('MARAC_APP_PASSWORD, or MARAC_APP_CERT_THUMBPRINT')),
    ).toBe(true);
  });

  it('waits two minutes before reconciling attendance unless told otherwise (A-04)', () => {
    expect(load({}).attendance.reconcileDelaySeconds).toBe(120);
    expect(load({ MARAC_RECONCILE_DELAY_SECONDS: '35' }).attendance.reconcileDelaySeconds).toBe(35);
    expect(problemsOf({ MARAC_RECONCILE_DELAY_SECONDS: 'soon' }).join('\n')).toMatch(
      /MARAC_RECONCILE_DELAY_SECONDS.*number of seconds/,
    );
    expect(problemsOf({ MARAC_RECONCILE_DELAY_SECONDS: '-5' }).join('\n')).toMatch(
      /MARAC_RECONCILE_DELAY_SECONDS.*between 0 and 86400/,
    );
  });

  it('starts without the Teams catalog id, which is only known after publishing', () => {
    const { MARAC_TEAMS_APP_ID: _known, ...beforePublishing } = production;
    expect(load(beforePublishing).microsoft.teamsAppId).toBeNull();
  });

  it('refuses plain http and a secret with a managed identity in production', () => {
    expect(problemsOf({ ...production, MARAC_PUBLIC_URL: 'http://marac.example' })).toEqual([
      expect.stringContaining('must use https://'),
    ]);
    expect(problemsOf({ ...production, MARAC_APP_TYPE: 'UserAssignedMSI' })).toEqual([
      'MARAC_APP_PASSWORD must be empty when MARAC_APP_TYPE=UserAssignedMSI.',
      'MARAC_MANAGED_IDENTITY_CLIENT_ID is required when MARAC_APP_TYPE=UserAssignedMSI.',
    ]);
  });

  it('adds trusted Bot Connector URLs, https only in production', () => {
    const extra = 'https://smba.example-sovereign-cloud.net/';
    expect(
      load({ ...production, MARAC_TRUSTED_SERVICE_URLS: extra }).bot.trustedServiceUrls,
    ).toEqual([extra]);
    expect(load({}).bot.trustedServiceUrls).toEqual([]);
    expect(
      problemsOf({ ...production, MARAC_TRUSTED_SERVICE_URLS: 'http://connector.example/' }),
    ).toEqual([expect.stringMatching(/MARAC_TRUSTED_SERVICE_URLS must list https/)]);
  });

  it('keeps demo mode on loopback, because it runs the bot without Bot Framework auth', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })).toEqual([
      expect.stringContaining('not a loopback address'),
    ]);
    expect(() => load({ ...production, HOST: '0.0.0.0' })).not.toThrow();
  });

  it('declares a description and an example for every setting', () => {
    for (const [name, setting] of Object.entries(SETTINGS)) {
      expect(setting.description, name).not.toBe('');
      expect(setting.example, name).not.toBe('');
    }
  });
});
