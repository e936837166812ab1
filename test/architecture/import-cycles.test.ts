import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findImportCycles, importsOf } from './import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Cycles that existed when this test was written, each listed by its member files. They are
 * tolerated until they are taken apart; a new cycle, or a file joining one of these, fails.
 */
const KNOWN_CYCLES: string[][] = [
  // The simulated tenant mounts its control routes, which are typed by the tenant they drive
  // (a type-only edge back). Harmless at run time; goes when the routes take a narrow interface.
  ['graph/simulator/control-routes.ts', 'graph/simulator/simulated-tenant.ts'],
];

function repositorySources(): Map<string, string> {
  const listed = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const files = new Map<string, string>();
  for (const file of listed.split('\n').filter(Boolean)) {
    files.set(file, readFileSync(`${ROOT}/${file}`, 'utf8'));
  }
  return files;
}

describe('import cycles', () => {
  it('none in the repository beyond the known ones', () => {
    const known = new Set(KNOWN_CYCLES.map((c) => [...c].sort().join(' → ')));
    const found = findImportCycles(repositorySources()).map((c) => c.join(' → '));
    expect(found.filter((c) => !known.has(c))).toEqual([]);
  });

  it('the tab client has none at all', () => {
    const web = findImportCycles(repositorySources()).filter((c) =>
      c.some((f) => f.startsWith('tab/web/')),
    );
    expect(web).toEqual([]);
  });

  describe('the finder itself', () => {
    const fixture = (entries: Record<string, string>) => new Map(Object.entries(entries));

    it('finds a cycle through a lazy import and a type-only import', () => {
      const files = fixture({
        'app/frame.tsx': `const page = lazy(() => import('./pages/schedule.js'));\n`,
        'app/pages/schedule.tsx': `import type { Nav } from '../menu.js';\n`,
        'app/menu.ts': `import { Frame } from './frame.js';\nexport type Nav = string;\n`,
        'app/leaf.ts': `import { z } from 'zod';\n`,
      });
      expect(findImportCycles(files)).toEqual([
        ['app/frame.tsx', 'app/menu.ts', 'app/pages/schedule.tsx'],
      ]);
    });

    it('finds a file that imports itself and re-exports that close a loop', () => {
      const files = fixture({
        'a/self.ts': `export * from './self.js';\n`,
        'a/one.ts': `export { two } from './two.js';\n`,
        'a/two.ts': `import './one.js';\n`,
      });
      expect(findImportCycles(files)).toEqual([['a/one.ts', 'a/two.ts'], ['a/self.ts']]);
    });

    it('finds none in a tree, and resolves folders to their index', () => {
      const files = fixture({
        'b/main.ts': `import { x } from './lib/index.js';\nimport { y } from './lib';\n`,
        'b/lib/index.ts': `export { x, y } from './x.js';\n`,
        'b/lib/x.ts': `export const x = 1, y = 2;\n`,
      });
      expect(importsOf('b/main.ts', files)).toEqual(['b/lib/index.ts']);
      expect(findImportCycles(files)).toEqual([]);
    });
  });
});
