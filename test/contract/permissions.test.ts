import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALL_GRAPH_CALLS,
  ALL_GRAPH_NEEDS,
  APPLICATION_PERMISSIONS,
} from '../../graph/permissions.js';
import { SimulatedTenant } from '../../graph/simulator/simulated-tenant.js';

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
