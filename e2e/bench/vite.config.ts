import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the bare Cytoscape baseline for `npm run bench`, serving the app's own datasets.
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  publicDir: `${here}../../public`,
  // Kept in the repo's node_modules so the benchmark never creates one under e2e/bench.
  cacheDir: `${here}../../node_modules/.vite-bench`,
  build: {
    outDir: `${here}dist`,
    emptyOutDir: true,
    target: 'es2022',
    // Cytoscape alone is over the default 500 kB; the warning says nothing about the baseline.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: `${here}bare.html` },
  },
  preview: { port: 4181, strictPort: true },
});
