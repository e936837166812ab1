import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './build-app-package.js';
import { AREA_VALUES, type Scratch, scratch } from './testing/fixtures.js';

const run = promisify(execFile);

/** `npm run manifest -- …` exactly as an admin types it; resolves with exit code and output. */
async function npmRunManifest(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'manifest', '--', ...args], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let s: Scratch;
beforeAll(async () => {
  s = await scratch();
  await s.writeEnv('pilot', { ...AREA_VALUES, CAMERA_EVIDENCE: 'true' });
  await s.writeEnv('broken', { ...AREA_VALUES, AAD_APP_CLIENT_ID: 'not-a-guid', PRIVACY_URL: '' });
});
afterAll(() => s.remove());

describe('npm run manifest', () => {
  it('writes build/appPackage.<env>.zip from the env file and says what it checked', async () => {
    const result = await npmRunManifest('--env', 'pilot', '--env-dir', s.envDir, '--out', s.outDir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const zipPath = path.join(s.outDir, 'appPackage.pilot.zip');
    expect(result.stdout).toContain(
      `Wrote ${zipPath}: manifest 1.30 valid against @microsoft/app-manifest`,
    );
    const zip = await JSZip.loadAsync(await readFile(zipPath));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      bots: { supportsCalling: boolean }[];
    };
    expect(manifest.bots[0]?.supportsCalling).toBe(true);
  });

  it('exits 1 listing every problem when values are wrong', async () => {
    const result = await npmRunManifest(
      '--env',
      'broken',
      '--env-dir',
      s.envDir,
      '--out',
      s.outDir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The app package for "broken" was not written: 2 problem(s).');
    expect(result.stderr).toContain('  - AAD_APP_CLIENT_ID="not-a-guid" must be a GUID.');
    expect(result.stderr).toContain('  - PRIVACY_URL is not set.');
  });
});
