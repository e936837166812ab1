import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_TEXT } from '../../bot/marac-bot.js';
import { message } from '../../graph/simulator/bot-connector/activities.js';
import { ChannelTokenIssuer } from '../../graph/simulator/bot-connector/channel-issuer.js';
import { type BotChannel, botChannel, type TestMeeting } from '../support/bot-channel.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('/api/messages with Bot Framework authentication on (simulated channel)', () => {
  let app: TestApp;
  let channel: BotChannel;
  let meeting: TestMeeting;
  beforeAll(async () => {
    app = await startTestApp({ env: { MARAC_BOT_AUTH: 'on' } });
    channel = botChannel(app);
    meeting = await channel.meeting();
  });
  afterAll(() => app.close());

  const hello = () =>
    message(channel.ctx, channel.user('chair'), channel.conversation(meeting), 'hello');
  const replies = () => channel.posted(meeting.chatThreadId).filter((a) => a.text === HELP_TEXT);

  it('accepts a channel token signed by the simulator’s key, and replies through the connector with the bot’s own token', async () => {
    const before = replies().length;
    const res = await channel.send(hello());
    expect(res.status).toBe(200);
    expect(replies()).toHaveLength(before + 1);
    // The connector only takes calls with a valid bot token here (anonymous is off).
    expect(app.composition.microsoft.simulator?.connectorAllowsAnonymous).toBe(false);
    expect(replies().at(-1)).toMatchObject({ type: 'message', replyToId: expect.any(String) });
    expectNoPersonalData(JSON.stringify(channel.posted(meeting.chatThreadId)), 'the bot’s replies');
  });

  it.each([
    [
      'expired',
      async (a: ReturnType<typeof hello>) =>
        channel.client.token(a, { now: new Date(Date.now() - 3 * 3600_000) }),
    ],
    [
      'for another audience',
      async (a: ReturnType<typeof hello>) =>
        channel.client.token(a, { audience: '11111111-2222-4333-8444-555555555555' }),
    ],
    [
      'from another issuer',
      async (a: ReturnType<typeof hello>) =>
        channel.client.token(a, { issuer: 'https://api.botframework.example' }),
    ],
    [
      'for another service URL',
      async (a: ReturnType<typeof hello>) =>
        channel.client.token(a, { serviceUrl: 'https://smba.trafficmanager.net/uk/' }),
    ],
    [
      'signed by another key',
      async (a: ReturnType<typeof hello>) => {
        const forger = await ChannelTokenIssuer.create({
          issuer: channel.simulator.channel.issuer,
        });
        return channel.client.token(a, { signer: forger });
      },
    ],
    ['missing', async () => null],
  ])('refuses a token that is %s, and the bot does nothing', async (_why, forge) => {
    const before = channel.posted(meeting.chatThreadId).length;
    const activity = hello();
    const res = await channel.send(activity, { token: await forge(activity) });
    expect(res.status).toBe(401);
    expect(channel.posted(meeting.chatThreadId)).toHaveLength(before);
  });

  it.each([
    ['malformed JSON', '{"type": "message", ', 400, 'MALFORMED_JSON'],
    ['an activity without a type', JSON.stringify({ text: 'hi' }), 400, 'VALIDATION_FAILED'],
    ['a type that is not a string', JSON.stringify({ type: 7 }), 400, 'VALIDATION_FAILED'],
    [
      'a body larger than the limit',
      JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])('answers %s with %i, never a crash', async (_why, body, status, code) => {
    const res = await channel.send(body, { token: null });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error: { code } });
  });

  it('answers other methods with 405', async () => {
    const res = await fetch(`${app.url}/api/messages`);
    expect(res.status).toBe(405);
  });
});

describe('/api/messages in demo mode with authentication off (as the Agents Playground needs)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('accepts an unsigned activity and replies to the connector without a token', async () => {
    const channel = botChannel(app);
    const meeting = await channel.meeting();
    const res = await channel.message('police-rep', 'what is this?', meeting);
    expect(res.status).toBe(200);
    expect(channel.posted(meeting.chatThreadId).map((a) => a.text)).toEqual([HELP_TEXT]);
  });
});
