import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_GRAPH_NEEDS, APPLICATION_PERMISSIONS } from '../graph/permissions.js';

/**
 * The admin guide's permission table (docs/deploy.md §4.1) against what the Graph adapters
 * declare they call (graph/*_NEEDS, aggregated in graph/permissions.ts). The adapters can only
 * make calls they declare (a type check in graph-client.ts), so this proves both directions of
 * Every permission the guide lists is used by the code, and every call the code makes
 * is covered by a listed permission.
 */
const guide = readFileSync(new URL('../docs/deploy.md', import.meta.url), 'utf8');

/** `GET /users/{mailbox}/events/{id}` and `GET /users/{id}/events/{eventId}` are the same call. */
const normalise = (call: string) => call.replace(/\?.*$/, '').replace(/\{[^}]*\}/g, '{}');

function guideRows(text: string): Array<{ permission: string; calls: string[] }> {
  const section = text.slice(
    text.indexOf('### 4.1 The permissions'),
    text.indexOf('**Resource-specific consent'),
  );
  return section
    .split('\n')
    .filter((line) => /^\| `[A-Za-z.]+` \| Application/.test(line))
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      return {
        permission: (/`([^`]+)`/.exec(cells[1] as string) as RegExpExecArray)[1] as string,
        calls: [...(cells[4] as string).matchAll(/`([A-Z]+ \/[^`]+)`/g)].map((m) =>
          normalise(m[1] as string),
        ),
      };
    });
}

function coverageProblems(text: string): string[] {
  const rows = guideRows(text);
  const problems: string[] = [];
  for (const permission of APPLICATION_PERMISSIONS)
    if (!rows.some((r) => r.permission === permission))
      problems.push(`${permission} is used by the code but not in the guide`);
  for (const row of rows) {
    const declared = ALL_GRAPH_NEEDS.filter((n) => n.permission === row.permission).flatMap((n) =>
      n.calls.map(normalise),
    );
    if (declared.length === 0)
      problems.push(`${row.permission} is in the guide but no code uses it`);
    for (const call of row.calls)
      if (!declared.includes(call))
        problems.push(`${row.permission}: the guide lists ${call}, which the code never calls`);
  }
  for (const need of ALL_GRAPH_NEEDS) {
    const row = rows.find((r) => r.permission === need.permission);
    for (const call of need.calls)
      if (row && !row.calls.includes(normalise(call)))
        problems.push(`${need.permission}: the code calls ${call}, which the guide does not list`);
  }
  return problems;
}

describe('the admin guide lists exactly the Graph permissions and calls the code uses', () => {
  it('matches the adapters in both directions', () => {
    expect(guideRows(guide).length).toBeGreaterThanOrEqual(8);
    expect(coverageProblems(guide)).toEqual([]);
  });

  it('names what is wrong when the guide drifts from the code', () => {
    const broken = guide
      .split('\n')
      .filter((line) => !line.startsWith('| `Mail.Read` |'))
      .join('\n')
      .replace(
        '`POST /users/{mailbox}/events/{id}/cancel`',
        '`DELETE /users/{mailbox}/events/{id}`',
      )
      .replace('| `Sites.Selected` |', '| `Sites.ReadWrite.All` |');
    expect(coverageProblems(broken).sort()).toEqual(
      [
        'Mail.Read is used by the code but not in the guide',
        'Sites.Selected is used by the code but not in the guide',
        'Sites.ReadWrite.All is in the guide but no code uses it',
        'Sites.ReadWrite.All: the guide lists PUT /drives/{}/items/{}:/{}:/content, which the code never calls',
        'Sites.ReadWrite.All: the guide lists POST /drives/{}/items/{}/createLink, which the code never calls',
        'Sites.ReadWrite.All: the guide lists DELETE /drives/{}/items/{}/permissions/{}, which the code never calls',
        'Sites.ReadWrite.All: the guide lists DELETE /drives/{}/items/{}, which the code never calls',
        'Calendars.ReadWrite: the guide lists DELETE /users/{}/events/{}, which the code never calls',
        'Calendars.ReadWrite: the code calls POST /users/{id}/events/{eventId}/cancel, which the guide does not list',
      ].sort(),
    );
  });
});
