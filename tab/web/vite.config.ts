import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The tab client: static files built into build/tab and served by the service at /. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../build/tab', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // scripts/bundle-size.mjs reads which chunks each surface loads from the manifest.
    manifest: true,
    reportCompressedSize: false,
  },
});
