import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundMail } from '../../core/ports/mailer.js';
import { GraphMailbox } from '../../graph/graph-mailbox.js';
import { GraphMailer, IDEMPOTENCY_HEADER, IDEMPOTENCY_PROPERTY } from '../../graph/graph-mailer.js';
import { GraphRequestError } from '../../graph/graph-error.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import {
  type ContractTenant,
  emailOf,
  MAILBOX,
  startContractTenant,
} from './support/contract-tenant.js';

let t: ContractTenant;
beforeAll(async () => {
  t = await startContractTenant();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

const mail = (n: number): OutboundMail => ({
  idempotencyKey: `chaser:action-${n}:step-1:${emailOf('police-rep')}`,
  to: [{ email: emailOf('police-rep'), name: 'Police representative' }],
  cc: [{ email: emailOf('coordinator') }],
  subject: `Action A-${String(n).padStart(4, '0')} is due on 2 Dec 2026`,
  bodyHtml: `<p>Action A-${n} for case NF-2611-001 is due. <a href="https://marac.example/actions/${n}">Open it</a>.</p>`,
});
const noSleep = async () => {};

/** What an outbox worker does for each mail: check Sent Items, send, try again later on a surfaced error. */
async function deliver(mailer: GraphMailer, item: OutboundMail): Promise<number> {
  for (let run = 1; ; run++) {
    if (await mailer.wasSent(item.idempotencyKey)) return run;
    try {
      await mailer.send(item);
      return run;
    } catch (error) {
      if (!(error instanceof GraphRequestError) || !error.transient || run > 20) throw error;
    }
  }
}

describe('Mailer over Graph sendMail (contract)', () => {
  it('sends from the configured mailbox with the idempotency header, saved to Sent Items and findable there', async () => {
    const mailer = new GraphMailer({ graph: t.graph, mailbox: MAILBOX });
    await mailer.send(mail(1));
    const [sent] = t.tenant.outbox;
    expect(sent).toMatchObject({
      from: MAILBOX,
      kind: 'mail',
      to: [{ address: emailOf('police-rep'), name: 'Police representative' }],
      cc: [{ address: emailOf('coordinator') }],
      subject: 'Action A-0001 is due on 2 Dec 2026',
      bodyContentType: 'html',
      savedToSentItems: true,
      internetMessageHeaders: [{ name: IDEMPOTENCY_HEADER, value: mail(1).idempotencyKey }],
      singleValueExtendedProperties: [{ id: IDEMPOTENCY_PROPERTY, value: mail(1).idempotencyKey }],
    });
    expectNoPersonalData(JSON.stringify(sent));
    expect(await mailer.wasSent(mail(1).idempotencyKey)).toBe(true);
    expect(await mailer.wasSent(mail(2).idempotencyKey)).toBe(false);
  });

  it('rides out a 429 storm, honouring Retry-After, with every mail sent exactly once', async () => {
    t.tenant.faults.add({
      call: 'POST /users/{id}/sendMail',
      kind: 'throttle',
      times: 40,
      retryAfterSeconds: 0.1,
    });
    const mailer = new GraphMailer({ graph: t.graph, mailbox: MAILBOX, sleep: noSleep });
    const batch = Array.from({ length: 16 }, (_, i) => mail(i));
    await Promise.all(batch.map((m) => deliver(mailer, m)));

    const keys = t.tenant.outbox.map((m) => m.internetMessageHeaders[0]?.value);
    expect(keys.sort()).toEqual(batch.map((m) => m.idempotencyKey).sort());
    const posts = t.tenant.requests.filter((r) => r.call === 'POST /users/{id}/sendMail');
    expect(posts.filter((r) => r.status === 429)).toHaveLength(40);
    expect(posts.filter((r) => r.status === 202)).toHaveLength(16);
    // Each retry of one request (same client-request-id) waited at least Retry-After.
    const byRequest = new Map<string, typeof posts>();
    for (const r of posts)
      byRequest.set(r.clientRequestId ?? '', [
        ...(byRequest.get(r.clientRequestId ?? '') ?? []),
        r,
      ]);
    for (const attempts of byRequest.values())
      for (let i = 1; i < attempts.length; i++) {
        expect((attempts[i] as { retryAttempt: number }).retryAttempt).toBe(i);
        expect(attempts[i]!.realMs - attempts[i - 1]!.realMs).toBeGreaterThanOrEqual(95);
      }
  });

  it('keeps to four requests in flight per mailbox, which is what Exchange allows', async () => {
    t.tenant.faults.add({ call: 'POST /users/{id}/sendMail', kind: 'latency', latencyMs: 60 });
    const limited = new GraphMailer({ graph: t.graph, mailbox: MAILBOX });
    await Promise.all(Array.from({ length: 12 }, (_, i) => limited.send(mail(i))));
    const throttled = () => t.tenant.requests.filter((r) => r.status === 429).length;
    expect(throttled()).toBe(0);

    // The same burst without the limit: the simulated mailbox refuses the fifth concurrent request.
    const unlimited = new GraphMailer({
      graph: t.client({ mailboxConcurrency: 100, maxRetries: 0 }),
      mailbox: MAILBOX,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => unlimited.send(mail(100 + i))),
    );
    expect(throttled()).toBeGreaterThan(0);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 429, graphCode: 'ApplicationThrottled' });
  });

  it('retries a 503 and then succeeds, once', async () => {
    t.tenant.faults.add({
      call: 'POST /users/{id}/sendMail',
      kind: 'unavailable',
      times: 1,
      retryAfterSeconds: 0.05,
    });
    await new GraphMailer({ graph: t.graph, mailbox: MAILBOX }).send(mail(1));
    expect(t.tenant.outbox).toHaveLength(1);
    expect(t.tenant.requests.map((r) => `${r.call} ${r.status}`)).toEqual([
      'POST /users/{id}/sendMail 503',
      'GET /users/{id}/mailFolders/sentitems/messages 200',
      'POST /users/{id}/sendMail 202',
    ]);
  });

  it('does not send twice when Graph accepted the mail but the answer was lost (504)', async () => {
    t.tenant.faults.add({
      call: 'POST /users/{id}/sendMail',
      kind: 'accept-then-fail',
      status: 504,
      times: 1,
    });
    await new GraphMailer({ graph: t.graph, mailbox: MAILBOX, sleep: noSleep }).send(mail(1));
    expect(t.tenant.outbox).toHaveLength(1);
    expect(t.tenant.requests.map((r) => `${r.call} ${r.status}`)).toEqual([
      'POST /users/{id}/sendMail 504',
      'GET /users/{id}/mailFolders/sentitems/messages 200',
    ]);
  });

  it('surfaces refusals with Graph’s error code and request id', async () => {
    const noRecipients = await new GraphMailer({ graph: t.graph, mailbox: MAILBOX })
      .send({ ...mail(1), to: [], cc: [] })
      .catch((e: unknown) => e);
    expect(noRecipients).toBeInstanceOf(GraphRequestError);
    const logged = t.tenant.requests.at(-1);
    expect(noRecipients).toMatchObject({
      code: 'UPSTREAM_FAILED',
      status: 400,
      graphCode: 'ErrorInvalidRecipients',
      call: 'POST /users/{id}/sendMail',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      clientRequestId: logged?.clientRequestId,
    });

    const unknownMailbox = await new GraphMailer({
      graph: t.graph,
      mailbox: 'nobody@northfield-council.example',
    })
      .send(mail(1))
      .catch((e: unknown) => e);
    expect(unknownMailbox).toMatchObject({ status: 404, graphCode: 'ErrorInvalidUser' });
    // The message names the call template, never the mailbox address.
    expect(String((unknownMailbox as Error).message)).not.toContain('nobody@');
    expect(t.tenant.outbox).toHaveLength(0);
  });
});

