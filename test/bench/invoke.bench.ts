import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
/** Meetings running at once in the three-case scenario (copies of the seeded one). */
const PARALLEL = 3;

/**
 * Invoke latency with forty representatives volunteering at once on one case, through the
 * whole service (demo mode, Bot Framework authentication ON with simulator-signed channel
 * tokens, over HTTP), as p50/p99 against a bare botbuilder invoke handler (bot/invoke-baseline.ts:
 * same CloudAdapter authentication, same /api/messages route and app stack, answering a fixed
 * card) hit by the same number of concurrent invokes in the same run, rounds interleaved. Each
 * subject round is a fresh case (the chair starts it untimed), so every round's final card
 * carries forty actions. Then three meetings' current cases clicked at once (forty each), against
 * the bare handler under the same 120 invokes: its ratio is held to the one-case ratio (each case
 * costs what it costs alone; nothing one case does makes another wait). CPU per invoke, of the
 * whole process (service and simulated clients), is reported beside the latencies: on a shared
 * machine it moves far less than wall time. PGlite by default; DATABASE_URL → PostgreSQL.
 */
export const invokeBench: Benchmark = {
  name: 'invoke',
  async run() {
    const bench = await startService();
    try {
      const { channel, baseline } = bench;
      const rounds = Math.min(ROUNDS, ...bench.meetings.map((m) => m.items.length - 1));
      const one = { ms: [] as number[], cpu: 0, n: 0 };
      const three = { ms: [] as number[], cpu: 0, n: 0 };
      const bare40 = { ms: [] as number[], cpu: 0, n: 0 };
      const bare120 = { ms: [] as number[], cpu: 0, n: 0 };
      const next = bench.meetings.map(() => 0);

      /** One burst: every case of `meetings` gets forty volunteers at once. */
      const subjectRound = async (meetings: number[], into: typeof one | null) => {
        const cases = meetings.map((m) => {
          const meeting = bench.meetings[m]!;
          const item = meeting.items[next[m]!]!;
          const previous = next[m]! > 0 ? meeting.items[next[m]! - 1] : undefined;
          next[m]!++;
          return { meeting, item, previous };
        });
        for (const c of cases) await bench.startCase(c.meeting.id, c.item, c.previous);
        const cpu = process.cpuUsage();
        const latencies = await burst(
          cases.flatMap((c) =>
            Array.from({ length: VOLUNTEERS }, (_, i) =>
              invoke(
                channel.ctx,
                { aadObjectId: demoUuid(`entra:bench-rep-${i}`), name: `bench-rep-${i}` },
                channel.conversation(c.meeting.tm),
                'adaptiveCard/action',
                volunteer(c.meeting.id, c.item, i),
              ),
            ),
          ),
          channel.client,
        );
        const used = process.cpuUsage(cpu);
        for (const c of cases) {
          const stored = await bench.actionCount(c.item);
          if (stored !== VOLUNTEERS)
            throw new Error(`a round stored ${stored} actions on a case, not ${VOLUNTEERS}`);
        }
        if (into) {
          into.ms.push(...latencies);
          into.cpu += (used.user + used.system) / 1000;
          into.n += latencies.length;
        }
      };
      const baselineRound = async (count: number, into: typeof one | null) => {
        const cpu = process.cpuUsage();
        const latencies = await burst(
          Array.from({ length: count }, (_, i) =>
            invoke(
              channel.ctx,
              {
                aadObjectId: demoUuid(`entra:bench-rep-${i % VOLUNTEERS}`),
                name: `bench-rep-${i % VOLUNTEERS}`,
              },
              channel.conversation(bench.meetings[0]!.tm),
              'adaptiveCard/action',
              volunteer(MEETING_ID, bench.meetings[0]!.items[0]!, i),
            ),
          ),
          baseline,
        );
        const used = process.cpuUsage(cpu);
        if (into) {
          into.ms.push(...latencies);
          into.cpu += (used.user + used.system) / 1000;
          into.n += latencies.length;
        }
      };
      async function burst(activities: Activity[], client: ChannelClient): Promise<number[]> {
        return Promise.all(
          activities.map(async (a, i) => {
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

      const all = bench.meetings.map((_, m) => m).slice(1);
      // Warm up: tokens, JWKS, JIT, and each meeting's first case.
      await baselineRound(VOLUNTEERS, null);
      await subjectRound([0], null);
      await subjectRound(all, null);
      const profiler = await startProfile();
      const counter = countStatements(bench.db);
      for (let r = 0; r < rounds; r++) {
        await baselineRound(VOLUNTEERS, bare40);
        await subjectRound([0], one);
        await baselineRound(VOLUNTEERS * PARALLEL, bare120);
        await subjectRound(all, three);
      }
      await profiler.stop();
      counter.stop();
      if (process.env.MARAC_BENCH_PROFILE) counter.print();
      await bench.idle();
      const db = bench.db.driver;
      const label = db === 'pglite' ? 'PGlite' : 'PostgreSQL';
      const detail = {
        driver: db,
        volunteers: VOLUNTEERS,
        rounds,
        statementsPerInvoke: Number((counter.total / (one.n + three.n)).toFixed(1)),
      };
      const p = (r: typeof one, n: number) => percentile(r.ms, n);
      const oneRatio = p(one, 99) / p(bare40, 99);
      const limit = db === 'pglite' ? 2 : 1.5;
      return [
        result(
          `volunteer invoke p50, ${VOLUNTEERS} at once (${label}, auth on)`,
          'ms',
          p(one, 50),
          'bare botbuilder invoke handler p50, same load',
          p(bare40, 50),
          detail,
        ),
        result(
          `volunteer invoke p99, ${VOLUNTEERS} at once (${label}, auth on)`,
          'ms',
          p(one, 99),
          'bare botbuilder invoke handler p99, same load',
          p(bare40, 99),
          detail,
          ({ value, ratio }) =>
            db === 'pglite'
              ? {
                  text: `≤ ${limit}× the bare handler and < 500 ms`,
                  met: ratio <= limit && value < 500,
                }
              : { text: `≤ ${limit}× the bare handler`, met: ratio <= limit },
        ),
        result(
          `volunteer invoke p99, ${PARALLEL} cases × ${VOLUNTEERS} at once (${label})`,
          'ms',
          p(three, 99),
          `bare handler p99, ${PARALLEL * VOLUNTEERS} at once`,
          p(bare120, 99),
          { ...detail, oneCaseRatio: Number(oneRatio.toFixed(2)) },
          ({ ratio }) => ({
            text: `ratio no worse than one case's (${oneRatio.toFixed(2)}×, 10% noise allowed)`,
            met: ratio <= oneRatio * 1.1,
          }),
        ),
        result(
          `CPU per volunteer invoke, ${VOLUNTEERS} at once (${label}; whole process)`,
          'ms',
          one.cpu / one.n,
          'CPU per bare handler invoke',
          bare40.cpu / bare40.n,
          detail,
        ),
      ];
    } finally {
      await bench.close();
    }
  },
};

function volunteer(meetingId: string, agendaItemId: string, i: number) {
  return {
    action: {
      type: 'Action.Execute',
      id: 'volunteer',
      verb: 'volunteer',
      data: {
        verb: 'volunteer',
        meetingId,
        agendaItemId,
        agencyId: demoUuid(`agency:${AGENCIES[i % AGENCIES.length]}`),
        description: `Bench action ${i}: agency follow-up within the week`,
        category: i % 5 === 0 ? 'children' : 'victim',
      },
    },
    trigger: 'manual',
  };
}

/** Statements sent during the measured rounds (by SQL text, with the time each took). */
function countStatements(db: Db) {
  const target = db as { query: Db['query']; transaction: Db['transaction'] };
  const query = target.query.bind(db);
  const transaction = target.transaction.bind(db);
  const bySql = new Map<string, { n: number; ms: number }>();
  let total = 0;
  const timed = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    total++;
    const t = performance.now();
    try {
      return await run();
    } finally {
      const flat = sql.replace(/\s+/g, ' ');
      const key = flat.length > 110 ? `${flat.slice(0, 60)} … ${flat.slice(-50)}` : flat;
      const e = bySql.get(key) ?? { n: 0, ms: 0 };
      e.n++;
      e.ms += performance.now() - t;
      bySql.set(key, e);
    }
  };
  target.query = (sql, params) => timed(sql, () => query(sql, params));
  target.transaction = (work) =>
    timed('(transaction)', () =>
      transaction((tx) =>
        work({ ...tx, query: (sql, params) => timed(sql, () => tx.query(sql, params)) }),
      ),
    );
  return {
    get total() {
      return total;
    },
    stop() {
      target.query = query;
      target.transaction = transaction;
    },
    print() {
      for (const [sql, e] of [...bySql].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
        console.log(
          `  ${String(e.n).padStart(5)} × ${(e.ms / e.n).toFixed(1).padStart(6)} ms  ${sql}`,
        );
    },
  };
}

/**
 * MARAC_BENCH_PROFILE=dir: a CPU profile of the measured rounds only (not the setup), written
 * to dir as a .cpuprofile for Chrome DevTools or `node --cpu-prof`-style tooling.
 */
async function startProfile(): Promise<{ stop(): Promise<void> }> {
  const dir = process.env.MARAC_BENCH_PROFILE;
  if (!dir) return { stop: async () => undefined };
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `invoke-${Date.now()}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      console.log(`  invoke: CPU profile of the measured rounds in ${file}`);
      session.disconnect();
    },
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
  const { authEnabled, trustedServiceUrls, ...endpoints } = config.bot;
  const adapter = createBotAdapter({
    authEnabled,
    // As the service's own adapter in demo mode: the simulated connector is trusted.
    trustedServiceUrls: [
      ...trustedServiceUrls,
      ...(composition.microsoft.simulator ? [composition.microsoft.simulator.serviceUrl] : []),
    ],
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
  // The seeded meeting, and copies of it (same area, people and cases; agenda items, invitees
  // and Teams meeting of their own), each in a simulated Teams meeting; forty representatives.
  const meetingIds = [MEETING_ID];
  for (let m = 1; m <= PARALLEL; m++) {
    const id = randomUUID();
    meetingIds.push(id);
    await db.query(
      `INSERT INTO meeting SELECT (jsonb_populate_record(NULL::meeting,
         to_jsonb(m) || jsonb_build_object('id', $2::uuid, 'parent_meeting_id', NULL))).*
         FROM meeting m WHERE id = $1`,
      [MEETING_ID, id],
    );
    await db.query(
      `INSERT INTO agenda_item SELECT (jsonb_populate_record(NULL::agenda_item,
         to_jsonb(ai) || jsonb_build_object('id', gen_random_uuid(), 'meeting_id', $2::uuid))).*
         FROM agenda_item ai WHERE meeting_id = $1`,
      [MEETING_ID, id],
    );
    await db.query(
      `INSERT INTO meeting_invitee SELECT (jsonb_populate_record(NULL::meeting_invitee,
         to_jsonb(mi) || jsonb_build_object('meeting_id', $2::uuid))).*
         FROM meeting_invitee mi WHERE meeting_id = $1`,
      [MEETING_ID, id],
    );
  }
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
  const meetings = [];
  for (const id of meetingIds) {
    const tm = await channel.meeting();
    await db.query(
      `UPDATE meeting SET status = 'scheduled', chat_thread_id = $2, online_meeting_id = $3, join_url = $4,
         teams_meeting_id = $5 WHERE id = $1`,
      [id, tm.chatThreadId, tm.onlineMeetingId, tm.joinUrl, tm.meetingId],
    );
    const { rows } = await db.query<{ id: string }>(
      'SELECT id FROM agenda_item WHERE meeting_id = $1 ORDER BY position',
      [id],
    );
    const started = await channel.meetingStart(tm);
    if (started.status !== 200) throw new Error(`meeting start: ${started.status}`);
    meetings.push({ id, tm, items: rows.map((r) => r.id) });
  }

  const signIn = await fetch(`${appUrl}/api/demo/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId: demoUuid('person:chair') }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const runRoute = async (meetingId: string, route: string, agendaItemId: string) => {
    const res = await fetch(`${appUrl}/api/meetings/${meetingId}/run/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ agendaItemId }),
    });
    if (res.status !== 200) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  };

  return {
    db,
    channel,
    baseline,
    meetings,
    async startCase(meetingId: string, agendaItemId: string, previous: string | undefined) {
      if (previous) await runRoute(meetingId, 'close-case', previous);
      await composition.meetingRun.idle();
      await runRoute(meetingId, 'start-case', agendaItemId);
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
