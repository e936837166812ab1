// `npm run playground`: the service in demo mode (Bot Framework authentication off, bound to
// loopback) and Microsoft 365 Agents Playground (@microsoft/m365agentsplayground) talking to
// its /api/messages. Open the playground's URL it prints (http://localhost:56150 by default).
//   npm run playground                 service on PORT (3978), playground on 56150
//   npm run playground -- --smoke      also sends a message and a meeting-start custom activity
//                                      through the playground's web UI (needs Chromium) and exits
// Both processes stop together on Ctrl+C. Nothing here talks to the internet; the playground's
// own telemetry is disabled (--dt).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const smoke = process.argv.includes('--smoke');
const port = Number(process.env.PORT ?? 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
const service = `http://127.0.0.1:${port}`;
const children = [];

function start(command, args, env = {}) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${path.basename(args[0] ?? command)} exited (${code}); stopping.`);
      stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url, what, seconds = 180) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer at ${url} within ${seconds} s`);
}

// The service: demo mode unless configured otherwise; MARAC_BOT_AUTH stays off (the playground
// sends no Bot Framework token), which demo mode allows on loopback only.
// The bot refuses activities from tenants it does not serve; the playground's fictional
// tenant ("Contoso", its built-in default) is allowed alongside the demo tenant for this run.
const PLAYGROUND_TENANT_ID = '5b658416-0de4-4d67-95b4-2751e5a69d3d';
const DEMO_TENANT_ID = '00000000-0000-4000-8000-0000000d3e70';
start(process.execPath, [path.join(root, 'scripts/start.mjs')], {
  PORT: String(port),
  MARAC_BOT_AUTH: 'off',
  // The playground's mock Bot Connector: the bot replies only to service URLs it trusts.
  MARAC_TRUSTED_SERVICE_URLS: `http://localhost:${playgroundPort}/_connector/`,
  MARAC_ALLOWED_TENANTS:
    process.env.MARAC_ALLOWED_TENANTS ?? `${DEMO_TENANT_ID},${PLAYGROUND_TENANT_ID}`,
});
await waitFor(`${service}/readyz`, 'the service');
start(process.execPath, [
  path.join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js'),
  '--app-endpoint',
  `${service}/api/messages`,
  '--channel-id',
  'msteams',
  '--port',
  String(playgroundPort),
  '--disable-telemetry',
]);
await waitFor(`http://127.0.0.1:${playgroundPort}/_debug/ping`, 'the playground');
console.error(
  `\nAgents Playground: http://localhost:${playgroundPort}  (bot: ${service}/api/messages)\n`,
);

if (smoke) {
  const { runSmoke } = await import('./playground-smoke.mjs');
  try {
    await runSmoke(`http://127.0.0.1:${playgroundPort}`);
    console.error('playground smoke check passed');
    stop(0);
  } catch (error) {
    console.error('playground smoke check failed:', error);
    stop(1);
  }
}
