import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import { exchangeId, parseBody, recipient, type SimContext, userOr404 } from '../sim-context.js';
import { badRequest, page, type SimRequest, type SimRoute } from '../sim-route.js';
import type { InboxMessage, SentMessage } from '../tenant-state.js';

/** Exchange conversation ids look like `AAQkAD...=` (Graph's message-get example). */
export const conversationId = () => `AAQkAG${randomBytes(24).toString('base64url')}=`;
export const internetMessageId = (domain: string) =>
  `<${randomBytes(12).toString('hex').toUpperCase()}@${domain}>`;

/**
 * `POST /users/{id}/sendMail` and the Sent Items folder (PLATFORM.md §6). Accepted mail goes
 * to the outbox that /sim/outbox and tests read; with saveToSentItems (Graph's default) a copy
 * is findable in Sent Items by a single-value extended property, as Exchange allows.
 */
const header = z.object({
  name: z
    .string()
    .regex(/^x-/i, "The internet message header name should start with 'x-' or 'X-'."),
  value: z.string().max(998),
});
const extendedProperty = z.object({
  id: z.string().regex(/^String (\{[0-9a-f-]{36}\} Name \S+|0x[0-9a-f]{4})$/i),
  value: z.string(),
});
const sendMailBody = z.object({
  message: z.object({
    subject: z.string().default(''),
    body: z
      .object({ contentType: z.string().regex(/^(text|html)$/i), content: z.string() })
      .default({ contentType: 'text', content: '' }),
    toRecipients: z.array(recipient).default([]),
    ccRecipients: z.array(recipient).default([]),
    bccRecipients: z.array(recipient).default([]),
    internetMessageHeaders: z.array(header).max(20).default([]),
    singleValueExtendedProperties: z.array(extendedProperty).default([]),
  }),
  // Graph's own sample sends the string "false"; both forms are accepted.
  saveToSentItems: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .default(true),
});

