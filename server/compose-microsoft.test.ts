import { describe, expect, it } from 'vitest';
import { MsalTokenProvider } from '../graph/auth/msal-token-provider.js';
import type { Db } from '../store/db.js';
import { composeMicrosoft } from './compose-microsoft.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

const production = {
  MARAC_APP_ID: '11111111-2222-4333-8444-555555555555',
  MARAC_APP_TENANT_ID: '66666666-7777-4888-9999-000000000000',
  MARAC_APP_PASSWORD: 'secret-value',
  MARAC_PUBLIC_URL: 'https://marac.northfield.example',
  MARAC_TEAMS_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  MARAC_MAILBOX: 'marac@northfield.example',
  DATABASE_URL: 'postgres://marac@db.example:5432/marac',
};
const noDb = {} as Db; // production composition reads nothing at start

describe('Microsoft 365 composition and bot authentication settings', () => {
  it('in production uses msal-node against Entra and Graph, mounts no simulator, and keeps bot auth on', async () => {
    const config = loadConfig(production);
    const composed = await composeMicrosoft({
      config,
      log: createLogger({ level: 'silent' }),
      db: noDb,
    });
    expect(composed.adapters.tokens).toBeInstanceOf(MsalTokenProvider);
    expect(composed.adapters.simulator).toBeNull();
    expect(composed.features.map((f) => f.path)).toEqual(['/api/messages']);
    expect(config.bot).toMatchObject({
      authEnabled: true,
      openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      tokenIssuer: 'https://api.botframework.com',
    });
  });

  it('refuses MARAC_BOT_AUTH=off in production', () => {
    expect(() => loadConfig({ ...production, MARAC_BOT_AUTH: 'off' })).toThrow(ConfigError);
  });

  it('in demo mode turns bot auth on against the simulated channel when asked', () => {
    const on = loadConfig({ MARAC_BOT_AUTH: 'on', PORT: '4000' });
    expect(on.bot).toMatchObject({
      authEnabled: true,
      openIdMetadataUrl:
        'http://127.0.0.1:4000/sim/botframework/v1/.well-known/openidconfiguration',
      tokenIssuer: 'http://127.0.0.1:4000/sim/botframework',
    });
    expect(loadConfig({}).bot.authEnabled).toBe(false);
  });
});
