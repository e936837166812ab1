import type { TestProject } from 'vitest/node';
import { ensurePgliteSnapshot } from './pglite-snapshot.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('pgliteSnapshot', await ensurePgliteSnapshot());
}
