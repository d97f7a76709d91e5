// Builds the example into tests/e2e/artifacts/vite-dist (git-ignored); embed-vite.test.mjs
// builds it and loads it in headless Chromium.
import { fileURLToPath } from 'node:url';

export default {
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../artifacts/vite-dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
};
