import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBotAdapter } from '../../bot/adapter.js';
import { BareInvokeBot } from '../../bot/invoke-baseline.js';
import { botMessagesRoute } from '../../bot/messages-route.js';
import { type Activity, invoke } from '../../graph/simulator/bot-connector/activities.js';
import { ChannelClient } from '../../graph/simulator/bot-connector/channel-client.js';
import { createApp } from '../../server/app.js';
import { compose } from '../../server/compose.js';
import { loadConfig } from '../../server/config.js';
import { PgBossJobs } from '../../server/jobs/pg-boss-jobs.js';
import { createLogger } from '../../server/logger.js';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { PgDb } from '../../store/pg-db.js';
import { PgliteDb } from '../../store/pglite-db.js';
import { demoUuid, seedDemo } from '../../store/seed/seed-demo.js';
import { BotChannel } from '../support/bot-channel.js';
import type { TestApp } from '../support/test-app.js';
import { type Benchmark, percentile, result } from './harness.js';

const VOLUNTEERS = 40;
const ROUNDS = 5;
const AGENCIES = ['police', 'idva', 'housing', 'childrens', 'probation', 'primary', 'mental'];
const MEETING_ID = demoUuid('meeting:next');

/**
 * Issue 5 "Done when": invoke latency with forty representatives volunteering at once on one
 * case, through the whole service (demo mode, Bot Framework authentication ON with
 * simulator-signed channel tokens, over HTTP), as p50/p99 against a bare botbuilder invoke
 * handler (bot/invoke-baseline.ts: same CloudAdapter authentication, same /api/messages route
 * and app stack, answering a fixed card) hit by forty concurrent invokes in the same run,
 * rounds interleaved. Each subject round is a fresh case (the chair starts it untimed), so
 * every round's final card carries forty actions. PGlite by default; DATABASE_URL → PostgreSQL.
 */
export const invokeBench: Benchmark = {
  name: 'invoke',
  async run() {
    const bench = await startService();
    try {
      const { channel, baseline, items } = bench;
      const rounds = Math.min(ROUNDS, items.length - 1);
      const subjectMs: number[] = [];
      const baselineMs: number[] = [];
      const slowest: number[] = [];
      let item = 0;
      const subjectRound = async (record: boolean) => {
        await bench.startCase(items[item]!, items[item - 1]);
        const latencies = await burst((i) =>
          invoke(
            channel.ctx,
            { aadObjectId: demoUuid(`entra:bench-rep-${i}`), name: `bench-rep-${i}` },
            channel.conversation(bench.tm),
            'adaptiveCard/action',
            volunteer(items[item]!, i),
          ),
        );
        const stored = await bench.actionCount(items[item]!);
        if (stored !== VOLUNTEERS)
          throw new Error(`round on case ${item + 1}: ${stored} actions stored, not ${VOLUNTEERS}`);
        item++;
        if (record) {
          subjectMs.push(...latencies);
          slowest.push(Math.max(...latencies));
        }
      };
      const baselineRound = async (record: boolean) => {
        const latencies = await burst(
          (i) =>
            invoke(
              channel.ctx,
              { aadObjectId: demoUuid(`entra:bench-rep-${i}`), name: `bench-rep-${i}` },
              channel.conversation(bench.tm),
              'adaptiveCard/action',
              volunteer(items[0]!, i),
            ),
          baseline,
        );
        if (record) baselineMs.push(...latencies);
      };
      async function burst(
        activity: (i: number) => Activity,
        client: ChannelClient = channel.client,
      ): Promise<number[]> {
        return Promise.all(
          Array.from({ length: VOLUNTEERS }, async (_, i) => {
            const a = activity(i);
            const t = performance.now();
            const res = await client.send(a);
            const ms = performance.now() - t;
            const body = res.body as { value?: { body?: { text?: string }[] } } | undefined;
            if (res.status !== 200 || body?.value?.body?.[0]?.text === 'That did not go through')
              throw new Error(`invoke ${i} failed: ${res.status} ${JSON.stringify(body)}`);
            return ms;
          }),
        );
      }

      await baselineRound(false); // warm up: tokens, JWKS, JIT
      await subjectRound(false);
      for (let r = 0; r < rounds; r++) {
        await baselineRound(true);
        await subjectRound(true);
      }
      await bench.idle();
      const detail = {
        driver: bench.db.driver,
        volunteers: VOLUNTEERS,
        rounds,
        slowestInvokeMs: Math.round(Math.max(...slowest)),
        medianRoundSlowestMs: Math.round(percentile(slowest, 50)),
      };
      return [
        result(
          `volunteer invoke p50, ${VOLUNTEERS} at once (${bench.db.driver}, auth on)`,
          'ms',
          percentile(subjectMs, 50),
          'bare botbuilder invoke handler p50, same load',
          percentile(baselineMs, 50),
          detail,
        ),
        result(
          `volunteer invoke p99, ${VOLUNTEERS} at once (${bench.db.driver}, auth on)`,
          'ms',
          percentile(subjectMs, 99),
          'bare botbuilder invoke handler p99, same load',
          percentile(baselineMs, 99),
          detail,
        ),
      ];
    } finally {
      await bench.close();
    }
  },
};

function volunteer(agendaItemId: string, i: number) {
  return {
    action: {
      type: 'Action.Execute',
      id: 'volunteer',
      verb: 'volunteer',
      data: {
        verb: 'volunteer',
        meetingId: MEETING_ID,
        agendaItemId,
        agencyId: demoUuid(`agency:${AGENCIES[i % AGENCIES.length]}`),
        description: `Bench action ${i}: agency follow-up within the week`,
        category: i % 5 === 0 ? 'children' : 'victim',
      },
    },
    trigger: 'manual',
  };
}

