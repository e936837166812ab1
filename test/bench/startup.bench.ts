import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Benchmark, interleaved, result } from './harness.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Time from spawning `node scripts/start.mjs` until /readyz answers 200, then stop it. */
async function startToReady(dataDir: string, port: number): Promise<number> {
  const t = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      MARAC_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {
      // not yet listening
    }
    if (child.exitCode !== null) throw new Error('service exited during the startup benchmark');
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - t;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return ms;
}

/** Baseline: a bare Node process that only opens the same PGlite database and exits. */
function bareOpen(dataDir: string): Promise<number> {
  const script = `import { PGlite } from '@electric-sql/pglite'; const db = await PGlite.create(${JSON.stringify(path.join(dataDir, 'pglite'))}); await db.query('select 1'); await db.close();`;
  const t = performance.now();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
  if (run.status !== 0) throw new Error(String(run.stderr));
  return Promise.resolve(performance.now() - t);
}

export const startupBench: Benchmark = {
  name: 'startup',
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'marac-bench-'));
    const port = 39_000 + Math.floor(Math.random() * 1000);
    try {
      const first = await startToReady(dataDir, port); // creates and seeds the database
      const { subject, baseline } = await interleaved(
        5,
        () => startToReady(dataDir, port),
        () => bareOpen(dataDir),
      );
      return [
        result(
          'service restart to /readyz (demo, PGlite)',
          'ms',
          subject,
          'bare node + PGlite open of the same data',
          baseline,
          { firstStartMs: Math.round(first) },
          ({ value }) => ({ text: 'under 2 s', met: value < 2000 }),
        ),
        result(
          'first start to /readyz on a new database (demo, PGlite; tab already built)',
          'ms',
          first,
          'bare node + PGlite open of the same data',
          baseline,
          undefined,
          ({ value }) => ({ text: 'under 10 s', met: value < 10_000 }),
        ),
      ];
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
