import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppPackage, MANIFEST_DIR, ManifestBuildError } from './build-app-package.js';
import { encodePng } from './png.js';
import type { TeamsManifest } from './validate-manifest.js';
import { REQUIRED_RSC_PERMISSIONS } from './rsc-permissions.js';
import { newestSchemaVersion } from './schema.js';
import { AREA_VALUES, type Scratch, scratch } from './testing/fixtures.js';

/** Microsoft's schema straight from the package, compiled here, independent of schema.ts. */
function officialValidator(version: string) {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schema = JSON.parse(
    readFileSync(
      path.join(dir, `build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`),
      'utf8',
    ),
  ) as object;
  return new ajvDraft04.default({ allErrors: true, strict: false, logger: false }).compile(schema);
}

async function problemsOf(build: Promise<unknown>): Promise<string[]> {
  const error = await build.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the build should have failed').toBeInstanceOf(ManifestBuildError);
  return (error as ManifestBuildError).problems;
}

let s: Scratch;
beforeAll(async () => {
  s = await scratch();
  await s.writeEnv('test', AREA_VALUES);
});
afterAll(() => s.remove());

describe('npm run manifest: the app package', () => {
  it('zips a manifest that validates against the newest schema bundled in @microsoft/app-manifest', async () => {
    const built = await buildAppPackage({ env: 'test', envDir: s.envDir, outDir: s.outDir });
    expect(built.zipPath).toBe(path.join(s.outDir, 'appPackage.test.zip'));
    const zip = await JSZip.loadAsync(await readFile(built.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as TeamsManifest;

    expect(manifest.manifestVersion).toBe(newestSchemaVersion());
    const validate = officialValidator(manifest.manifestVersion as string);
    expect(validate(manifest), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(await zip.file('color.png')!.async('nodebuffer')).toEqual(
      await readFile(path.join(MANIFEST_DIR, 'color.png')),
    );
  });

  it('fills every value and declares each capability the product needs', async () => {
    const { manifest: m } = await buildAppPackage({
      env: 'test',
      envDir: s.envDir,
      outDir: s.outDir,
    });
    const base = AREA_VALUES.TAB_ENDPOINT;
    expect(JSON.stringify(m)).not.toContain('${{');
    expect(m.id).toBe(AREA_VALUES.TEAMS_APP_ID);
    expect((m.name as { short: string }).short).toBe('Virtual MARAC (test)');
    expect(m.version).toBe(
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
    );
    expect(m.bots).toEqual([
      expect.objectContaining({
        botId: AREA_VALUES.AAD_APP_CLIENT_ID, // BOT_ID left empty: the SingleTenant bot shares the registration
        scopes: ['personal', 'groupChat', 'team'],
        supportsCalling: false,
      }),
    ]);
    expect(m.staticTabs).toEqual([
      expect.objectContaining({
        entityId: 'my-marac',
        name: 'My MARAC',
        contentUrl: `${base}/tab/my-marac`,
        scopes: ['personal'],
      }),
      expect.objectContaining({
        entityId: 'coordinator',
        name: 'Coordinator',
        contentUrl: `${base}/tab/coordinator`,
        scopes: ['personal'],
      }),
      expect.objectContaining({
        entityId: 'reports',
        name: 'Reports',
        contentUrl: `${base}/tab/reports`,
        scopes: ['personal'],
      }),
    ]);
    expect(m.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: `${base}/tab/config`,
        scopes: ['groupChat'],
        context: ['meetingSidePanel', 'meetingDetailsTab', 'meetingChatTab', 'meetingStage'],
      }),
    ]);
    expect(m.validDomains).toEqual(['marac.northfield.example']);
    expect(m.webApplicationInfo).toEqual({
      id: AREA_VALUES.AAD_APP_CLIENT_ID,
      resource: `api://marac.northfield.example/${AREA_VALUES.AAD_APP_CLIENT_ID}`,
    });
    expect(m.authorization?.permissions?.resourceSpecific).toEqual(
      REQUIRED_RSC_PERMISSIONS.map(({ name, type }) => ({ name, type })),
    );
  });

  it('declares the calling bot only when the area uses camera evidence', async () => {
    const { manifest } = await buildAppPackage({
      env: 'test',
      envDir: s.envDir,
      outDir: s.outDir,
      overrides: new Map([
        ['CAMERA_EVIDENCE', 'true'],
        ['BOT_ID', '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d'],
      ]),
    });
    expect(manifest.bots).toEqual([
      expect.objectContaining({
        botId: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
        supportsCalling: true,
      }),
    ]);
  });

  it('is byte-for-byte reproducible', async () => {
    const first = await readFile(
      (await buildAppPackage({ env: 'test', envDir: s.envDir, outDir: s.outDir })).zipPath,
    );
    const second = await readFile(
      (await buildAppPackage({ env: 'test', envDir: s.envDir, outDir: s.outDir })).zipPath,
    );
    expect(second.equals(first)).toBe(true);
  });
});

