import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/app.js';
import { compose, type Composition, type Runtime } from '../../server/compose.js';
import { type Config, loadConfig } from '../../server/config.js';
import { PgBossJobs } from '../../server/jobs/pg-boss-jobs.js';
import { createLogger, type Logger } from '../../server/logger.js';
import { demoUuid, seedDemo } from '../../store/seed/seed-demo.js';
import { createTestDb, type TestDb } from './test-db.js';

export interface TestApp {
  url: string;
  config: Config;
  db: TestDb;
  composition: Composition;
  /** The express app serving requests (its router stack lists every registered route). */
  app: ReturnType<typeof createApp>;
  /** A real SSO token for a demo person (key from store/seed/demo-directory.ts, e.g. 'chair'). */
  signIn(personKey: string): Promise<string>;
  /** fetch against the app with a person's token. */
  as(personKey: string): (route: string, init?: RequestInit) => Promise<Response>;
  close(): Promise<void>;
}

/**
 * The whole composed service (demo mode) over a seeded test database, listening on a free
 * loopback port whose URL is the configured public URL, so tokens, JWKS and links line up.
 */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    now?: Date;
    /** Adapter replacements (a FakeClock, a recording MeetingScheduler or FileShare). */
    adapters?: Runtime['adapters'];
    /** A logger to inspect (the default is silent). */
    log?: Logger;
  } = {},
): Promise<TestApp> {
  const db = await createTestDb();
  await seedDemo(db, {
    now: options.now ?? new Date(),
    tenantId: loadConfig({}).microsoft.tenantId as string,
  });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'marac-app-'));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const config = loadConfig(
    { PORT: String(port), MARAC_DATA_DIR: dataDir, ...options.env },
    { version: 'test' },
  );
  const log = options.log ?? createLogger({ level: 'silent' });
  const jobs = new PgBossJobs(db, log, { schema: `${db.schema}_boss` });
  const composition = await compose({ config, log, db, jobs, adapters: options.adapters });
  const app = createApp({
    config,
    log,
    db,
    readiness: { isReady: () => true, isShuttingDown: () => false },
    features: composition.features,
  });
  server.on('request', app);
  const url = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();
  const signIn = async (personKey: string) => {
    const cached = tokens.get(personKey);
    if (cached) return cached;
    const res = await fetch(`${url}/api/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: demoUuid(`person:${personKey}`) }),
    });
    if (!res.ok)
      throw new Error(`demo sign-in as ${personKey} failed: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    tokens.set(personKey, token);
    return token;
  };
  return {
    url,
    config,
    db,
    composition,
    app,
    signIn,
    as:
      (personKey) =>
      async (route, init = {}) =>
        fetch(`${url}${route}`, {
          ...init,
          headers: {
            ...(init.headers as Record<string, string>),
            authorization: `Bearer ${await signIn(personKey)}`,
          },
        }),
    close: async () => {
      await composition.stop();
      await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
      await db.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
