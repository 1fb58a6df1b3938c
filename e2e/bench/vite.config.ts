import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the baselines for `npm run bench`: the bare Cytoscape page (serving the app's own
// datasets) and the library-size floor.
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
    rolldownOptions: { input: [`${here}bare.html`, `${here}floor.html`] },
  },
  preview: { port: 4181, strictPort: true },
});
