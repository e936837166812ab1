import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../build-app-package.js';

/**
 * A document under this repository's docs/. Reading throws when it is missing, so a cross-check
 * against the docs fails rather than skips.
 */
export function repoDoc(name: string): string {
  return readFileSync(path.join(ROOT, 'docs', name), 'utf8');
}

/** One `## n.` section of a markdown document, up to the next `## ` heading. */
export function section(markdown: string, number: number): string {
  const start = markdown.search(new RegExp(`^## ${number}\\. `, 'm'));
  if (start < 0) throw new Error(`no section ${number}`);
  const rest = markdown.slice(start + 3);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** One `### title` subsection, up to the next `### ` or `## ` heading. */
export function subsection(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n### ${title}\n`);
  if (start < 0) throw new Error(`no subsection "${title}"`);
  const rest = markdown.slice(start + 5 + title.length);
  const end = rest.search(/^##/m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The body rows of the markdown tables in `markdown`, each as its trimmed cells. */
export function tableRows(markdown: string): string[][] {
  const lines = markdown.split('\n').filter((l) => l.trim().startsWith('|'));
  const rows = lines.map((l) =>
    l
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim()),
  );
  // A header row is the one directly above a separator row (| --- | --- |).
  const isSeparator = (r: string[]) => r.every((c) => /^:?-{3,}:?$/.test(c));
  return rows.filter((r, i) => {
    const next = rows[i + 1];
    return !isSeparator(r) && !(next && isSeparator(next));
  });
}
