import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  brokenMarkdownLinks,
  citedIds,
  definedIds,
  headingSlug,
  outsideReferences,
  REPO_ROOT,
  repoTexts,
} from './support/doc-checks.js';

const doc = (name: string) => readFileSync(path.join(REPO_ROOT, 'docs', name), 'utf8');

/** `## n.` exists, and for n.m a `### n.m` heading, a `**n.m` item or an `m.` list item in it. */
function sectionExists(markdown: string, major: string, minor?: string): boolean {
  const start = markdown.search(new RegExp(`^## ${major}\\. `, 'm'));
  if (start < 0) return false;
  if (!minor) return true;
  const rest = markdown.slice(start + 3);
  const body = rest.slice(0, rest.search(/^## /m) < 0 ? undefined : rest.search(/^## /m));
  return new RegExp(
    `^(### ${major}\\.${minor} |- \\*\\*${major}\\.${minor} |${minor}\\. )`,
    'm',
  ).test(body);
}
const texts = repoTexts();

describe('the repository stands on its own', () => {
  it('docs/requirements.md explains every requirement id the code, tests and screens cite', () => {
    const defined = definedIds(doc('requirements.md'));
    const missing: string[] = [];
    for (const { file, text } of texts) {
      if (file === 'docs/requirements.md') continue;
      for (const id of citedIds(text)) if (!defined.has(id)) missing.push(`${id} (${file})`);
    }
    expect(missing).toEqual([]);
    // The scan really finds citations: the code cites dozens of ids.
    const cited = new Set(texts.flatMap(({ text }) => [...citedIds(text)]));
    expect(cited.size).toBeGreaterThan(50);
  });

  it('no file refers to documents outside the repository', () => {
    const found = texts
      // .ci/run may say how CI lays out a checkout; its owner decides.
      .filter(({ file }) => file !== '.ci/run')
      .flatMap(({ file, text }) => outsideReferences(file, text).map((ref) => `${file}: ${ref}`));
    expect(found).toEqual([]);
  });

  it('every "DESIGN.md §n", "PLATFORM.md §n" and "REQUIREMENTS.md §n.m" a comment cites exists in docs/', () => {
    const pages = {
      DESIGN: doc('architecture.md'),
      PLATFORM: doc('platform.md'),
      REQUIREMENTS: doc('requirements.md'),
    };
    const missing: string[] = [];
    for (const { file, text } of texts)
      for (const m of text.matchAll(/\b(DESIGN|PLATFORM|REQUIREMENTS)\.md §(\d+)(?:\.(\d+))?/g)) {
        const [cite, name, major, minor] = m as unknown as [
          string,
          keyof typeof pages,
          string,
          string?,
        ];
        if (!sectionExists(pages[name], major, minor)) missing.push(`${cite} (${file})`);
      }
    expect(missing).toEqual([]);
  });

  it("README's, CONTRIBUTING's and the docs' links to local files and headings resolve", () => {
    const files = [
      'README.md',
      'CONTRIBUTING.md',
      ...texts.map((t) => t.file).filter((f) => f.startsWith('docs/') && f.endsWith('.md')),
    ];
    const broken = files.flatMap((file) =>
      brokenMarkdownLinks(file, readFileSync(path.join(REPO_ROOT, file), 'utf8')).map(
        (href) => `${file}: ${href}`,
      ),
    );
    expect(broken).toEqual([]);
    for (const page of ['architecture.md', 'requirements.md', 'platform.md'])
      for (const file of ['README.md', 'CONTRIBUTING.md'])
        expect(readFileSync(path.join(REPO_ROOT, file), 'utf8'), `${file} links ${page}`).toContain(
          `](docs/${page}`,
        );
  });
});

describe('the checks themselves', () => {
  it('find ids and expand ranges, but not action or case references', () => {
    expect([...citedIds('FR-049, IS-07; FR-071..FR-073 (R1-R3) A-05 KPI-12 AC-13')].sort()).toEqual(
      [
        'A-05',
        'AC-13',
        'FR-049',
        'FR-071',
        'FR-072',
        'FR-073',
        'IS-07',
        'KPI-12',
        'R1',
        'R2',
        'R3',
      ],
    );
    expect([...citedIds('action A-0001, A-10000, case NF-2611-001, EX-2, R13')]).toEqual([]);
  });

  it('read the ids docs/requirements.md defines from its entries', () => {
    expect([
      ...definedIds('- **FR-001** (must): x\n  Source: y\n- **R2**: z\nFR-999 in prose'),
    ]).toEqual(['FR-001', 'R2']);
  });

  it('flag paths outside the repository, not sibling folders inside it', () => {
    const up = ['..', 'shared'].join('/');
    expect(outsideReferences('README.md', `See \`${up}/DESIGN.md\``)).toEqual([`${up}/DESIGN.md`]);
    expect(outsideReferences('manifest/testing/x.ts', `join(ROOT, '${up}')`)).toEqual([]);
    expect(outsideReferences('manifest/testing/x.ts', `'../../${up}/PLATFORM.md'`)).toEqual([
      `../../${up}/PLATFORM.md`,
    ]);
    expect(
      outsideReferences(
        'tab/web/src/surfaces/coordinator/actions.tsx',
        `import { ActionTable } from '${up}/action-table.js';`,
      ),
    ).toEqual([]);
    expect(outsideReferences('x.md', ['', 'work', 'shared', 'seeds'].join('/'))).toHaveLength(1);
  });

  it('make anchors as GitHub does and report missing files and headings', () => {
    expect(headingSlug('10. Area settings: defaults and alternatives')).toBe(
      '10-area-settings-defaults-and-alternatives',
    );
    expect(headingSlug('Resource-specific consent (RSC) for a chat or meeting')).toBe(
      'resource-specific-consent-rsc-for-a-chat-or-meeting',
    );
    expect(
      brokenMarkdownLinks(
        'README.md',
        '[a](docs/architecture.md#7-camera-evidence) [b](docs/nope.md) [c](docs/platform.md#no-such) [d](https://x.example/y.md)',
      ),
    ).toEqual(['docs/nope.md', 'docs/platform.md#no-such']);
  });
});
