import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The contract corpus: JSON examples as Microsoft publishes them, each listed with its source
 * URL and retrieval date in the folder's sources.json (test/contract/README.md).
 */
const root = path.resolve(import.meta.dirname, '../microsoft');

export interface ExampleSource {
  url: string;
  source: string;
  retrieved: string;
  kind: 'request' | 'response' | 'notification';
  call: string;
  notes: string;
}

export function sources(corpus: 'graph'): Record<string, ExampleSource> {
  return JSON.parse(readFileSync(path.join(root, corpus, 'sources.json'), 'utf8'));
}

export function exampleFiles(corpus: 'graph'): string[] {
  return readdirSync(path.join(root, corpus)).filter(
    (f) => f.endsWith('.json') && f !== 'sources.json',
  );
}

/** A published example, parsed; throws if it has no entry in sources.json. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function example<T = any>(name: string, corpus: 'graph' = 'graph'): T {
  if (!sources(corpus)[name]) throw new Error(`${name} has no source in sources.json`);
  return JSON.parse(readFileSync(path.join(root, corpus, name), 'utf8')) as T;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Where `actual` differs in shape from `published`: a member the published example does not
 * have (unless `extra` allows it), a member spelt with other casing, or a value of another JSON
 * type (null matches anything: Graph sends null for members it has no value for). Arrays are
 * compared item by item against the published first item. OData annotations are ignored.
 */
export function shapeMismatches(
  actual: unknown,
  published: unknown,
  extra: readonly string[] = [],
  at = '',
): string[] {
  if (actual === null || published === null || published === undefined) return [];
  if (kind(actual) !== kind(published))
    return [`${at || '(root)'}: ${kind(actual)} where Microsoft has ${kind(published)}`];
  if (Array.isArray(actual)) {
    const first = (published as Json[])[0];
    if (first === undefined) return [];
    return actual.flatMap((item, i) => shapeMismatches(item, first, extra, `${at}[${i}]`));
  }
  if (kind(actual) !== 'object') return [];
  const theirs = published as Record<string, unknown>;
  const lower = new Map(Object.keys(theirs).map((k) => [k.toLowerCase(), k]));
  return Object.entries(actual as Record<string, unknown>).flatMap(([key, value]) => {
    const where = at ? `${at}.${key}` : key;
    if (key.startsWith('@odata.') || key.includes('@odata.')) return [];
    if (key in theirs) return shapeMismatches(value, theirs[key], extra, where);
    const other = lower.get(key.toLowerCase());
    if (other) return [`${where}: Microsoft spells it ${other}`];
    if (extra.includes(where.replace(/\[\d+\]/g, '[]'))) return [];
    return [`${where}: not in Microsoft's example`];
  });
}
