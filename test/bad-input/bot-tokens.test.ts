import { createHmac, generateKeyPairSync, createSign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../graph/simulator/bot-connector/activities.js';
import { type BotChannel, botChannel, type TestMeeting } from '../support/bot-channel.js';
import { captureLog } from '../support/capture-log.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Forged channel tokens that carry the channel key's real `kid`, so botbuilder finds the key
 * and fails later, in the signature or time checks: each is a 401, never a 500, and nothing is
 * logged at error level.
 */
const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function jwt(header: object, claims: object, sign: (input: string) => string): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${sign(input)}`;
}

describe('forged bot tokens with the channel key’s kid', () => {
  const logs = captureLog();
  let app: TestApp;
  let channel: BotChannel;
  let meeting: TestMeeting;
  let kid: string;
  let publicPem: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { MARAC_BOT_AUTH: 'on' }, log: logs.log });
    channel = botChannel(app);
    meeting = await channel.meeting();
    const jwk = channel.simulator.channel.jwks().keys[0]!;
    kid = jwk.kid as string;
    const { createPublicKey } = await import('node:crypto');
    publicPem = createPublicKey({ key: jwk as never, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
  }, 120_000);
  afterAll(() => app?.close());

  const hello = () =>
    message(channel.ctx, channel.user('chair'), channel.conversation(meeting), 'hello');

  const claims = (overrides: object = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: channel.simulator.channel.issuer,
      aud: app.config.microsoft.appId,
      serviceurl: channel.ctx.serviceUrl,
      iat: now,
      nbf: now - 300,
      exp: now + 3600,
      ...overrides,
    };
  };

  const forgeries: [string, () => string][] = [
    ['alg none', () => jwt({ alg: 'none', kid, typ: 'JWT' }, claims(), () => '')],
    [
      'HS256 signed with the public key',
      () =>
        jwt({ alg: 'HS256', kid, typ: 'JWT' }, claims(), (input) =>
          createHmac('sha256', publicPem).update(input).digest('base64url'),
        ),
    ],
    [
      'RS256 signed by another key',
      () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return jwt({ alg: 'RS256', kid, typ: 'JWT' }, claims(), (input) =>
          createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url'),
        );
      },
    ],
    [
      'not valid until tomorrow (nbf in the future)',
      () => 'SIGNED_NBF', // replaced below with a properly signed token
    ],
    ['garbage', () => 'not.a.jwt'],
  ];

  it.each(forgeries)('refuses a token that is %s with 401', async (why, forge) => {
    const before = channel.posted(meeting.chatThreadId).length;
    const activity = hello();
    let token = forge();
    if (token === 'SIGNED_NBF') {
      const tomorrow = new Date(Date.now() + 24 * 3600_000);
      token = await channel.simulator.channel.sign(
        { audience: app.config.microsoft.appId as string, serviceUrl: channel.ctx.serviceUrl },
        tomorrow,
      );
    }
    const res = await channel.send(activity, { token });
    expect(res.status, why).toBe(401);
    expect(channel.posted(meeting.chatThreadId)).toHaveLength(before);
    expect(logs.errors()).toEqual([]);
  });
});
