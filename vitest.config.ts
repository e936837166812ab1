import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'dist/**', 'build/**', 'test/e2e/**', 'data/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // Store tests open PGlite (WASM) once per worker; the first open costs about a second.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
