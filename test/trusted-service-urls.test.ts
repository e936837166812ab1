import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BotHttpAdapter, createBotAdapter } from '../bot/adapter.js';
import { BotMeetingChat } from '../bot/bot-meeting-chat.js';
import { MaracBot } from '../bot/marac-bot.js';
import { botMessagesRoute } from '../bot/messages-route.js';
import type { ConversationRef } from '../core/ports/meeting-chat.js';
import { errorMiddleware } from '../server/http/error-middleware.js';
import { createLogger } from '../server/logger.js';

/**
 * The bot sends nothing to a serviceUrl off its trusted list. A stand-in Bot Connector on
 * loopback records every call it gets: trusted, it receives the bot's reply (so this test can
 * see a reply when one is sent); untrusted, it receives nothing, and a warning names the host.
 */
let connector: Server;
let connectorUrl: string;
const calls: string[] = [];
const warnings: object[] = [];

beforeAll(async () => {
  connector = createServer((req: IncomingMessage, res) => {
    calls.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"reply-1"}');
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/connector/`;
});
afterAll(() => new Promise((resolve) => connector.close(resolve)));
beforeEach(() => {
  calls.length = 0;
  warnings.length = 0;
});

function adapter(trusted: string[]): BotHttpAdapter {
  const unused = 'https://endpoint.invalid';
  return createBotAdapter({
    authEnabled: false,
    appId: null,
    tenantId: null,
    appType: 'SingleTenant',
    endpoints: {
      openIdMetadataUrl: unused,
      tokenIssuer: unused,
      loginUrl: unused,
      oauthScope: unused,
      oauthUrl: unused,
      emulatorOpenIdMetadataUrl: unused,
      callerId: 'urn:botframework:azure',
    },
    tokens: null,
    trustedServiceUrls: trusted,
    log: { error: () => undefined, warn: (details) => void warnings.push(details) },
  });
}

async function post(trusted: string[], serviceUrl: string) {
  const bot = new MaracBot(); // answers any chat message with its help text
  const app = express();
  app.use(express.json());
  app.use(
    '/api/messages',
    botMessagesRoute({
      adapter: adapter(trusted),
      bot,
      log: { warn: () => undefined },
      allowedTenants: [],
      tenantOptional: true,
    }),
  );
  app.use(errorMiddleware(createLogger({ level: 'silent' })));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    return await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'activity-1',
        channelId: 'msteams',
        serviceUrl,
        text: 'Case 2024-117 about Jane Example',
        from: { id: '29:user' },
        recipient: { id: '28:bot' },
        conversation: { id: '19:meeting_abc@thread.v2' },
      }),
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function storedRef(): ConversationRef {
  const conversationId = '19:meeting_abc@thread.v2';
  return {
    conversationId,
    serviceUrl: connectorUrl,
    tenantId: null,
    raw: {
      channelId: 'msteams',
      serviceUrl: connectorUrl,
      conversation: { id: conversationId },
      bot: { id: '28:bot' },
    },
  };
}

describe('replies go only to trusted Bot Connector hosts', () => {
  it('replies through a connector on the trusted list', async () => {
    const res = await post([connectorUrl], connectorUrl);
    expect(res.status).toBe(200);
    expect(calls).toEqual([
      'POST /connector/v3/conversations/19%3Ameeting_abc%40thread.v2/activities/activity-1',
    ]);
    expect(warnings).toEqual([]);
  });

  it('sends nothing to an untrusted serviceUrl, answers 403 and logs the host alone', async () => {
    const res = await post([], connectorUrl);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect(calls).toEqual([]);
    expect(warnings).toEqual([
      { serviceUrlHost: new URL(connectorUrl).host, activityType: 'message' },
    ]);
    expect(JSON.stringify(warnings)).not.toMatch(/Jane|2024-117|meeting_abc/);
  });

  it('posts nothing through a stored conversation reference naming an untrusted host', async () => {
    const chat = new BotMeetingChat(adapter([]), '');
    await expect(
      chat.postCard(storedRef(), { type: 'AdaptiveCard', version: '1.5' }),
    ).rejects.toThrow(/not on the trusted list/);
    expect(calls).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('posts through a stored reference when its host is trusted', async () => {
    const chat = new BotMeetingChat(adapter([connectorUrl]), '');
    await expect(
      chat.postCard(storedRef(), { type: 'AdaptiveCard', version: '1.5' }),
    ).resolves.toEqual({ activityId: 'reply-1' });
    expect(calls).toHaveLength(1);
  });
});
