import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AREA_POLICY } from '../../core/area-policy.js';
import { DEFAULT_CONFIDENTIALITY_STATEMENT } from '../../core/area-setup/bootstrap-area.js';
import { APPLICATION_PERMISSIONS } from '../../graph/permissions.js';
import { sharedMailboxUser, type SimUser } from '../../graph/simulator/directory.js';
import { type RunningSimulator, startSimulator } from '../../graph/simulator/start-simulator.js';
import { loadConfig } from '../../server/config.js';
import { configuredDirectory, runSetup } from '../../server/setup-command.js';
import type { Db } from '../../store/db.js';
import { PgDirectoryStore } from '../../store/directory-store.js';
import { PgliteDb } from '../../store/pglite-db.js';
import { TENANT_ID, APP_ID, APP_SECRET, MAILBOX } from '../contract/support/contract-tenant.js';
import { createTestDb, type TestDb, usingPostgres } from '../support/test-db.js';

/**
 * `npm run setup` end to end against a simulated tenant on its own port: the real token and
 * Graph plumbing, the simulator's `GET /users/{id}`, the migrations, the store. Fictional people.
 */
const JO: SimUser = {
  id: '3f9d2b1c-5a6e-4c7d-8e9f-0a1b2c3d4e5f',
  userPrincipalName: 'jo.marsh@northfield-council.example',
  mail: 'jo.marsh@northfield-council.example',
  displayName: 'Jo Marsh',
};
const NO_DIRECTORY_APP = '00000000-0000-4000-8000-0000000000b2';

let sim: RunningSimulator;
let db: TestDb | undefined;
beforeAll(async () => {
  sim = await startSimulator({
    tenantId: TENANT_ID,
    users: [sharedMailboxUser(MAILBOX), JO],
    apps: [
      { appId: APP_ID, secrets: [APP_SECRET], graphRoles: [...APPLICATION_PERMISSIONS] },
      {
        appId: NO_DIRECTORY_APP,
        secrets: [APP_SECRET],
        graphRoles: APPLICATION_PERMISSIONS.filter((p) => p !== 'User.Read.All'),
      },
    ],
  });
});
afterAll(() => sim.close());
afterEach(async () => {
  await db?.dispose();
  db = undefined;
});

/** Production settings for the simulated tenant (the database is the test's). */
function productionEnv(appId = APP_ID): Record<string, string> {
  return {
    MARAC_MODE: 'production',
    MARAC_APP_ID: appId,
    MARAC_APP_TENANT_ID: TENANT_ID,
    MARAC_APP_PASSWORD: APP_SECRET,
    MARAC_PUBLIC_URL: 'https://marac.northfield-council.example',
    MARAC_MAILBOX: MAILBOX,
    MARAC_GRAPH_BASE_URL: sim.tenant.graphBaseUrl,
    MARAC_AUTHORITY_HOST: sim.tenant.authorityHost,
    DATABASE_URL: 'postgres://unused.example/marac',
  };
}

