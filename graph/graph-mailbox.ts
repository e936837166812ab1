import type * as Graph from '@microsoft/microsoft-graph-types';
import type { Mailbox, ReceivedMessage } from '../core/ports/mailbox.js';
import type { GraphClient } from './graph-client.js';
import { IDEMPOTENCY_PROPERTY } from './graph-mailer.js';
import type { CallsOf, GraphPermissionNeed } from './graph-permission.js';

export const MAILBOX_NEEDS = [
  {
    permission: 'Mail.Read',
    type: 'Application',
    why: 'Replies to chasers arrive in the MARAC mailbox; the service reads its Inbox and finds each sent chaser’s conversation in Sent Items, so the coordinator sees who replied about which action.',
    calls: [
      'GET /users/{id}/mailFolders/inbox/messages',
      'GET /users/{id}/mailFolders/sentitems/messages',
    ],
    alsoRequires:
      'Scope it to the MARAC mailbox with Exchange RBAC for Applications ("Application Mail.Read" with a management scope), so no other mailbox can be read.',
  },
] as const satisfies readonly GraphPermissionNeed[];
type MailboxCall = CallsOf<typeof MAILBOX_NEEDS>;

/**
 * The MARAC mailbox over Graph (PLATFORM.md §6).
 *
 * - sendMail answers 202 with no message (https://learn.microsoft.com/en-us/graph/api/user-sendmail),
 *   so a chaser's conversation is read afterwards from its Sent Items copy, found by the
 *   idempotency key the mailer stamps on it as a single-value extended property
 *   (https://learn.microsoft.com/en-us/graph/api/singlevaluelegacyextendedproperty-get).
 * - Replies share the sent message's `conversationId`
 *   (https://learn.microsoft.com/en-us/graph/api/resources/message). The Inbox is listed with
 *   `$filter=receivedDateTime ge <instant>` ordered by receivedDateTime
 *   (https://learn.microsoft.com/en-us/graph/api/mailfolder-list-messages), selecting
 *   `uniqueBody` (only what the reply added, not the quoted chaser) as text through
 *   `Prefer: outlook.body-content-type="text"`
 *   (https://learn.microsoft.com/en-us/graph/api/message-get, example 3).
 * Both are GETs: the Graph client may retry them on 503/504.
 */
export class GraphMailbox implements Mailbox {
  constructor(private readonly deps: { graph: GraphClient; mailbox: string }) {}

  async sentConversation(idempotencyKey: string): Promise<string | null> {
    const quoted = idempotencyKey.replace(/'/g, "''");
    const { body } = await this.deps.graph.send<{ value: Graph.Message[] }>({
      call: 'GET /users/{id}/mailFolders/sentitems/messages' satisfies MailboxCall,
      params: { id: this.deps.mailbox },
      query: {
        $filter: `singleValueExtendedProperties/Any(ep: ep/id eq '${IDEMPOTENCY_PROPERTY}' and ep/value eq '${quoted}')`,
        $select: 'id,conversationId',
        $top: '1',
      },
    });
    return body.value[0]?.conversationId ?? null;
  }

  async receivedSince(since: Date): Promise<ReceivedMessage[]> {
    const messages = await this.deps.graph.all<Graph.Message>({
      call: 'GET /users/{id}/mailFolders/inbox/messages' satisfies MailboxCall,
      params: { id: this.deps.mailbox },
      query: {
        $filter: `receivedDateTime ge ${since.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
        $orderby: 'receivedDateTime asc',
        $select: 'id,conversationId,from,receivedDateTime,uniqueBody',
        $top: '50',
      },
      headers: { Prefer: 'outlook.body-content-type="text"' },
    });
    return messages.flatMap((m) => toReceived(m) ?? []);
  }
}

function toReceived(m: Graph.Message): ReceivedMessage | null {
  const from = m.from?.emailAddress;
  if (!m.id || !m.conversationId || !from?.address || !m.receivedDateTime) return null;
  const unique = m.uniqueBody?.content ?? m.body?.content ?? '';
  const text =
    (m.uniqueBody?.contentType ?? m.body?.contentType) === 'html'
      ? unique.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '')
      : unique;
  return {
    id: m.id,
    conversationId: m.conversationId,
    fromEmail: from.address.toLowerCase(),
    fromName: from.name ?? null,
    receivedAt: new Date(m.receivedDateTime),
    text: text.replace(/\r\n/g, '\n').trim(),
  };
}