/** The composed service (as test/support/test-app.ts, without vitest) plus the baseline bot. */
async function startService() {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const url = process.env.DATABASE_URL;
  let db: Db;
  if (url) {
    const admin = new PgDb({ connectionString: url, max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
    db = new PgDb({ connectionString: url, searchPath: schema });
  } else db = await PgliteDb.open();
  await migrate(db);
  await seedDemo(db, { now: new Date(), tenantId: loadConfig({}).microsoft.tenantId as string });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'marac-bench-'));
  const listen = async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, port: (server.address() as AddressInfo).port };
  };
  const main = await listen();
  const config = loadConfig(
    { PORT: String(main.port), MARAC_DATA_DIR: dataDir, MARAC_BOT_AUTH: 'on' },
    { version: 'bench' },
  );
  const log = createLogger({ level: 'silent' });
  const jobs = new PgBossJobs(db, log, { schema: `${schema}_boss` });
  const composition = await compose({ config, log, db, jobs });
  const readiness = { isReady: () => true, isShuttingDown: () => false };
  main.server.on(
    'request',
    createApp({ config, log, db, readiness, features: composition.features }),
  );
  const appUrl = `http://127.0.0.1:${main.port}`;

  // The baseline: the same adapter construction and route, a handler that only answers.
  const bare = await listen();
  const { authEnabled, ...endpoints } = config.bot;
  const adapter = createBotAdapter({
    authEnabled,
    appId: config.microsoft.appId,
    tenantId: config.microsoft.tenantId,
    appType: config.microsoft.appType,
    endpoints,
    tokens: composition.microsoft.tokens,
    log,
  });
  const bareApp = createApp({
    config,
    log,
    db,
    readiness,
    features: [
      {
        path: '/api/messages',
        handler: botMessagesRoute({
          adapter,
          bot: new BareInvokeBot(),
          log,
          allowedTenants: config.microsoft.allowedTenants,
          tenantOptional: config.mode === 'demo' && !config.bot.authEnabled,
        }),
      },
    ],
  });
  bare.server.on('request', bareApp);

  const simulator = composition.microsoft.simulator;
  if (!simulator) throw new Error('the invoke bench needs the demo-mode simulated tenant');
  const app = { url: appUrl, config, composition } as unknown as TestApp;
  const channel = new BotChannel(app, simulator);
  const baseline = new ChannelClient({
    endpoint: `http://127.0.0.1:${bare.port}/api/messages`,
    appId: config.microsoft.appId as string,
    issuer: simulator.channel,
  });

  // The seeded meeting in a simulated Teams meeting, and forty representatives.
  const tm = await channel.meeting();
  await db.query(
    `UPDATE meeting SET status = 'scheduled', chat_thread_id = $2, online_meeting_id = $3, join_url = $4,
       teams_meeting_id = $5 WHERE id = $1`,
    [MEETING_ID, tm.chatThreadId, tm.onlineMeetingId, tm.joinUrl, tm.meetingId],
  );
  const { rows: area } = await db.query<{ id: string; entra_tenant_id: string }>(
    'SELECT a.id, p.entra_tenant_id FROM area a, person p LIMIT 1',
  );
  for (let i = 0; i < VOLUNTEERS; i++) {
    const id = randomUUID();
    await db.query(
      `INSERT INTO person (id, area_id, agency_id, display_name, email, entra_object_id, entra_tenant_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        area[0]!.id,
        demoUuid(`agency:${AGENCIES[i % AGENCIES.length]}`),
        `Bench Rep ${i}`,
        `bench-rep-${i}@northfield-council.example`,
        demoUuid(`entra:bench-rep-${i}`),
        area[0]!.entra_tenant_id,
      ],
    );
    await db.query("INSERT INTO person_role (person_id, role) VALUES ($1, 'representative')", [id]);
  }
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM agenda_item WHERE meeting_id = $1 ORDER BY position',
    [MEETING_ID],
  );
  const started = await channel.meetingStart(tm);
  if (started.status !== 200) throw new Error(`meeting start: ${started.status}`);

  const signIn = await fetch(`${appUrl}/api/demo/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId: demoUuid('person:chair') }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const runRoute = async (route: string, agendaItemId: string) => {
    const res = await fetch(`${appUrl}/api/meetings/${MEETING_ID}/run/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ agendaItemId }),
    });
    if (res.status !== 200) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  };

  return {
    db,
    tm,
    channel,
    baseline,
    items: rows.map((r) => r.id),
    async startCase(agendaItemId: string, previous: string | undefined) {
      if (previous) await runRoute('close-case', previous);
      await composition.meetingRun.idle();
      await runRoute('start-case', agendaItemId);
    },
    async actionCount(agendaItemId: string) {
      const { rows: n } = await db.query<{ n: number }>(
        'SELECT count(DISTINCT reference)::int AS n FROM action WHERE agenda_item_id = $1',
        [agendaItemId],
      );
      return n[0]!.n;
    },
    idle: () => composition.meetingRun.idle(),
    async close() {
      await composition.stop();
      for (const s of [main.server, bare.server] as Server[])
        await new Promise<void>((resolve) => s.close(() => resolve()));
      if (url)
        await db.exec(
          `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_boss CASCADE`,
        );
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
