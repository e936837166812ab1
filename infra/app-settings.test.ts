import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SETTINGS } from '../server/settings.js';
import { appSettingsProblems, CORE_BLOCK, parseAppSettings } from './app-settings.js';

const bicepPath = new URL('./azure.bicep', import.meta.url);
const bicep = await readFile(bicepPath, 'utf8');
const scratch = await mkdtemp(path.join(tmpdir(), 'marac-bicep-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Runs the check on a modified copy of azure.bicep written to disk, as a reviewer would. */
async function checkCopy(edit: (text: string) => string): Promise<string[]> {
  const copy = path.join(scratch, `azure.${Math.random().toString(36).slice(2)}.bicep`);
  const edited = edit(bicep);
  expect(edited, 'the edit must change the file').not.toBe(bicep);
  await writeFile(copy, edited);
  return appSettingsProblems(await readFile(copy, 'utf8'), SETTINGS);
}

const required = Object.entries(SETTINGS)
  .filter(([, s]) => s.production === 'required')
  .map(([name]) => name);

describe('azure.bicep app settings cover server/settings.ts', () => {
  it('sets every production-required setting unconditionally, with no unknown name', () => {
    expect(required.length).toBeGreaterThan(3);
    expect(appSettingsProblems(bicep, SETTINGS)).toEqual([]);
    const core = parseAppSettings(bicep).blocks.get(CORE_BLOCK);
    for (const name of required) expect(core?.has(name), name).toBe(true);
  });

  it('runs the service in production mode, listening beyond loopback, on TLS-only PostgreSQL', () => {
    const core = parseAppSettings(bicep).blocks.get(CORE_BLOCK);
    expect(core?.get('MARAC_MODE')).toBe("'production'");
    // config.ts defaults HOST to 127.0.0.1; App Service forwards from outside the container.
    expect(core?.get('HOST')).toBe("'0.0.0.0'");
    expect(bicep).toMatch(/databaseUrl: 'postgres:\/\/.*\?sslmode=require'/);
  });

  it.each(required)('fails when %s is removed from the Bicep', async (name) => {
    const problems = await checkCopy((text) =>
      text.replace(new RegExp(`^\\s+${name}: .*\\n`, 'm'), ''),
    );
    expect(problems).toEqual([
      `${name} is required in production (server/settings.ts) but azure.bicep does not set it.`,
    ]);
  });

  it('fails on a misspelt setting, saying which one was meant', async () => {
    const problems = await checkCopy((text) => text.replace('  MARAC_MAILBOX:', '  MARAC_MAILBX:'));
    expect(problems).toContain(
      'MARAC_MAILBOX is required in production (server/settings.ts) but azure.bicep does not set it.',
    );
    expect(problems).toContain(
      'MARAC_MAILBX (coreSettings) is not a setting server/settings.ts declares: did you mean MARAC_MAILBOX?',
    );
  });

  it('fails when a required setting is only set conditionally', async () => {
    const problems = await checkCopy((text) =>
      text
        .replace(/^ {2}MARAC_MAILBOX: .*\n/m, '')
        .replace(
          'var cameraSettings = {\n',
          'var cameraSettings = {\n  MARAC_MAILBOX: maracMailbox\n',
        ),
    );
    expect(problems).toEqual([
      'MARAC_MAILBOX is required in production but azure.bicep sets it only conditionally (cameraSettings); move it to coreSettings.',
    ]);
  });

  it('fails when a secret is set in clear instead of from Key Vault', async () => {
    const problems = await checkCopy((text) =>
      text.replace(
        /^ {2}DATABASE_URL: .*$/m,
        "  DATABASE_URL: 'postgres://marac:hunter2@db/marac'",
      ),
    );
    expect(problems).toEqual([
      "DATABASE_URL is secret, so azure.bicep must set it from Key Vault (a Key Vault reference), not 'postgres://marac:hunter2@db/marac'.",
    ]);
  });

  it('fails when a block of settings is never applied to the web app', async () => {
    const problems = await checkCopy((text) =>
      text.replace('union(platformSettings, coreSettings, ', 'union(platformSettings, '),
    );
    expect(problems).toContain(
      'coreSettings is defined in azure.bicep but not merged into the app settings of the web app.',
    );
    const unused = await checkCopy((text) =>
      text.replace('properties: appSettings', 'properties: platformSettings'),
    );
    expect(unused).toContain(
      'coreSettings is defined in azure.bicep but not merged into the app settings of the web app.',
    );
  });

  it('keeps the password and the client secret out of plain app settings', () => {
    const { blocks } = parseAppSettings(bicep);
    expect(blocks.get('singleTenantSettings')?.get('MARAC_APP_PASSWORD')).toContain('keyVaultRef');
    expect(blocks.get(CORE_BLOCK)?.get('DATABASE_URL')).toContain('keyVaultRef');
  });
});
