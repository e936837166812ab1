import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root (this file is test/support/doc-checks.ts). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

const ID = String.raw`FR-\d{3}|IS-\d{2}|AC-\d{2}|A-\d{2}|KPI-\d{1,2}|R(?:1[0-2]|[1-9])`;
/** One id, or a range such as `FR-071..FR-079` or `R1-R10` (which cites every id in it). */
const CITATION = new RegExp(String.raw`\b(${ID})\b(?:\s*(?:\.\.|-|–)\s*(${ID})\b)?`, 'g');

/**
 * Requirement ids cited in `text`: FR-nnn, IS-nn, A-nn (two digits, so action references such as
 * A-0001 are not ids), AC-nn, KPI-n and roles R1 to R12, with ranges expanded.
 */
export function citedIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const m of text.matchAll(CITATION)) {
    const [from, to] = [m[1] as string, m[2]];
    for (const id of to ? expandRange(from, to) : [from]) ids.add(id);
  }
  return ids;
}

function expandRange(from: string, to: string): string[] {
  const a = /^([A-Z]+-?)(\d+)$/.exec(from);
  const b = /^([A-Z]+-?)(\d+)$/.exec(to);
  if (!a || !b || a[1] !== b[1] || Number(b[2]) < Number(a[2])) return [from, to];
  const width = (a[2] as string).length;
  const out: string[] = [];
  for (let n = Number(a[2]); n <= Number(b[2]); n++)
    out.push(`${a[1]}${String(n).padStart(width, '0')}`);
  return out;
}

/** The ids docs/requirements.md defines: its `- **ID**` entries. */
export function definedIds(requirementsMd: string): Set<string> {
  return new Set(
    [...requirementsMd.matchAll(/^- \*\*([A-Z]+-?\d+)\*\*/gm)].map((m) => m[1] as string),
  );
}

// Spelled in pieces so this file does not itself refer outside the repository.
const SHARED = ['..', 'shared'].join('/');
const ABSOLUTE_SHARED = ['', 'work', 'shared'].join('/');

/**
 * References in `text` (the content of `file`, relative to the root) to documents outside the
 * repository: an absolute path to the shared design folder, or a relative path to a folder named
 * shared that resolves outside the root. A relative import of a sibling folder of that name
 * inside the repository stays inside and is fine.
 */
export function outsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  const relative = new RegExp(
    String.raw`((?:\.\./)*)${SHARED.replace(/\./g, '\\.')}\b[^\s'"\`)]*`,
    'g',
  );
  for (const m of text.matchAll(relative)) {
    const target = path.resolve(REPO_ROOT, path.dirname(file), m[0]);
    if (!target.startsWith(REPO_ROOT + path.sep)) found.push(m[0]);
  }
  if (text.includes(ABSOLUTE_SHARED)) found.push(ABSOLUTE_SHARED);
  return found;
}

/** Tracked files and new files git does not ignore, relative to the root. */
export function repoFiles(): string[] {
  const list = (args: string[]) =>
    execFileSync('git', ['ls-files', '-z', ...args], { cwd: REPO_ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
  return [...new Set([...list([]), ...list(['--others', '--exclude-standard'])])]
    .filter(
      (f) => existsSync(path.join(REPO_ROOT, f)) && lstatSync(path.join(REPO_ROOT, f)).isFile(),
    )
    .sort();
}

const BINARY = /\.(png|jpe?g|gif|ico|zip|woff2?|ttf|pdf|docx|xlsx)$/i;

/** The text of every repository file worth scanning (no lock file, no binaries). */
export function repoTexts(): { file: string; text: string }[] {
  return repoFiles()
    .filter((f) => !BINARY.test(f) && !f.endsWith('package-lock.json'))
    .map((file) => ({ file, text: readFileSync(path.join(REPO_ROOT, file), 'utf8') }));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a markdown document offers, one per heading. */
export function anchorsOf(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  return new Set(
    [...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((m) => headingSlug(m[1] as string)),
  );
}

/**
 * Links from `file` (relative to the root) to local markdown files that do not resolve: the file
 * is missing or has no heading for the anchor. External links (with a scheme) are not checked.
 */
export function brokenMarkdownLinks(file: string, markdown: string): string[] {
  const broken: string[] = [];
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  for (const m of withoutCode.matchAll(/\]\(([^)\s]+)\)/g)) {
    const href = m[1] as string;
    if (/^[a-z]+:/i.test(href) || href.startsWith('#')) continue;
    const [target, anchor] = href.split('#') as [string, string | undefined];
    const resolved = path.resolve(REPO_ROOT, path.dirname(file), target);
    if (!existsSync(resolved)) {
      broken.push(href);
      continue;
    }
    if (
      anchor &&
      resolved.endsWith('.md') &&
      !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)
    )
      broken.push(href);
  }
  return broken;
}
