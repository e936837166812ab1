import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../build-app-package.js';

/**
 * The shared design documents (PLATFORM.md...) live beside the repository: `../shared` for a
 * clone (as CI lays it out), `../../shared` for a worktree under wt/. Null when neither exists,
 * so cross-checks against them skip rather than fail on a machine without them.
 */
export function sharedDoc(name: string): string | null {
  for (const dir of [path.join(ROOT, '../shared'), path.join(ROOT, '../../shared')]) {
    const file = path.join(dir, name);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return null;
}

/** One `## n.` section of a markdown document, up to the next `## ` heading. */
export function section(markdown: string, number: number): string {
  const start = markdown.search(new RegExp(`^## ${number}\\. `, 'm'));
  if (start < 0) throw new Error(`no section ${number}`);
  const rest = markdown.slice(start + 3);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}
