// `npm run bundle-size`: builds the tab client and reports the gzipped JavaScript each surface
// loads (the entry, the surface's lazy chunk and everything they import, plus the surface's own
// lazy pages). teams-js is loaded only inside Teams/Outlook and msal-browser only for browser
// sign-in in production, so each is reported on top. Fails when My MARAC (the personal tab, in
// Teams, Outlook or a browser, whichever loads most) is above 250 KB gzipped ("Quality").
//   --no-build  use the existing build/tab
//   --json      print the figures as JSON
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'build/tab');
const LIMIT_KB = 250;

export const SURFACES = {
  'My MARAC': 'src/surfaces/my-marac/my-marac.tsx',
  'Meeting details': 'src/surfaces/meeting/meeting-details.tsx',
  'Coordinator workspace': 'src/surfaces/coordinator/workspace.tsx',
  'Tab configuration': 'src/surfaces/config/tab-config.tsx',
  'Sign-in (demo)': 'src/surfaces/demo/sign-in/sign-in.tsx',
  Landing: 'src/surfaces/landing/landing.tsx',
};
// Surfaces added later (chair console, demo meeting room, reports) are picked up when present.
const OPTIONAL = {
  'Chair console': 'src/surfaces/chair-console/chair-console.tsx',
  'Demo meeting room': 'src/surfaces/demo/meeting-room/meeting-room.tsx',
};

if (!process.argv.includes('--no-build')) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(root, 'tab/web/vite.config.ts'),
      '--logLevel',
      'warn',
    ],
    { stdio: 'inherit', cwd: root },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8'));
const gzipCache = new Map();
const gzipped = (file) => {
  if (!gzipCache.has(file))
    gzipCache.set(file, gzipSync(readFileSync(path.join(outDir, file)), { level: 9 }).length);
  return gzipCache.get(file);
};

/** Chunks loaded for `key`: static imports always; lazy ones only inside `folder`. */
function closure(key, folder, seen = new Set()) {
  if (seen.has(key)) return seen;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  seen.add(key);
  for (const dep of chunk.imports ?? []) closure(dep, folder, seen);
  for (const dep of chunk.dynamicImports ?? [])
    if (folder && dep.startsWith(folder)) closure(dep, folder, seen);
  return seen;
}

const jsOf = (keys) => [...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const sum = (files) => files.reduce((total, f) => total + gzipped(f), 0);

const entry = closure('index.html', null);
const teamsKey = Object.keys(manifest).find((k) => k.includes('teams-sdk'));
const msalKey = Object.keys(manifest).find((k) => k.includes('msal-sdk'));
const teams = teamsKey ? sum(jsOf(closure(teamsKey, null))) : 0;
const msal = msalKey ? sum(jsOf(closure(msalKey, '../../node_modules/@azure/msal-browser'))) : 0;

const rows = [];
const all = { ...SURFACES };
for (const [name, key] of Object.entries(OPTIONAL)) if (manifest[key]) all[name] = key;
for (const [name, key] of Object.entries(all)) {
  const folder = key.slice(0, key.lastIndexOf('/') + 1);
  const keys = new Set([...entry, ...closure(key, folder)]);
  const files = jsOf(keys);
  const browser = sum(files);
  rows.push({
    surface: name,
    chunks: files.length,
    browserKb: kb(browser),
    inTeamsKb: kb(browser + teams),
    withMsalKb: kb(browser + msal),
  });
}

if (process.argv.includes('--json'))
  console.log(JSON.stringify({ rows, teamsKb: kb(teams), msalKb: kb(msal) }, null, 2));
else {
  console.log('Gzipped JavaScript per surface (KB; entry + surface chunks):');
  console.log(['Surface'.padEnd(24), 'chunks', 'browser', 'in Teams', 'browser+MSAL'].join('  '));
  for (const r of rows)
    console.log(
      [
        r.surface.padEnd(24),
        String(r.chunks).padStart(6),
        String(r.browserKb).padStart(7),
        String(r.inTeamsKb).padStart(8),
        String(r.withMsalKb).padStart(12),
      ].join('  '),
    );
  console.log(
    `(teams-js ${kb(teams)} KB, loaded only in Teams/Outlook; msal-browser ${kb(msal)} KB, only for production browser sign-in)`,
  );
}

const my = rows.find((r) => r.surface === 'My MARAC');
const worst = Math.max(my.inTeamsKb, my.browserKb, my.withMsalKb);
if (worst > LIMIT_KB) {
  console.error(
    `My MARAC loads ${worst} KB of gzipped JavaScript: above the ${LIMIT_KB} KB budget.`,
  );
  process.exit(1);
}
console.log(`My MARAC: ${worst} KB gzipped, within the ${LIMIT_KB} KB budget.`);
