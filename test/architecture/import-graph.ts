/**
 * The repository's import graph and its cycles. Every edge counts: static, type-only and lazy
 * `import()`, because a cycle of any kind means two files cannot be understood (or moved) apart.
 * Only relative specifiers are followed; packages are leaves.
 */
import path from 'node:path';
import ts from 'typescript';

/** Files by repository-relative path (forward slashes) → their text. */
export type SourceFiles = ReadonlyMap<string, string>;

const SOURCE = /\.tsx?$/;

/** The files that `file` imports, resolved among `files` (NodeNext: `./x.js` means `./x.ts(x)`). */
export function importsOf(file: string, files: SourceFiles): string[] {
  const text = files.get(file) ?? '';
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const targets = new Set<string>();
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const target = resolve(path.posix.join(path.posix.dirname(file), fileName), files);
    if (target) targets.add(target);
  }
  return [...targets];
}

function resolve(spec: string, files: SourceFiles): string | null {
  const bare = spec.replace(/\.(js|jsx|ts|tsx|mjs)$/, '');
  for (const candidate of [`${bare}.ts`, `${bare}.tsx`, `${bare}/index.ts`, `${bare}/index.tsx`]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
}

/**
 * The import cycles among `files`: each strongly connected component of more than one file (or
 * a file importing itself), as its sorted member paths (Tarjan's algorithm).
 */
export function findImportCycles(files: SourceFiles): string[][] {
  const graph = new Map<string, string[]>();
  for (const file of files.keys()) if (SOURCE.test(file)) graph.set(file, importsOf(file, files));

  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node))
      cycles.push(component.sort());
  };

  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
