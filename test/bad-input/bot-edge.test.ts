import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, message } from '../../graph/simulator/bot-connector/activities.js';
import { type BotChannel, botChannel, type TestMeeting } from '../support/bot-channel.js';
import { captureLog } from '../support/capture-log.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The bot's edge: activities from another Entra tenant are refused before any handler runs
 * (people are known by object id, unique only within a tenant), and an invoke the bot does not
 * know is a 4xx, not 501; nothing logged at error level.
 */
const OTHER_TENANT = '7a1c0b5e-0000-4000-8000-00000000beef';

for (const auth of ['off', 'on'] as const) {
  describe(`the bot’s edge (Bot Framework authentication ${auth})`, () => {
    const logs = captureLog();
    let app: TestApp;
    let channel: BotChannel;
    let meeting: TestMeeting;
    beforeAll(async () => {
      app = await startTestApp({ env: { MARAC_BOT_AUTH: auth }, log: logs.log });
      channel = botChannel(app);
      meeting = await channel.meeting();
    }, 120_000);
    afterAll(() => app?.close());

    const hello = (ctx = channel.ctx) =>
      message(ctx, channel.user('chair'), channel.conversation(meeting), 'hello');

    it('answers an activity from its own tenant', async () => {
      const res = await channel.send(hello());
      expect(res.status).toBe(200);
    });

    it('refuses an activity from another tenant, and the bot does nothing', async () => {
      const before = channel.posted(meeting.chatThreadId).length;
      for (const activity of [
        hello({ ...channel.ctx, tenantId: OTHER_TENANT }),
        // channelData says ours, the conversation says another: refused too.
        {
          ...hello(),
          conversation: { ...(hello().conversation as object), tenantId: OTHER_TENANT },
        },
      ]) {
        const res = await channel.send(activity);
        expect(res.status).toBe(403);
      }
      expect(channel.posted(meeting.chatThreadId)).toHaveLength(before);
      expect(logs.errors()).toEqual([]);
    });

    it('refuses an activity nested thousands deep with 400 before any handler runs', async () => {
      const before = channel.posted(meeting.chatThreadId).length;
      const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
      const body = JSON.stringify({ ...hello(), value: '@@' }).replace('"@@"', deep);
      const res = await channel.send(body);
      expect(res.status).toBe(400);
      expect(channel.posted(meeting.chatThreadId)).toHaveLength(before);
      expect(logs.errors()).toEqual([]);
    });

    it('answers an invoke it does not know with a 4xx, not 501', async () => {
      const activity = invoke(
        channel.ctx,
        channel.user('chair'),
        channel.conversation(meeting),
        'no/such-invoke',
        {},
      );
      const res = await channel.send(activity);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(logs.errors()).toEqual([]);
    });
  });
}

describe('the bot’s edge in production-style settings', () => {
  it('refuses an activity without a tenant when authentication is on', async () => {
    const app = await startTestApp({ env: { MARAC_BOT_AUTH: 'on' } });
    try {
      const channel = botChannel(app);
      const meeting = await channel.meeting();
      const activity = message(
        channel.ctx,
        channel.user('chair'),
        channel.conversation(meeting),
        'hello',
      );
      delete (activity as { channelData?: unknown }).channelData;
      delete (activity.conversation as { tenantId?: unknown }).tenantId;
      const res = await channel.send(activity);
      expect(res.status).toBe(403);
    } finally {
      await app.close();
    }
  }, 120_000);
});