describe('Mailbox over Graph: the conversation of a sent mail, and replies in the Inbox (contract)', () => {
  it('finds a sent chaser’s conversation by its idempotency key, and a reply to it with only the reply’s text', async () => {
    const mailer = new GraphMailer({ graph: t.graph, mailbox: MAILBOX });
    const mailbox = new GraphMailbox({ graph: t.graph, mailbox: MAILBOX });
    const before = new Date(Date.now() - 60_000);
    await mailer.send(mail(7));
    const sent = t.tenant.outbox.at(-1)!;
    expect(await mailbox.sentConversation(mail(7).idempotencyKey)).toBe(sent.conversationId);
    expect(await mailbox.sentConversation('never-sent')).toBeNull();
    expect(await mailbox.receivedSince(before)).toEqual([]);

    const reply = t.tenant.reply({
      to: sent.id,
      from: { address: emailOf('police-rep'), name: 'Police representative' },
      text: 'A-0007 is done.\nThe referral went in on Monday.',
    });
    const received = await mailbox.receivedSince(before);
    expect(received).toEqual([
      {
        id: reply.id,
        conversationId: sent.conversationId,
        fromEmail: emailOf('police-rep').toLowerCase(),
        fromName: 'Police representative',
        receivedAt: new Date(reply.receivedAt),
        text: 'A-0007 is done.\nThe referral went in on Monday.',
      },
    ]);
    // Asked as documented: a receivedDateTime filter, text bodies preferred.
    const asked = t.tenant.requests.filter(
      (r) => r.call === 'GET /users/{id}/mailFolders/inbox/messages',
    );
    expect(asked.at(-1)?.status).toBe(200);
    expect(await mailbox.receivedSince(new Date(Date.now() + 3_600_000))).toEqual([]);
  });
});
