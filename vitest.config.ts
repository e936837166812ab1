import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'dist/**', 'build/**', 'test/e2e/**', 'data/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // A pg client asked to run two queries at once fails the test (pg 9 will refuse it).
    setupFiles: ['test/support/no-pg-concurrency.ts'],
    // Store tests open PGlite (WASM) once per worker; the first open costs about a second.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
