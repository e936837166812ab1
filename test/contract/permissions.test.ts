import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALL_GRAPH_CALLS,
  ALL_GRAPH_NEEDS,
  APPLICATION_PERMISSIONS,
} from '../../graph/permissions.js';
import { FILES_NEEDS, GraphFileShare } from '../../graph/graph-file-share.js';
import { DEMO_DRIVE_ID, SimulatedTenant } from '../../graph/simulator/simulated-tenant.js';
import { APP_ID, APP_SECRET, emailOf, startContractTenant } from './support/contract-tenant.js';

const graphDir = path.resolve(import.meta.dirname, '../../graph');

/** The `call: 'METHOD /path'` literals in the adapters' source (not the simulator's). */
async function callsInAdapters(): Promise<string[]> {
  const files = (await readdir(graphDir)).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  const found: string[] = [];
  for (const file of files) {
    const source = await readFile(path.join(graphDir, file), 'utf8');
    for (const m of source.matchAll(/call: '((?:GET|POST|PUT|PATCH|DELETE) \/[^']+)'/g))
      found.push(m[1] as string);
  }
  return [...new Set(found)].sort();
}

describe('declared Graph permissions (graph/permissions.ts)', () => {
  it('declare exactly the calls the adapters make', async () => {
    expect(await callsInAdapters()).toEqual([...ALL_GRAPH_CALLS]);
  });

  it('name, for every call, a permission Microsoft accepts for it (per the simulator’s table from the docs)', async () => {
    const tenant = await SimulatedTenant.create({
      tenantId: 't',
      baseUrl: 'http://127.0.0.1:1/sim',
    });
    const routes = new Map(tenant.graphRoutes().map((r) => [r.call, r.permissions]));
    for (const need of ALL_GRAPH_NEEDS)
      for (const call of need.calls) {
        expect(routes.has(call), `${call} is simulated`).toBe(true);
        expect(routes.get(call), `${need.permission} allows ${call}`).toContain(need.permission);
      }
  });

  it('are application permissions with a reason, deduplicated for the admin guide', () => {
    expect(APPLICATION_PERMISSIONS).toEqual([
      'Calendars.ReadWrite',
      'CallRecords.Read.All',
      'Calls.JoinGroupCall.All',
      'GroupMember.Read.All',
      'Mail.Read',
      'Mail.Send',
      'OnlineMeetingArtifact.Read.All',
      'OnlineMeetings.ReadWrite.All',
      'Sites.Selected',
      'TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All',
      'User.Read.All',
    ]);
    for (const need of ALL_GRAPH_NEEDS) expect(need.why.length).toBeGreaterThan(40);
  });
});

describe('sharing links with Sites.Selected (Microsoft: "Overview of Selected permissions")', () => {
  // createLink and invite manage a file's permissions: with Sites.Selected that needs the Owner
  // or FullControl role on the site; Write only reads and writes content.
  it('needs the owner role on the site: with write, uploads work and sharing is refused', async () => {
    for (const [role, shared] of [
      ['write', false],
      ['owner', true],
    ] as const) {
      const t = await startContractTenant({
        apps: [
          {
            appId: APP_ID,
            secrets: [APP_SECRET],
            graphRoles: [...APPLICATION_PERMISSIONS],
            sitesSelectedRole: role,
          },
        ],
      });
      try {
        const files = new GraphFileShare({ graph: t.graph, driveId: DEMO_DRIVE_ID });
        const file = await files.upload(
          'export.xlsx',
          new Uint8Array([1]),
          'application/octet-stream',
        );
        const result = await files
          .shareWithPeople(file, [emailOf('police-rep')], {
            type: 'blocksDownload',
            expiresAt: new Date(Date.now() + 86_400_000),
          })
          .then(() => 'shared')
          .catch((e: { status?: number }) => e.status);
        expect(result, role).toBe(shared ? 'shared' : 403);
      } finally {
        await t.close();
      }
    }
  });

  it('is what the declaration and the admin guide ask for', async () => {
    expect(FILES_NEEDS[0].permission).toBe('Sites.Selected');
    expect(FILES_NEEDS[0].alsoRequires).toMatch(/\bowner role\b/);
    const guide = await readFile(path.resolve(import.meta.dirname, '../../docs/deploy.md'), 'utf8');
    const row = guide.split('\n').find((l) => l.startsWith('| `Sites.Selected` |')) ?? '';
    expect(row).toMatch(/`owner` grant/);
    expect(guide).toContain('{ "roles": ["owner"],');
    expect(guide).not.toContain('"roles": ["write"]');
    // Every application permission the code declares is in the guide's table.
    for (const permission of APPLICATION_PERMISSIONS)
      expect(guide, permission).toContain(`| \`${permission}\` | Application |`);
  });
});
