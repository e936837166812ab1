import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PgliteDb } from '../../store/pglite-db.js';

/**
 * PGlite's first open of a new database runs initdb and takes seconds; loading a tarball of an
 * already-initialised one takes well under one. The snapshot is made once per PGlite version
 * and cached under node_modules/.cache, so every test worker starts from it.
 */
export async function ensurePgliteSnapshot(): Promise<string> {
  // The package does not export its package.json; read it from the install.
  const manifest = path.resolve('node_modules/@electric-sql/pglite/package.json');
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
  const dir = path.resolve('node_modules/.cache/virtual-marac');
  const file = path.join(dir, `pglite-${version}.tar`);
  if (existsSync(file)) return file;
  await mkdir(dir, { recursive: true });
  const db = await PgliteDb.open();
  const blob = await db.dump();
  await db.close();
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, Buffer.from(await blob.arrayBuffer()));
  await rename(temp, file);
  return file;
}

export async function openFromSnapshot(file: string): Promise<PgliteDb> {
  return PgliteDb.open({ loadDataDir: new Blob([await readFile(file)]) });
}
