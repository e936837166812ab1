import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ajv from 'ajv';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAppPackage } from '../manifest/build-app-package.js';
import { MANIFEST_VALUES } from '../manifest/manifest-values.js';
import { parseEnvFile } from '../manifest/env-file.js';
import { AREA_VALUES } from '../manifest/testing/fixtures.js';
import { repoDoc, section, subsection, tableRows } from '../manifest/testing/repo-docs.js';
import { bicepOutputs, bicepParams, placeholders } from './bicep-declarations.js';

const infra = (file: string) => readFile(new URL(`./${file}`, import.meta.url), 'utf8');
const [bicep, parametersText, projectText, aadText, templateText] = await Promise.all([
  infra('azure.bicep'),
  infra('azure.parameters.json'),
  infra('m365agents.yml'),
  infra('aad.manifest.json'),
  readFile(new URL('../manifest/manifest.template.json', import.meta.url), 'utf8'),
]);
const envDir = new URL('./env/', import.meta.url);
const envNames = (await readdir(envDir))
  .map((f) => /^\.env\.([a-z0-9-]+)$/.exec(f)?.[1])
  .filter((e): e is string => Boolean(e));
const envFiles = await Promise.all(
  envNames.map(async (name) => {
    const text = await readFile(new URL(`.env.${name}`, envDir), 'utf8');
    return { name, text, values: parseEnvFile(text, `.env.${name}`) };
  }),
);

const Ajv = ajv.default;
const schema = JSON.parse(await infra('schemas/m365agents.v1.13.schema.json')) as object;
const validateProject = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('Agents Toolkit project (infra/m365agents.yml)', () => {
  it('is valid against the toolkit schema for its version', () => {
    const project = parse(projectText) as { version: string };
    expect(project.version).toBe('v1.13');
    expect(validateProject(project), JSON.stringify(validateProject.errors, null, 1)).toBe(true);
  });

  it('the schema check catches a misspelt action', () => {
    const broken = parse(projectText.replace('uses: arm/deploy', 'uses: arm/deplyo')) as object;
    expect(validateProject(broken)).toBe(false);
  });

  it('provisions in an order where each step has what it needs', () => {
    const uses = (parse(projectText) as { provision: { uses: string }[] }).provision.map(
      (s) => s.uses,
    );
    const at = (action: string) => uses.indexOf(action);
    expect(at('aadApp/create')).toBeLessThan(at('arm/deploy')); // the bot and app settings need the client id
    expect(at('arm/deploy')).toBeLessThan(at('aadApp/update')); // the Application ID URI needs the domain
    expect(at('cli/runNpmCommand')).toBeGreaterThan(at('arm/deploy'));
    expect(at('teamsApp/update')).toBeGreaterThan(at('cli/runNpmCommand'));
  });

  it('has committed environments dev and prod, with no secrets in them', () => {
    expect(envNames.sort()).toEqual(['dev', 'prod']);
    for (const env of envFiles)
      for (const key of env.values.keys())
        expect(key, `${env.name}: ${key}`).not.toMatch(/^SECRET_/);
  });

  it('every ${{VALUE}} used by the project, the parameters and the manifests is in every env file', () => {
    const used = new Set([
      ...placeholders(projectText),
      ...placeholders(parametersText),
      ...placeholders(aadText),
      ...placeholders(templateText),
      ...Object.keys(MANIFEST_VALUES),
    ]);
    for (const env of envFiles)
      for (const name of used) {
        if (name.startsWith('SECRET_'))
          expect(env.text, `.env.${env.name} must say where ${name} goes`).toContain(
            `#   ${name}=`,
          );
        else expect(env.values.has(name), `.env.${env.name} lacks ${name}`).toBe(true);
      }
  });

  it('every Bicep output the toolkit writes back has a place in the env files', () => {
    for (const env of envFiles)
      for (const output of bicepOutputs(bicep))
        expect(env.values.has(output), `.env.${env.name}: ${output}`).toBe(true);
  });
});

describe('azure.parameters.json', () => {
  const params = bicepParams(bicep);
  const given = (JSON.parse(parametersText) as { parameters: Record<string, { value: string }> })
    .parameters;

  it('names only parameters azure.bicep declares, and every one without a default', () => {
    const declared = params.map((p) => p.name);
    for (const name of Object.keys(given))
      expect(declared, `unknown parameter ${name}`).toContain(name);
    for (const p of params.filter((p) => !p.hasDefault))
      expect(Object.keys(given), p.name).toContain(p.name);
  });

  it('fills @secure() parameters only from SECRET_ values (kept in .env.<env>.user)', () => {
    for (const p of params.filter((p) => p.secure && given[p.name]))
      expect(given[p.name]?.value, p.name).toMatch(/^\$\{\{SECRET_[A-Z0-9_]+\}\}$/);
    expect(params.filter((p) => p.secure).map((p) => p.name)).toEqual([
      'appClientSecret',
      'postgresAdminPassword',
    ]);
  });
});

