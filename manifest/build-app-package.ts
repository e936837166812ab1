import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { parseEnvFile } from './env-file.js';
import { resolveManifestValues } from './manifest-values.js';
import { readIcons, type TeamsManifest, validateManifest } from './validate-manifest.js';

/**
 * `npm run manifest`: fills the template with one environment's values, validates the result
 * offline (schema, RSC names, URLs, icons) and writes build/appPackage.<env>.zip holding
 * manifest.json and the two icons. Nothing is written unless everything passes.
 */
export const MANIFEST_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.dirname(MANIFEST_DIR);

export interface BuildOptions {
  /** Environment name: reads `<envDir>/.env.<env>` and names the zip. */
  env: string;
  envDir?: string;
  /** KEY=VALUE from the command line; they win over the env file. */
  overrides?: ReadonlyMap<string, string>;
  templatePath?: string;
  outDir?: string;
}

export interface BuiltPackage {
  zipPath: string;
  manifestPath: string;
  manifest: TeamsManifest;
}

export class ManifestBuildError extends Error {
  constructor(
    readonly env: string,
    readonly problems: string[],
  ) {
    super(
      `The app package for "${env}" was not written: ${problems.length} problem(s).\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ManifestBuildError';
  }
}

export async function buildAppPackage(options: BuildOptions): Promise<BuiltPackage> {
  const { env } = options;
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(env))
    throw new ManifestBuildError(env, [
      `"${env}" is not an environment name (letters, digits, -).`,
    ]);
  const envDir = options.envDir ?? path.join(ROOT, 'infra/env');
  const templatePath = options.templatePath ?? path.join(MANIFEST_DIR, 'manifest.template.json');
  const outDir = options.outDir ?? path.join(ROOT, 'build');

  const zipPath = path.join(outDir, `appPackage.${env}.zip`);
  const manifestPath = path.join(outDir, `manifest.${env}.json`);
  // A failed build must not leave an older package behind for someone to upload by mistake.
  await Promise.all([rm(zipPath, { force: true }), rm(manifestPath, { force: true })]);

  const given = await readEnv(envDir, env);
  for (const [key, value] of options.overrides ?? []) given.set(key, value);
  const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const { values, problems } = resolveManifestValues(given, version);
  // Missing or malformed values come first: schema errors they would cause are only noise.
  if (problems.length > 0) throw new ManifestBuildError(env, problems);
  const template = JSON.parse(await readFile(templatePath, 'utf8')) as TeamsManifest;
  const manifest = fill(template, values, problems) as TeamsManifest;
  // The bot takes calls only where the area switched camera evidence on (DESIGN.md §7).
  for (const bot of manifest.bots ?? [])
    bot.supportsCalling = values.get('CAMERA_EVIDENCE') === 'true';

  const icons = await readIcons(manifest, path.dirname(templatePath));
  const iconFiles = Array.isArray(icons) ? null : icons;
  problems.push(
    ...(iconFiles ? [] : (icons as string[])),
    ...validateManifest(manifest, iconFiles),
  );
  if (problems.length > 0 || !iconFiles) throw new ManifestBuildError(env, problems);

  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  const zip = new JSZip();
  // A fixed date keeps the zip byte-for-byte reproducible for the same inputs.
  const date = new Date('2000-01-01T00:00:00Z');
  zip.file('manifest.json', json, { date });
  zip.file(manifest.icons?.color as string, iconFiles.color, { date });
  zip.file(manifest.icons?.outline as string, iconFiles.outline, { date });
  await mkdir(outDir, { recursive: true });
  await writeFile(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  await writeFile(manifestPath, json);
  return { zipPath, manifestPath, manifest };
}

async function readEnv(envDir: string, env: string): Promise<Map<string, string>> {
  const file = path.join(envDir, `.env.${env}`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    const known = (await readdir(envDir).catch(() => [] as string[]))
      .map((f) => /^\.env\.([a-z0-9-]+)$/i.exec(f)?.[1])
      .filter(Boolean);
    throw new ManifestBuildError(env, [
      `${shown(file)} does not exist. Environments: ${known.join(', ') || 'none'}.`,
    ]);
  }
  try {
    return parseEnvFile(text, shown(file));
  } catch (error) {
    throw new ManifestBuildError(env, [(error as Error).message]);
  }
}

/** A path as people read it: relative to the repository when inside it. */
export function shown(file: string): string {
  const relative = path.relative(ROOT, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Replaces `${{NAME}}` inside every string of the template; unknown names are problems. */
function fill(node: unknown, values: ReadonlyMap<string, string>, problems: string[]): unknown {
  if (typeof node === 'string')
    return node.replace(
      /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g,
      (placeholder, name: string) => {
        const value = values.get(name);
        if (value !== undefined) return value;
        problems.push(`The template uses ${placeholder}, which is not a manifest value.`);
        return placeholder;
      },
    );
  if (Array.isArray(node)) return node.map((item) => fill(item, values, problems));
  if (node && typeof node === 'object')
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, fill(value, values, problems)]),
    );
  return node;
}
