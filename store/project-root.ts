import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The repository root (the folder with our package.json), found by walking up from this file.
 * The service runs from TypeScript sources, from the start-up bundle in build/server and from
 * compiled dist/, so files it reads (migrations, the built tab) are located from here.
 */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'virtual-marac'
    )
      return (cached = dir);
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(
        'Cannot find the virtual-marac package.json above ' + fileURLToPath(import.meta.url),
      );
    dir = parent;
  }
}