describe('the committed env files and the manifest template fit together', () => {
  const scratchDir = mkdtemp(path.join(tmpdir(), 'marac-env-'));
  afterAll(async () => rm(await scratchDir, { recursive: true, force: true }));

  it.each(['dev', 'prod'])(
    '%s builds once provisioning and the organisation have filled their values',
    async (env) => {
      const written = new Map<string, string>([
        ['TEAMS_APP_ID', AREA_VALUES.TEAMS_APP_ID],
        ['AAD_APP_CLIENT_ID', AREA_VALUES.AAD_APP_CLIENT_ID],
        ['BOT_ID', AREA_VALUES.AAD_APP_CLIENT_ID],
        ['TAB_ENDPOINT', 'https://app-marac-dev-abc123.azurewebsites.net'],
        ['TAB_DOMAIN', 'app-marac-dev-abc123.azurewebsites.net'],
        ['DEVELOPER_NAME', AREA_VALUES.DEVELOPER_NAME],
        ['DEVELOPER_WEBSITE_URL', AREA_VALUES.DEVELOPER_WEBSITE_URL],
        ['PRIVACY_URL', AREA_VALUES.PRIVACY_URL],
        ['TERMS_OF_USE_URL', AREA_VALUES.TERMS_OF_USE_URL],
      ]);
      const built = await buildAppPackage({
        env,
        envDir: new URL('./env', import.meta.url).pathname,
        overrides: written,
        outDir: await scratchDir,
      });
      expect(built.manifest.validDomains).toEqual(['app-marac-dev-abc123.azurewebsites.net']);
    },
  );
});

describe('Entra app registration (infra/aad.manifest.json)', () => {
  const aad = JSON.parse(aadText) as {
    identifierUris: string[];
    signInAudience: string;
    api: {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: { id: string; value: string; type: string }[];
      preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
    };
  };
  const template = JSON.parse(templateText) as { webApplicationInfo: { resource: string } };

  it('exposes access_as_user at the Application ID URI the manifest asks Teams for', () => {
    expect(aad.identifierUris).toEqual([template.webApplicationInfo.resource]);
    expect(aad.signInAudience).toBe('AzureADMyOrg');
    expect(aad.api.oauth2PermissionScopes.map((s) => [s.value, s.type])).toEqual([
      ['access_as_user', 'User'],
    ]);
  });

  it('pre-authorises the Teams, Outlook and Microsoft 365 clients for access_as_user', () => {
    const scope = aad.api.oauth2PermissionScopes[0]?.id;
    const ids = aad.api.preAuthorizedApplications.map((a) => a.appId);
    expect(new Set(ids).size).toBe(9);
    for (const app of aad.api.preAuthorizedApplications)
      expect(app.delegatedPermissionIds).toEqual([scope]);
  });

  it('those clients are exactly the ones docs/platform.md §8 lists', () => {
    const table = tableRows(
      subsection(section(repoDoc('platform.md'), 8), 'Pre-authorized clients'),
    );
    const guids = table.map((cells) => /^`([0-9a-f-]{36})`$/.exec(cells[1] ?? '')?.[1]);
    expect(guids.every(Boolean), 'every row names a client id').toBe(true);
    expect(aad.api.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual(
      [...new Set(guids)].sort(),
    );
  });
});

describe('online pipeline (.github/workflows/infra.yml)', () => {
  it('compiles and lints the Bicep, and runs the same offline checks', async () => {
    const workflow = parse(
      await readFile(new URL('../.github/workflows/infra.yml', import.meta.url), 'utf8'),
    ) as {
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((s) => s.run ?? ''));
    expect(runs).toContain('az bicep build --file infra/azure.bicep --stdout > /dev/null');
    expect(runs).toContain('az bicep lint --file infra/azure.bicep');
    expect(runs).toContain('npx vitest run manifest infra');
  });

  it('the linter treats the secret-handling rules as errors', async () => {
    const config = JSON.parse(await infra('bicepconfig.json')) as {
      analyzers: { core: { rules: Record<string, { level: string }> } };
    };
    for (const rule of [
      'outputs-should-not-contain-secrets',
      'secure-parameter-default',
      'use-secure-value-for-secure-inputs',
    ])
      expect(config.analyzers.core.rules[rule]?.level, rule).toBe('error');
  });
});
