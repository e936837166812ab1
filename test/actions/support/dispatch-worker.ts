/**
 * A standalone outbox-dispatcher process for the crash test (test/actions/outbox-crash.test.ts):
 * `node --import tsx dispatch-worker.ts '<json>'`. It opens the database (PGlite data dir or a
 * PostgreSQL schema), builds the real Graph mailer against the simulated tenant, dispatches
 * until nothing is due, prints one JSON line with its report and exits. Settings come as an
 * argument (only server/config.ts reads the environment).
 */
import { MsalTokenProvider } from '../../../graph/auth/msal-token-provider.js';
import { GraphClient } from '../../../graph/graph-client.js';
import { GraphMailer } from '../../../graph/graph-mailer.js';
import { dispatchOutbox } from '../../../server/outbox-dispatcher.js';
import type { Db } from '../../../store/db.js';
import { PgDb } from '../../../store/pg-db.js';
import { PgliteDb } from '../../../store/pglite-db.js';

export interface WorkerSettings {
  db: { driver: 'pglite'; dataDir: string } | { driver: 'pg'; url: string; schema: string };
  graphBaseUrl: string;
  authorityHost: string;
  tenantId: string;
  clientId: string;
  secret: string;
  mailbox: string;
  staleAfterMs: number;
}

const settings = JSON.parse(process.argv[2] as string) as WorkerSettings;
const db: Db =
  settings.db.driver === 'pglite'
    ? await PgliteDb.open({ dataDir: settings.db.dataDir })
    : new PgDb({ connectionString: settings.db.url, searchPath: settings.db.schema, max: 2 });
const tokens = new MsalTokenProvider({
  authorityHost: settings.authorityHost,
  tenantId: settings.tenantId,
  clientId: settings.clientId,
  credential: { kind: 'secret', secret: settings.secret },
});
const graph = new GraphClient({ baseUrl: settings.graphBaseUrl, tokens, retryDelaySeconds: 0.05 });
const mailer = new GraphMailer({ graph, mailbox: settings.mailbox, sleep: async () => {} });
process.stdout.write('started\n');
const report = await dispatchOutbox(db, {
  clock: { now: () => new Date() },
  mailer,
  mailbox: settings.mailbox,
  batchSize: 8,
  staleAfterMs: settings.staleAfterMs,
});
process.stdout.write(`${JSON.stringify(report)}\n`);
await db.close();
process.exit(0);
