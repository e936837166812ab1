// `npm start`: builds what is stale, then runs the service in this process.
//  - the tab client (Vite) when tab/web changed since the last build;
//  - the service's own TypeScript as one ESM bundle (esbuild; libraries stay in node_modules),
//    because loading one file is much faster than transpiling each module at every start.
// `npm run dev` (--watch): rebuilds the tab on change and restarts the service from sources.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const watch = process.argv.includes('--watch');
const SERVER_SOURCES = ['core', 'store', 'graph', 'bot', 'tab/api', 'server'];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

const isStale = (output, sources) =>
  !existsSync(output) ||
  Math.max(...sources.map((s) => newestMtime(path.join(root, s)))) > statSync(output).mtimeMs;

const viteArgs = [
  path.join(root, 'node_modules/vite/bin/vite.js'),
  'build',
  '--config',
  path.join(root, 'tab/web/vite.config.ts'),
  '--logLevel',
  'warn',
];

if (watch) {
  spawn(process.execPath, [...viteArgs, '--watch'], { stdio: 'inherit', cwd: root });
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', '--watch', path.join(root, 'server/main.ts')],
    { stdio: 'inherit', cwd: root },
  );
  server.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (isStale(path.join(root, 'build/tab/index.html'), ['tab/web'])) {
    console.error('Building the tab client (first start, or its sources changed)…');
    // Always React's production build, even when started from a test runner (NODE_ENV=test).
    const result = spawnSync(process.execPath, viteArgs, {
      stdio: 'inherit',
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  const bundle = path.join(root, 'build/server/main.mjs');
  if (isStale(bundle, SERVER_SOURCES)) {
    const { build } = await import('esbuild');
    await build({
      entryPoints: [path.join(root, 'server/main.ts')],
      outdir: path.dirname(bundle),
      outExtension: { '.js': '.mjs' },
      entryNames: '[name]',
      // Separate chunks for what main.ts imports lazily, so their libraries load while PGlite opens.
      splitting: true,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      packages: 'external',
      sourcemap: true,
      logLevel: 'warning',
    });
  }
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle).href);
}