async function setup(argv: string[], env = productionEnv()) {
  const config = loadConfig(env);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSetup({
    argv,
    config,
    db: db as Db,
    directory: () => configuredDirectory(config),
    now: () => new Date('2026-12-07T10:00:00Z'),
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function contents(q: Db) {
  const areas = await q.query<Record<string, unknown>>(
    'SELECT id, name, nation, time_zone, policy, confidentiality_statement, organiser_mailbox FROM area',
  );
  const people = await q.query<Record<string, unknown>>(
    'SELECT id, display_name, email, entra_object_id, entra_tenant_id FROM person',
  );
  const audit = await q.query<{ action: string }>('SELECT action FROM audit_log');
  return { areas: areas.rows, people: people.rows, audit: audit.rows.map((r) => r.action) };
}

const userLookups = () => sim.tenant.requests.filter((r) => r.call === 'GET /users/{id}');

const ARGS = ['--area', 'Northfield MARAC', '--coordinator', 'Jo.Marsh@northfield-council.example'];

describe('npm run setup (first run in a real tenant)', () => {
  it('migrates an empty database, finds the coordinator in Entra and creates the area', async () => {
    db = await createTestDb({ migrate: false });
    sim.tenant.requests.length = 0;
    const run = await setup([...ARGS, '--nation', 'northern-ireland']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);

    const { areas, people, audit } = await contents(db);
    expect(areas).toEqual([
      {
        id: expect.any(String),
        name: 'Northfield MARAC',
        nation: 'northern-ireland',
        time_zone: 'Europe/London',
        policy: JSON.parse(JSON.stringify(DEFAULT_AREA_POLICY)),
        confidentiality_statement: DEFAULT_CONFIDENTIALITY_STATEMENT,
        organiser_mailbox: MAILBOX,
      },
    ]);
    expect(people).toEqual([
      {
        id: expect.any(String),
        display_name: JO.displayName,
        email: JO.mail,
        entra_object_id: JO.id,
        entra_tenant_id: TENANT_ID,
      },
    ]);
    expect(audit).toEqual(['area.bootstrap']);
    // Sign-in matches on tenant and object id: the coordinator is found, with the role.
    const signedIn = await new PgDirectoryStore(db).findPersonByEntraId(TENANT_ID, JO.id);
    expect(signedIn).toMatchObject({ id: people[0]?.id, roles: ['coordinator'] });
    expect(userLookups().map((r) => r.status)).toEqual([200]);

    expect(run.out).toContain('Created the area "Northfield MARAC"');
    expect(run.out).toContain('Jo.Marsh@northfield-council.example');
    expect(run.out).toContain(TENANT_ID);
    // Only what the operator typed: not the name Entra holds, nor the object id.
    expect(run.out).not.toContain(JO.displayName);
    expect(run.out).not.toContain(JO.id);
  });

  it('refuses to run twice, changes nothing and asks Entra nothing', async () => {
    db = await createTestDb();
    expect((await setup(ARGS)).code).toBe(0);
    const before = await contents(db);
    sim.tenant.requests.length = 0;

    const again = await setup([
      '--area',
      'Southfield MARAC',
      '--coordinator',
      JO.userPrincipalName,
    ]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already has a MARAC area ("Northfield MARAC")');
    expect(await contents(db)).toEqual(before);
    expect(userLookups()).toEqual([]);
  });

  it('creates nothing for a user the directory does not have, and says so plainly', async () => {
    db = await createTestDb();
    const run = await setup([
      '--area',
      'Northfield MARAC',
      '--coordinator',
      'jo.marsh@elsewhere.example',
    ]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'Nobody with the sign-in name jo.marsh@elsewhere.example was found in your organisation',
    );
    expect(userLookups().at(-1)?.status).toBe(404);
    expect(await contents(db)).toEqual({ areas: [], people: [], audit: [] });
  });

  it('names the missing permission when the app may not read users', async () => {
    db = await createTestDb();
    const run = await setup(ARGS, productionEnv(NO_DIRECTORY_APP));
    expect(run.code).toBe(1);
    expect(run.err).toContain('403');
    expect(run.err).toContain('User.Read.All');
    expect((await contents(db)).areas).toEqual([]);
  });

  it('refuses in demo mode, whose seed stays the way to get an area', async () => {
    db = await createTestDb({ migrate: false });
    const run = await setup(ARGS, {});
    expect(run.code).toBe(1);
    expect(run.err).toContain('Demo mode creates the fictional Northfield MARAC by itself');
    const tables = await db.query(
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'area' AND table_schema = $1`,
      [db.schema],
    );
    expect(tables.rows).toEqual([]);
  });

  it('explains its usage for a missing or unknown option', async () => {
    db = await createTestDb();
    const unknown = await setup(['--area', 'Northfield MARAC', '--coordinater', 'x@y.example']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("Unknown option '--coordinater'");
    expect(unknown.err).toContain('Usage: npm run setup');
    const missing = await setup(['--area', 'Northfield MARAC']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Name the first coordinator with --coordinator');
    expect((await contents(db)).areas).toEqual([]);
  });
});

describe('npm run setup as a process', () => {
  const root = path.resolve(import.meta.dirname, '../..');

  /** The package.json script as npm would run it (npm itself may not be on a CI machine). */
  async function runNpm(argv: string[], env: Record<string, string>) {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const [command, ...args] = (pkg.scripts.setup as string).split(' ');
    expect(command).toBe('node');
    return new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [...args, ...argv], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ code, out, err }));
    });
  }

  it(`sets up once and refuses the second time (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'marac-setup-'));
    let env: Record<string, string>;
    if (usingPostgres) {
      db = await createTestDb({ migrate: false });
      const url = new URL(process.env.DATABASE_URL as string);
      url.searchParams.set('options', `-c search_path=${db.schema}`);
      env = { ...productionEnv(), DATABASE_URL: url.toString() };
    } else {
      // PGlite is the embedded database of demo mode, pointed here at the external tenant.
      env = {
        MARAC_DATA_DIR: dataDir,
        MARAC_GRAPH_BASE_URL: sim.tenant.graphBaseUrl,
        MARAC_AUTHORITY_HOST: sim.tenant.authorityHost,
        MARAC_APP_PASSWORD: APP_SECRET,
        MARAC_MAILBOX: MAILBOX,
      };
    }
    try {
      const first = await runNpm([...ARGS, '--time-zone', 'Europe/London'], env);
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      expect(first.out).toContain('Created the area "Northfield MARAC"');
      const second = await runNpm(ARGS, env);
      expect(second.code).toBe(1);
      expect(second.err).toContain('already has a MARAC area');

      const check = usingPostgres
        ? (db as TestDb)
        : await PgliteDb.open({ dataDir: path.join(dataDir, 'pglite') });
      try {
        const { areas, people } = await contents(check);
        expect(areas.map((a) => a.name)).toEqual(['Northfield MARAC']);
        expect(people.map((p) => [p.entra_object_id, p.entra_tenant_id])).toEqual([
          [JO.id, TENANT_ID],
        ]);
      } finally {
        if (!usingPostgres) await check.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    // Two processes, each compiling TypeScript and opening its database: slow on two cores.
  }, 180_000);
});
