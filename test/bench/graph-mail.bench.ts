import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MsalTokenProvider } from '../../graph/auth/msal-token-provider.js';
import { GraphClient } from '../../graph/graph-client.js';
import { GraphMailer } from '../../graph/graph-mailer.js';
import { startSimulator } from '../../graph/simulator/start-simulator.js';
import { type Benchmark, interleaved, result } from './harness.js';

const TENANT = '00000000-0000-4000-8000-0000000d3e70';
const APP = '00000000-0000-4000-8000-00000000a11d';
const MAILBOX = 'marac.coordinator@northfield-council.example';
const MAILS = 200;
const IN_FLIGHT = 4;

/** Runs `count` tasks with `parallel` in flight; returns µs per task. */
async function pooled(
  count: number,
  parallel: number,
  task: (i: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return ((performance.now() - t) * 1000) / count;
}

const body = (i: number) =>
  JSON.stringify({
    message: {
      subject: `Action A-${i} is due on 2 Dec 2026`,
      body: {
        contentType: 'HTML',
        content: `<p>Action A-${i} is due. <a href="https://marac.example/a/${i}">Open</a></p>`,
      },
      toRecipients: [{ emailAddress: { address: 'sam.testbury@northfield-police.example' } }],
    },
    saveToSentItems: true,
  });

/**
 * Graph sendMail through the real adapter stack (msal-node token cache, Graph client
 * middleware, the per-mailbox limit, the simulated tenant's token check, validation and
 * outbox), 4 in flight as Exchange allows, against a bare HTTP POST of the same body to a
 * server that only answers 202, also 4 in flight, in the same run.
 */
export const graphMailBench: Benchmark = {
  name: 'graph-mail',
  async run() {
    const sim = await startSimulator({
      tenantId: TENANT,
      users: [
        {
          id: '7f1e6f3a-0000-4000-8000-000000000001',
          userPrincipalName: MAILBOX,
          mail: MAILBOX,
          displayName: 'MARAC',
        },
      ],
      apps: [{ appId: APP, secrets: ['bench'], graphRoles: ['Mail.Send', 'Mail.Read'] }],
    });
    const bare: Server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(202).end());
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/v1.0/users/x/sendMail`;
    try {
      const tokens = new MsalTokenProvider({
        authorityHost: sim.tenant.authorityHost,
        tenantId: TENANT,
        clientId: APP,
        credential: { kind: 'secret', secret: 'bench' },
      });
      const mailer = new GraphMailer({
        graph: new GraphClient({ baseUrl: sim.tenant.graphBaseUrl, tokens }),
        mailbox: MAILBOX,
      });
      let sent = 0;
      const send = () =>
        pooled(MAILS, IN_FLIGHT, () => {
          const i = sent++;
          return mailer.send({
            idempotencyKey: `bench-${i}`,
            to: [{ email: 'sam.testbury@northfield-police.example' }],
            subject: `Action A-${i} is due`,
            bodyHtml: `<p>Action A-${i}</p>`,
          });
        });
      const post = () =>
        pooled(MAILS, IN_FLIGHT, async (i) => {
          const res = await fetch(bareUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
            body: body(i),
          });
          await res.arrayBuffer();
        });
      await send(); // warm up: token, discovery, JIT
      await post();
      const { subject, baseline } = await interleaved(5, send, post);
      if (sim.tenant.outbox.length !== MAILS * 6)
        throw new Error(`expected ${MAILS * 6} mails, got ${sim.tenant.outbox.length}`);
      return [
        result(
          'Graph sendMail via the adapter, 4 in flight (simulated tenant)',
          'µs/mail',
          subject,
          'bare HTTP POST round trip, 4 in flight',
          baseline,
          {
            mailsPerSecond: Math.round(1e6 / subject),
            mails: MAILS * 5,
          },
        ),
      ];
    } finally {
      await new Promise<void>((resolve) => bare.close(() => resolve()));
      await sim.close();
    }
  },
};
