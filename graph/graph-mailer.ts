import type * as Graph from '@microsoft/microsoft-graph-types';
import type { Mailer, OutboundMail } from '../core/ports/mailer.js';
import type { GraphClient } from './graph-client.js';
import { GraphRequestError } from './graph-error.js';
import type { CallsOf, GraphPermissionNeed } from './graph-permission.js';

export const MAIL_NEEDS = [
  {
    permission: 'Mail.Send',
    type: 'Application',
    why: 'Circulation notices, new-action mails and chasers are sent from the MARAC mailbox.',
    calls: ['POST /users/{id}/sendMail'],
    alsoRequires:
      'Scope it to the MARAC mailbox with Exchange RBAC for Applications (New-ManagementRoleAssignment -Role "Application Mail.Send" -CustomResourceScope).',
  },
  {
    permission: 'Mail.Read',
    type: 'Application',
    why: 'After an ambiguous failure the mailer looks in Sent Items for its own copy before sending again, so no mail goes twice.',
    calls: ['GET /users/{id}/mailFolders/sentitems/messages'],
    alsoRequires:
      'Scope it to the MARAC mailbox with Exchange RBAC for Applications ("Application Mail.Read").',
  },
] as const satisfies readonly GraphPermissionNeed[];
type MailCall = CallsOf<typeof MAIL_NEEDS>;

/** The x- header recipients' systems see, carrying our idempotency key. */
export const IDEMPOTENCY_HEADER = 'x-marac-idempotency-key';
/**
 * The same key as a named MAPI property of our own property set. Why both: Exchange maps an
 * x- header to a searchable named property only on transport delivery into a mailbox (EWS docs,
 * "Provision x-headers"), so the sender's Sent Items copy is not reliably searchable by its
 * header; a single-value extended property set on the message is, with
 * `singleValueExtendedProperties/Any(ep: ep/id eq ... and ep/value eq ...)`.
 */
export const IDEMPOTENCY_PROPERTY =
  'String {eb2b9bbc-0a4f-44bb-a04c-17f350b5ba25} Name MaracIdempotencyKey';

export interface GraphMailerDeps {
  graph: GraphClient;
  /** The sending mailbox (config.mailbox). */
  mailbox: string;
  /** How many times an ambiguous failure is checked and retried before it is surfaced. */
  ambiguousRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Mailer over Graph sendMail from one mailbox (PLATFORM.md §6). Exactly once:
 * - 429 is retried by the Graph client's RetryHandler (honouring Retry-After): a throttled
 *   request was not processed, so sending again is safe;
 * - a 5xx or a lost response is ambiguous (Exchange may have accepted it), so it is NOT resent
 *   blindly: after Retry-After the mailer looks in Sent Items for the idempotency key and sends
 *   again only if it is not there;
 * - anything else is surfaced (GraphRequestError with Graph's code and request id), for the
 *   outbox worker to retry later; it calls `wasSent` first as well.
 */
export class GraphMailer implements Mailer {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: GraphMailerDeps) {
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async send(mail: OutboundMail): Promise<void> {
    const retries = this.deps.ambiguousRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.deps.graph.send({
          call: 'POST /users/{id}/sendMail' satisfies MailCall,
          params: { id: this.deps.mailbox },
          body: sendMailBody(mail),
          retryOn: 'throttling',
        });
        return;
      } catch (error) {
        if (!(error instanceof GraphRequestError) || !isAmbiguous(error) || attempt >= retries)
          throw error;
        await this.sleep(1000 * (error.retryAfterSeconds ?? 2 ** attempt));
        if (await this.wasSent(mail.idempotencyKey)) return;
      }
    }
  }

  async wasSent(idempotencyKey: string): Promise<boolean> {
    const quoted = idempotencyKey.replace(/'/g, "''");
    const { body } = await this.deps.graph.send<{ value: Graph.Message[] }>({
      call: 'GET /users/{id}/mailFolders/sentitems/messages' satisfies MailCall,
      params: { id: this.deps.mailbox },
      query: {
        $filter: `singleValueExtendedProperties/Any(ep: ep/id eq '${IDEMPOTENCY_PROPERTY}' and ep/value eq '${quoted}')`,
        $select: 'id',
        $top: '1',
      },
    });
    return body.value.length > 0;
  }
}

/** Exchange may or may not have acted: no response, or a server-side failure. */
function isAmbiguous(error: GraphRequestError): boolean {
  return error.status === 0 || error.status >= 500;
}

function sendMailBody(mail: OutboundMail): { message: Graph.Message; saveToSentItems: boolean } {
  const recipient = (r: { email: string; name?: string }): Graph.Recipient => ({
    emailAddress: { address: r.email, ...(r.name ? { name: r.name } : {}) },
  });
  return {
    message: {
      subject: mail.subject,
      body: { contentType: 'html', content: mail.bodyHtml },
      toRecipients: mail.to.map(recipient),
      ccRecipients: (mail.cc ?? []).map(recipient),
      internetMessageHeaders: [{ name: IDEMPOTENCY_HEADER, value: mail.idempotencyKey }],
      singleValueExtendedProperties: [{ id: IDEMPOTENCY_PROPERTY, value: mail.idempotencyKey }],
    },
    saveToSentItems: true,
  };
}
