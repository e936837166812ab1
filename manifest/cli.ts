import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAppPackage, ManifestBuildError, shown } from './build-app-package.js';
import { MANIFEST_VALUES } from './manifest-values.js';
import { schemaPackage } from './schema.js';

/**
 * npm run manifest -- --env dev [--set KEY=VALUE ...] [--env-dir infra/env] [--out build]
 *
 * Values come from infra/env/.env.<env> (the Agents Toolkit's env files) and --set; the
 * environment of the shell is deliberately not read, so a package is reproducible from the
 * files alone (and server/config.ts stays the only reader of process.env). npm runs scripts
 * from the repository root, so relative --env-dir and --out paths are relative to it.
 */
const USAGE = `Usage: npm run manifest -- --env <name> [--set KEY=VALUE ...] [--env-dir <dir>] [--out <dir>]

Fills manifest/manifest.template.json from infra/env/.env.<name>, validates it offline against
Microsoft's schema (${schemaPackage}), checks RSC permissions and icons, and writes
build/appPackage.<name>.zip.

Values:
${Object.entries(MANIFEST_VALUES)
  .map(([name, spec]) => `  ${name.padEnd(22)} ${spec.description}`)
  .join('\n')}
`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        env: { type: 'string' },
        set: { type: 'string', multiple: true },
        'env-dir': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.env) {
    process.stderr.write(`--env is required.\n\n${USAGE}`);
    return 2;
  }
  const overrides = new Map<string, string>();
  for (const pair of values.set ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      process.stderr.write(`--set ${pair}: expected KEY=VALUE.\n`);
      return 2;
    }
    overrides.set(pair.slice(0, at), pair.slice(at + 1));
  }
  try {
    const built = await buildAppPackage({
      env: values.env,
      overrides,
      ...(values['env-dir'] ? { envDir: path.resolve(values['env-dir']) } : {}),
      ...(values.out ? { outDir: path.resolve(values.out) } : {}),
    });
    process.stdout.write(
      `Wrote ${shown(built.zipPath)}: manifest ${built.manifest.manifestVersion} ` +
        `valid against ${schemaPackage}'s schema (offline), RSC permissions and icons checked.\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ManifestBuildError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
