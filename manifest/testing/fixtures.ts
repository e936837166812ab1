import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MANIFEST_DIR } from '../build-app-package.js';

/** A fictional area's values, as an admin would put them in infra/env/.env.<env>. */
export const AREA_VALUES = {
  TEAMS_APP_ID: '3f0c2a52-7a8e-4c55-9a1b-0f1d2c3b4a59',
  AAD_APP_CLIENT_ID: '6a1c7d3e-0b5f-4e2a-9c8d-1e2f3a4b5c6d',
  TAB_ENDPOINT: 'https://marac.northfield.example',
  DEVELOPER_NAME: 'Northfield Council',
  DEVELOPER_WEBSITE_URL: 'https://www.northfield.example/marac',
  PRIVACY_URL: 'https://www.northfield.example/privacy/marac',
  TERMS_OF_USE_URL: 'https://www.northfield.example/marac/isp',
  APP_NAME_SUFFIX: ' (test)',
} as const;

/** The parts of the template tests edit to break it on purpose. */
export interface TemplateJson {
  accentColor?: string;
  icons: Record<string, string>;
  bots: [{ scopes: string[] }];
  staticTabs: [{ entityId: string }];
  configurableTabs: [{ configurationUrl: string }];
  webApplicationInfo: { resource: string };
  developer: Record<string, string>;
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
}

export interface Scratch {
  dir: string;
  envDir: string;
  outDir: string;
  /** Writes `.env.<env>` with the given values (quoted, as the toolkit writes them). */
  writeEnv: (env: string, values: Record<string, string>) => Promise<void>;
  /** Copies the template and icons, applies an edit, and returns the copied template path. */
  copyTemplate: (edit?: (manifest: TemplateJson) => void) => Promise<string>;
  remove: () => Promise<void>;
}

export async function scratch(): Promise<Scratch> {
  const dir = await mkdtemp(path.join(tmpdir(), 'marac-manifest-'));
  const envDir = path.join(dir, 'env');
  const outDir = path.join(dir, 'out');
  await mkdir(envDir);
  let copies = 0;
  return {
    dir,
    envDir,
    outDir,
    writeEnv: (env, values) =>
      writeFile(
        path.join(envDir, `.env.${env}`),
        Object.entries(values)
          .map(([k, v]) => `${k}="${v}"`)
          .join('\n'),
      ),
    copyTemplate: async (edit) => {
      const target = path.join(dir, `template-${++copies}`);
      await mkdir(target);
      for (const icon of ['color.png', 'outline.png'])
        await copyFile(path.join(MANIFEST_DIR, icon), path.join(target, icon));
      const manifest = JSON.parse(
        await readFile(path.join(MANIFEST_DIR, 'manifest.template.json'), 'utf8'),
      ) as TemplateJson;
      edit?.(manifest);
      const templatePath = path.join(target, 'manifest.template.json');
      await writeFile(templatePath, JSON.stringify(manifest, null, 2));
      return templatePath;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
