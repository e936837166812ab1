import { defineConfig } from 'vitest/config';

/** Browser tests: the real service in a child process, Debian Chromium driven by playwright-core. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser and one service at a time: the machines have two cores.
    fileParallelism: false,
  },
});
