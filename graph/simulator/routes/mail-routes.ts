import { z } from 'zod';
import { exchangeId, parseBody, recipient, type SimContext, userOr404 } from '../sim-context.js';
import { badRequest, page, type SimRequest, type SimRoute } from '../sim-route.js';
import type { SentMessage } from '../tenant-state.js';

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
  ];
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
  };
}