describe('npm run manifest: what it refuses', () => {
  it('lists the schema errors of a broken manifest and leaves no package behind', async () => {
    const templatePath = await s.copyTemplate((m) => {
      m.bots[0].scopes = ['personal', 'meetings'];
      m.icons.colour = 'color.png';
      delete m.accentColor;
      m.staticTabs[0].entityId = 'x'.repeat(65);
    });
    const outDir = path.join(s.dir, 'broken-out');
    await buildAppPackage({ env: 'test', envDir: s.envDir, outDir }); // an older, good package
    expect(existsSync(path.join(outDir, 'appPackage.test.zip'))).toBe(true);
    const problems = await problemsOf(
      buildAppPackage({ env: 'test', envDir: s.envDir, templatePath, outDir }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/ must have required property 'accentColor'/),
        expect.stringMatching(
          /^\/bots\/0\/scopes\/1 must be equal to one of the allowed values: team, personal, groupChat, copilot/,
        ),
        expect.stringMatching(/^\/icons must NOT have additional properties: "colour"/),
        expect.stringMatching(/^\/staticTabs\/0\/entityId must NOT have more than 64 characters/),
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(existsSync(path.join(outDir, 'appPackage.test.zip'))).toBe(false);
  });

  it('refuses an RSC permission that is not in docs/platform.md §2, or of the wrong type', async () => {
    const templatePath = await s.copyTemplate((m) => {
      m.authorization.permissions.resourceSpecific = [
        { name: 'OnlineMeeting.ReadBasic.chat', type: 'Application' },
        { name: 'ChatMessage.Send.Chat', type: 'Application' },
        { name: 'OnlineMeetingIncomingAudio.Detect.Chat', type: 'Application' },
      ];
    });
    expect(
      await problemsOf(
        buildAppPackage({ env: 'test', envDir: s.envDir, templatePath, outDir: s.outDir }),
      ),
    ).toEqual([
      '/authorization/permissions/resourceSpecific/0 "OnlineMeeting.ReadBasic.chat" is not an RSC permission listed in docs/platform.md §2 (did you mean OnlineMeeting.ReadBasic.Chat?).',
      '/authorization/permissions/resourceSpecific/1 "ChatMessage.Send.Chat" is not an RSC permission listed in docs/platform.md §2.',
      '/authorization/permissions/resourceSpecific/2 "OnlineMeetingIncomingAudio.Detect.Chat" is a Delegated permission, not Application.',
    ]);
  });

  it('names the env-file key that is missing or wrong, before any schema noise', async () => {
    await s.writeEnv('incomplete', {
      ...AREA_VALUES,
      TEAMS_APP_ID: '',
      TAB_ENDPOINT: 'http://marac.northfield.example',
      CAMERA_EVIDENCE: 'yes',
    });
    const problems = await problemsOf(
      buildAppPackage({ env: 'incomplete', envDir: s.envDir, outDir: s.outDir }),
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^TEAMS_APP_ID is not set\. Teams app id/);
    expect(problems[1]).toMatch(
      /^TAB_ENDPOINT="http:\/\/marac\.northfield\.example" must be an https:\/\/ URL/,
    );
    expect(problems[2]).toMatch(/^CAMERA_EVIDENCE="yes" must be true or false/);
  });

  it('says which environments exist when asked for one that does not', async () => {
    expect(
      await problemsOf(buildAppPackage({ env: 'live', envDir: s.envDir, outDir: s.outDir })),
    ).toEqual([
      expect.stringMatching(
        /\.env\.live does not exist\. Environments: (incomplete, test|test, incomplete)\./,
      ),
    ]);
  });

  it('refuses tabs off the valid domains and an SSO resource on another domain', async () => {
    const templatePath = await s.copyTemplate((m) => {
      m.configurableTabs[0].configurationUrl = 'https://elsewhere.example/tab/config';
      m.webApplicationInfo.resource = 'api://elsewhere.example/${{AAD_APP_CLIENT_ID}}';
    });
    expect(
      await problemsOf(
        buildAppPackage({ env: 'test', envDir: s.envDir, templatePath, outDir: s.outDir }),
      ),
    ).toEqual([
      '/configurableTabs/0/configurationUrl https://elsewhere.example/tab/config is on elsewhere.example, which is not in /validDomains.',
      '/webApplicationInfo/resource is on elsewhere.example, but the tabs are on marac.northfield.example: Teams SSO needs the same domain.',
    ]);
  });

  it('refuses icons of the wrong size or colour', async () => {
    const templatePath = await s.copyTemplate();
    const dir = path.dirname(templatePath);
    const purple = new Uint8Array(32 * 32 * 4);
    for (let i = 0; i < purple.length; i += 4)
      purple.set(i < 64 ? [0x5b, 0x5f, 0xc7, 255] : [0, 0, 0, 0], i);
    await writeFile(
      path.join(dir, 'outline.png'),
      encodePng({ width: 32, height: 32, pixels: purple }),
    );
    await writeFile(
      path.join(dir, 'color.png'),
      encodePng({ width: 96, height: 96, pixels: new Uint8Array(96 * 96 * 4).fill(200) }),
    );
    expect(
      await problemsOf(
        buildAppPackage({ env: 'test', envDir: s.envDir, templatePath, outDir: s.outDir }),
      ),
    ).toEqual([
      'color.png must be 192×192 pixels; it is 96×96.',
      'outline.png must be white on transparent: 16 visible pixel(s) are not white, the first at (0, 0) is rgb(91, 95, 199).',
    ]);
  });

  it('refuses a template placeholder that is not a manifest value', async () => {
    const templatePath = await s.copyTemplate((m) => {
      m.developer.mpnId = '${{MPN_ID}}';
    });
    expect(
      await problemsOf(
        buildAppPackage({ env: 'test', envDir: s.envDir, templatePath, outDir: s.outDir }),
      ),
    ).toContain('The template uses ${{MPN_ID}}, which is not a manifest value.');
  });
});