const EXTENDED_FILTER =
  /^singleValueExtendedProperties\/any\(ep:\s*ep\/id eq '([^']+)' and ep\/value eq '((?:[^']|'')*)'\)$/i;

export function mailRoutes(ctx: SimContext): SimRoute[] {
  return [
    {
      call: 'POST /users/{id}/sendMail',
      permissions: ['Mail.Send'],
      mailbox: 'id',
      handle: async (req) => {
        const sender = await userOr404(ctx, req.params.id as string, 'exchange');
        const { message, saveToSentItems } = parseBody(sendMailBody, req.body);
        const all = [...message.toRecipients, ...message.ccRecipients, ...message.bccRecipients];
        if (all.length === 0)
          throw badRequest(
            'At least one recipient is not valid., A message can only be submitted if it has at least one recipient.',
            'ErrorInvalidRecipients',
          );
        ctx.store.state.messages.push({
          id: exchangeId(),
          mailboxId: sender.id,
          from: sender.mail,
          kind: 'mail',
          to: message.toRecipients.map((r) => r.emailAddress),
          cc: message.ccRecipients.map((r) => r.emailAddress),
          subject: message.subject,
          bodyContentType: message.body.contentType.toLowerCase() as 'html' | 'text',
          body: message.body.content,
          internetMessageHeaders: message.internetMessageHeaders,
          singleValueExtendedProperties: message.singleValueExtendedProperties,
          sentAt: req.now.toISOString(),
          savedToSentItems: saveToSentItems,
          conversationId: conversationId(),
          internetMessageId: internetMessageId(sender.mail.split('@')[1] ?? 'example.com'),
        });
        ctx.store.changed();
        return { status: 202 };
      },
    },
    {
      call: 'GET /users/{id}/mailFolders/sentitems/messages',
      permissions: ['Mail.Read', 'Mail.ReadWrite'],
      mailbox: 'id',
      handle: async (req) => {
        const owner = await userOr404(ctx, req.params.id as string, 'exchange');
        const saved = ctx.store.state.messages.filter(
          (m) => m.mailboxId === owner.id && m.savedToSentItems,
        );
        const matching = filterMessages(saved, req);
        const path = `/users/${encodeURIComponent(req.params.id as string)}/mailFolders/sentitems/messages`;
        return { status: 200, body: page(matching.map(toGraphMessage), req, path, 10) };
      },
    },
    {
      // https://learn.microsoft.com/en-us/graph/api/mailfolder-list-messages (Inbox is a
      // well-known folder name). $filter on receivedDateTime, $orderby, $select (uniqueBody only
      // when selected, as Graph), and `Prefer: outlook.body-content-type="text"` as message-get
      // documents it.
      call: 'GET /users/{id}/mailFolders/inbox/messages',
      permissions: ['Mail.Read', 'Mail.ReadWrite', 'Mail.ReadBasic.All'],
      mailbox: 'id',
      handle: async (req) => {
        const owner = await userOr404(ctx, req.params.id as string, 'exchange');
        const since = receivedSince(req.query.get('$filter'));
        const orderBy = (req.query.get('$orderby') ?? 'receivedDateTime desc').trim();
        if (!/^receivedDateTime( (asc|desc))?$/i.test(orderBy))
          throw badRequest(`The simulator orders the inbox by receivedDateTime only.`);
        const asc = !/desc$/i.test(orderBy);
        const items = ctx.store.state.inbox
          .filter((m) => m.mailboxId === owner.id && (!since || m.receivedAt >= since))
          .sort((a, b) => (asc ? 1 : -1) * a.receivedAt.localeCompare(b.receivedAt));
        const text = /outlook\.body-content-type="?text"?/i.test(String(req.headers.prefer ?? ''));
        const select = new Set(
          (req.query.get('$select') ?? '')
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
        );
        const path = `/users/${encodeURIComponent(req.params.id as string)}/mailFolders/inbox/messages`;
        const body = page(
          items.map((m) => toInboxMessage(m, { text, select })),
          req,
          path,
          10,
        );
        return {
          status: 200,
          body,
          ...(text
            ? { headers: { 'Preference-Applied': 'outlook.body-content-type="text"' } }
            : {}),
        };
      },
    },
  ];
}

/** `receivedDateTime ge 2026-11-02T09:00:00Z` (OData DateTimeOffset literals are unquoted). */
function receivedSince(filter: string | null): string | null {
  if (!filter) return null;
  const m = /^receivedDateTime ge (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)$/i.exec(
    filter.trim(),
  );
  if (!m)
    throw badRequest(
      'Invalid filter clause: this simulator supports only receivedDateTime ge <instant>.',
      'ErrorInvalidUrlQueryFilter',
    );
  return new Date(m[1] as string).toISOString();
}

const stripHtml = (html: string) =>
  html
    .replace(/<br\s*\/?>/gi, '\r\n')
    .replace(/<\/(p|div|tr)>/gi, '\r\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

function toInboxMessage(m: InboxMessage, o: { text: boolean; select: Set<string> }) {
  const address = (r: { address: string; name?: string }) => ({
    emailAddress: { address: r.address, name: r.name ?? r.address },
  });
  const body = (html: string) =>
    o.text
      ? { contentType: 'text', content: stripHtml(html) }
      : { contentType: 'html', content: html };
  const full: Record<string, unknown> = {
    id: m.id,
    receivedDateTime: m.receivedAt,
    sentDateTime: m.sentAt,
    hasAttachments: false,
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    bodyPreview: stripHtml(m.uniqueBody).slice(0, 255),
    conversationId: m.conversationId,
    isRead: false,
    isDraft: false,
    body: body(m.body),
    sender: address(m.from),
    from: address(m.from),
    toRecipients: m.to.map(address),
    ccRecipients: [],
  };
  if (o.select.size === 0) return full;
  const picked: Record<string, unknown> = { id: m.id };
  for (const key of o.select)
    if (key === 'uniqueBody') picked.uniqueBody = body(m.uniqueBody);
    else if (key in full) picked[key] = full[key];
  return picked;
}

function filterMessages(messages: SentMessage[], req: SimRequest): SentMessage[] {
  const filter = req.query.get('$filter');
  if (!filter) return [...messages].reverse();
  const found = EXTENDED_FILTER.exec(filter.trim());
  if (!found)
    throw badRequest(
      `Invalid filter clause: this simulator supports only singleValueExtendedProperties/Any(...).`,
      'ErrorInvalidUrlQueryFilter',
    );
  const [, id, value] = found as unknown as [string, string, string];
  const wanted = value.replace(/''/g, "'").toLowerCase(); // Exchange compares values case-insensitively
  return messages.filter((m) =>
    m.singleValueExtendedProperties.some(
      (p) => p.id.toLowerCase() === id.toLowerCase() && p.value.toLowerCase() === wanted,
    ),
  );
}

function toGraphMessage(m: SentMessage) {
  const address = (r: { address: string; name?: string }) => ({
    emailAddress: { address: r.address, name: r.name ?? r.address },
  });
  return {
    id: m.id,
    subject: m.subject,
    sentDateTime: m.sentAt,
    from: address({ address: m.from }),
    toRecipients: m.to.map(address),
    ccRecipients: m.cc.map(address),
    isDraft: false,
    ...(m.conversationId ? { conversationId: m.conversationId } : {}),
    ...(m.internetMessageId ? { internetMessageId: m.internetMessageId } : {}),
  };
}
