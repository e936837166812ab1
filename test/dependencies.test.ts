import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/**
 * docs/dependencies.md says, for every runtime dependency, why it was chosen, how well it is
 * maintained and what replacing it would touch. A dependency added without its section, or a
 * section left behind for a package that is gone, fails here.
 */
const doc = await readFile(new URL('../docs/dependencies.md', import.meta.url), 'utf8');
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const sections = new Map(
  [...doc.matchAll(/^### `([^`]+)`\n([\s\S]*?)(?=^##|(?![\s\S]))/gm)].map((m) => [m[1]!, m[2]!]),
);

describe('docs/dependencies.md', () => {
  it.each(Object.keys(pkg.dependencies))(
    'has a section for the runtime dependency %s, with its status and seam',
    (name) => {
      const section = sections.get(name);
      expect(section, `add a "### \`${name}\`" section to docs/dependencies.md`).toBeDefined();
      expect(section).toMatch(/\*\*Status:\*\*/);
      expect(section).toMatch(/\*\*Seam:\*\*/);
    },
  );

  it('has no section for a package the project no longer uses', () => {
    const used = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
    expect([...sections.keys()].filter((name) => !used.has(name))).toEqual([]);
  });

  it('says when the status was checked', () => {
    expect(doc).toMatch(/Status checked on\s+\*\*\d{1,2} \w+ \d{4}\*\*/);
  });
});
