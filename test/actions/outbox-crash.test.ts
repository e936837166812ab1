import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_HEADER } from '../../graph/graph-mailer.js';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { PgOutboxStore } from '../../store/outbox-store.js';
import { PgliteDb } from '../../store/pglite-db.js';
import {
  APP_ID,
  APP_SECRET,
  type ContractTenant,
  emailOf,
  MAILBOX,
  startContractTenant,
  TENANT_ID,
} from '../contract/support/contract-tenant.js';
import { createTestDb, type TestDb, usingPostgres } from '../support/test-db.js';
import type { WorkerSettings } from './support/dispatch-worker.js';

/**
 * The worker sending chasers is killed with SIGKILL while mails are in
 * flight to the simulated tenant (each send held 250 ms, so several are mid-request); after a
 * restart every queued chaser has been sent exactly once: the restarted worker finds the
 * in-flight ones in Sent Items by their idempotency key instead of sending them again.
 */
const WORKER = path.resolve(import.meta.dirname, 'support/dispatch-worker.ts');
const MAILS = 24;

let tenant: ContractTenant;
let pgTestDb: TestDb | undefined;
let dataDir: string | undefined;
beforeAll(async () => {
  tenant = await startContractTenant();
});
afterAll(async () => {
  await pgTestDb?.dispose();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  await tenant?.close();
});

function startWorker(settings: WorkerSettings) {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(settings)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, out: () => out, err: () => err };
}

async function until(check: () => boolean, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The database both the test and the worker processes open: a PGlite data dir, or a PostgreSQL schema. */
async function openShared(): Promise<{
  db: Db;
  settings: WorkerSettings['db'];
  reopen(): Promise<Db>;
}> {
  if (usingPostgres) {
    pgTestDb = await createTestDb();
    const db = pgTestDb;
    return {
      db,
      settings: { driver: 'pg', url: process.env.DATABASE_URL as string, schema: db.schema },
      reopen: async () => db,
    };
  }
  dataDir = await mkdtemp(path.join(tmpdir(), 'marac-crash-'));
  const db = await PgliteDb.open({ dataDir });
  await migrate(db);
  const dir = dataDir;
  return {
    db,
    settings: { driver: 'pglite', dataDir: dir },
    reopen: () => PgliteDb.open({ dataDir: dir }),
  };
}

describe('the outbox dispatcher survives SIGKILL mid-send (exactly once)', () => {
  it('sends every queued chaser exactly once across a crash and a restart', async () => {
    const shared = await openShared();
    const keys: string[] = [];
    const outbox = new PgOutboxStore(shared.db);
    for (let i = 1; i <= MAILS; i++) {
      const key = `chaser:crash-${i}:overdue:${emailOf('police-rep')}`;
      keys.push(key);
      await outbox.enqueue(
        {
          idempotencyKey: key,
          purpose: 'chaser',
          to: [{ email: emailOf('police-rep') }],
          subject: `Northfield MARAC: action A-${String(i).padStart(4, '0')} due for your update`,
          bodyHtml: `<p>A-${String(i).padStart(4, '0')}</p>`,
        },
        new Date(Date.now() - 1000),
      );
    }
    if (!usingPostgres) await shared.db.close(); // PGlite: one process holds the data dir at a time
    tenant.tenant.faults.add({
      call: 'POST /users/{id}/sendMail',
      // Each mail is in Sent Items at once but its answer takes 1.5 s, so the mails in flight at
      // the kill are certainly sent-but-unrecorded: the case the restart must not resend.
      kind: 'slow-answer',
      latencyMs: 1500,
    });
    const base = {
      db: shared.settings,
      graphBaseUrl: tenant.tenant.graphBaseUrl,
      authorityHost: tenant.tenant.authorityHost,
      tenantId: TENANT_ID,
      clientId: APP_ID,
      secret: APP_SECRET,
      mailbox: MAILBOX,
    };

    const first = startWorker({ ...base, staleAfterMs: 60_000 });
    await until(() => tenant.tenant.outbox.length >= 6, 60_000, `first sends (${first.err()})`);
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const sentBeforeRestart = tenant.tenant.outbox.length;
    expect(sentBeforeRestart).toBeLessThan(MAILS);

    const second = startWorker({ ...base, staleAfterMs: 0 });
    const exit = await second.exited;
    expect(exit, second.err()).toEqual({ code: 0, signal: null });
    const report = JSON.parse(second.out().trim().split('\n').pop() as string) as {
      sent: number;
      alreadySent: number;
    };

    const sentKeys = tenant.tenant.outbox.map(
      (m) => m.internetMessageHeaders.find((h) => h.name === IDEMPOTENCY_HEADER)?.value,
    );
    expect([...sentKeys].sort()).toEqual([...keys].sort()); // each key exactly once, none lost
    // The restart found what the killed worker had sent but not recorded, and did not resend it.
    expect(report.alreadySent).toBeGreaterThan(0);
    expect(report.sent + report.alreadySent).toBeLessThanOrEqual(MAILS);

    const db = await shared.reopen();
    const { rows } = await db.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM outbox_mail GROUP BY state',
    );
    expect(rows).toEqual([{ state: 'sent', n: MAILS }]);
    if (!usingPostgres) await db.close();
  }, 120_000);
});
