import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migrate, MigrationError } from '../store/migrate.js';
import { openDb } from '../store/open-db.js';
import { projectRoot } from '../store/project-root.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

/**
 * Starts the service: config, logger, database (migrated; seeded in demo mode), background
 * jobs, HTTP. Opening PGlite (compiling its WebAssembly) overlaps with loading the rest of the
 * service, which only this file imports lazily, so a restart is ready in about two seconds.
 */
const phases: Record<string, number> = { boot: Math.round(performance.now()) };
const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  const value = await work();
  phases[name] = Math.round(performance.now() - t);
  return value;
};

const root = projectRoot();
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
};

let config;
try {
  config = loadConfig(undefined, { version });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}

const log = createLogger({ level: config.logLevel });
log.info(
  { url: config.http.publicUrl, database: config.database.driver },
  config.mode === 'demo'
    ? 'demo mode: no Microsoft credentials are configured, so Virtual MARAC runs on a simulated Microsoft 365 tenant with fictional data; do not enter real case data'
    : 'production mode',
);

if (config.mode === 'production' && !config.microsoft.teamsAppId)
  log.warn(
    'MARAC_TEAMS_APP_ID is not set: meetings are created but the app cannot be installed in their chats until it is (docs/deploy.md section 6.3)',
  );

const dbOpening = phase('database', () =>
  openDb(config.database, { onError: (err) => log.error({ err }, 'database pool error') }),
);
const modulesLoading = phase('modules', () =>
  Promise.all([
    import('./app.js'),
    import('./compose.js'),
    import('./jobs/pg-boss-jobs.js'),
    import('./shutdown.js'),
    import('../store/seed/seed-demo.js'),
  ]),
);
const [db, [{ createApp }, { compose }, { PgBossJobs }, { installShutdown }, { seedDemo }]] =
  await Promise.all([dbOpening, modulesLoading]);

try {
  const report = await phase('migrate', () => migrate(db));
  if (report.applied.length > 0)
    log.info({ applied: report.applied, current: report.current }, 'database migrated');
} catch (error) {
  if (error instanceof MigrationError) {
    log.fatal({ code: error.code }, error.message);
    console.error(error.message);
    await db.close();
    process.exit(1);
  }
  throw error;
}
if (config.mode === 'demo') {
  const seed = await phase('seed', () =>
    seedDemo(db, { now: new Date(), tenantId: config.microsoft.tenantId as string }),
  );
  if (seed.seeded) log.info({ areaId: seed.areaId }, 'seeded the fictional Northfield MARAC');
}

const jobs = new PgBossJobs(db, log.child({ component: 'jobs' }));
let ready = false;
let stopping = false;
const composition = await phase('compose', () => compose({ config, log, db, jobs }));
const app = createApp({
  config,
  log,
  db,
  readiness: { isReady: () => ready, isShuttingDown: () => stopping },
  features: composition.features,
  staticDir: path.join(root, 'build/tab'),
});

const server = app.listen(config.http.port, config.http.host, () => {
  ready = true;
  // ms counts from process start; phases show where start-up time goes.
  log.info({ url: config.http.publicUrl, ms: Math.round(performance.now()), phases }, 'ready');
  // Background jobs are not needed to answer requests, so they start once we are listening.
  jobs.start().then(
    () => composition.startJobs(jobs),
    (error: unknown) =>
      log.error({ err: error }, 'background jobs did not start; retrying at next restart'),
  );
});
server.on('error', (error) => {
  log.fatal({ err: error }, 'cannot listen');
  process.exit(1);
});
installShutdown({
  server,
  log,
  onStart: () => {
    stopping = true;
  },
  steps: [
    { name: 'features', run: () => composition.stop() },
    { name: 'jobs', run: () => jobs.stop() },
    { name: 'database', run: () => db.close() },
  ],
});
