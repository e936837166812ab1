import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { REQUIRED_RSC_PERMISSIONS } from '../manifest/rsc-permissions.js';
import { parseEnvFile } from '../manifest/env-file.js';

/**
 * docs/deploy.md is the admin's only guide, so it must stay true to the files that actually
 * provision and package the service: the permissions it asks an admin to grant, the values it
 * asks them to fill, the clients it asks them to pre-authorise.
 */
const guide = await readFile(new URL('../docs/deploy.md', import.meta.url), 'utf8');
const aad = JSON.parse(await readFile(new URL('./aad.manifest.json', import.meta.url), 'utf8')) as {
  requiredResourceAccess: {
    resourceAppId: string;
    resourceAccess: { id: string; type: string }[];
  }[];
  api: { preAuthorizedApplications: { appId: string }[] };
};
const template = await readFile(
  new URL('../manifest/manifest.template.json', import.meta.url),
  'utf8',
);

/** Rows of the markdown table that follows a heading, as arrays of trimmed cells. */
function tableAfter(heading: string): string[][] {
  const start = guide.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const lines = guide
    .slice(start)
    .split('\n')
    .map((l) => l.trim()); // tables inside list items are indented
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    );
  }
  return rows;
}

const code = (cell: string) => /^`([^`]+)`/.exec(cell)?.[1] ?? cell;

interface PermissionRow {
  permission: string;
  type: string;
  calls: string;
  grantedThrough: string;
  required: string;
}
const graphRows: PermissionRow[] = tableAfter('### 4.1 The permissions').map(
  ([permission, type, , calls, grantedThrough, required]) => ({
    permission: code(permission as string),
    type: type as string,
    calls: calls as string,
    grantedThrough: grantedThrough as string,
    required: required as string,
  }),
);
const entraRequested = aad.requiredResourceAccess
  .filter((r) => r.resourceAppId === 'Microsoft Graph')
  .flatMap((r) => r.resourceAccess);

describe('docs/deploy.md stays true to infra/ and manifest/', () => {
  it('lists application permissions, each with the Graph calls it covers', () => {
    expect(graphRows.length).toBeGreaterThanOrEqual(6);
    for (const row of graphRows) {
      expect(row.type, row.permission).toBe('Application');
      expect(row.calls, row.permission).toMatch(/`(GET|POST|PATCH|PUT|DELETE) \//);
    }
  });

  it('requests in Entra exactly the permissions the guide says to consent in Entra (camera evidence is opt-in)', () => {
    const entra = graphRows
      .filter(
        (r) => r.grantedThrough.startsWith('Entra admin consent') && !r.required.includes('camera'),
      )
      .map((r) => r.permission);
    expect(entraRequested.map((p) => p.id).sort()).toEqual(entra.sort());
    expect(entraRequested.every((p) => p.type === 'Role')).toBe(true);
  });

  it('never requests in Entra what Exchange RBAC must scope to one mailbox (the grants would add up)', () => {
    const exchange = graphRows
      .filter((r) => r.grantedThrough.startsWith('Exchange RBAC'))
      .map((r) => r.permission);
    expect(exchange.sort()).toEqual(['Calendars.ReadWrite', 'Mail.Read', 'Mail.Send']);
    for (const permission of exchange)
      expect(entraRequested.map((p) => p.id)).not.toContain(permission);
  });

  it('lists the RSC permissions the manifest declares', () => {
    const rows = tableAfter('| RSC permission');
    expect(rows.map(([name, type]) => [code(name as string), type])).toEqual(
      REQUIRED_RSC_PERMISSIONS.map((p) => [p.name, p.type]),
    );
  });

  it('lists the same pre-authorised clients as the app registration file', () => {
    const rows = tableAfter('4. **Add a client application**');
    expect(rows.map(([id]) => code(id as string)).sort()).toEqual(
      aad.api.preAuthorizedApplications.map((a) => a.appId).sort(),
    );
  });

  it('explains every environment value an admin may meet', async () => {
    const env = parseEnvFile(await readFile(new URL('./env/.env.prod', import.meta.url), 'utf8'));
    const documented = tableAfter('## 2. Environment values').flatMap(([key]) =>
      [...(key as string).matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]),
    );
    for (const key of [
      ...env.keys(),
      'SECRET_POSTGRES_ADMIN_PASSWORD',
      'SECRET_AAD_APP_CLIENT_SECRET',
    ])
      expect(documented, key).toContain(key);
  });

  it('names the tab routes the manifest points at', () => {
    for (const route of [...template.matchAll(/\$\{\{TAB_ENDPOINT\}\}(\/[a-z/-]+)/g)].map(
      (m) => m[1] as string,
    ))
      expect(guide).toContain(`\`${route}\``);
  });
});
