import { defineConfig, devices } from '@playwright/test';
import { port } from './e2e/ports.ts';

// e2e/run.mjs finds a Chromium and passes it in CHROME_PATH.
const executablePath = process.env.CHROME_PATH || undefined;
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e',
  // Specs only: e2e/bench/*.test.mjs are Vitest's (the benchmark's own unit tests).
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  // Baselines are the picture's, not a project's: no project name in their file names.
  snapshotPathTemplate: '{snapshotDir}/{testFileDir}/{testFileName}-snapshots/{arg}{-snapshotSuffix}{ext}',
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'on-first-retry',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // Tests tagged @alone count frames, and tests tagged @tasks bound the page's longest task, which a
  // test beside them on 2 cores can starve or stretch: they run after every other test has
  // finished, each group on its own. (A dependency that fails skips them; the run fails anyway.)
  projects: [
    { name: 'app', grepInvert: /@alone|@tasks/ },
    { name: 'alone', grep: /@alone/, dependencies: ['app'] },
    { name: 'tasks', grep: /@tasks/, dependencies: ['alone'] },
  ],
  // Every spec runs against one build made with `--mode e2e`: the production code plus the two
  // test-only hooks (the fault switch, app/shell/fault-point.tsx, and the read-only graph probe,
  // app/graph/graph-probe.ts). Built here, every run, so no spec tests a stale copy of the app;
  // e2e/production-bundle.spec.ts proves that `npm run build`'s dist/ holds neither hook.
  webServer: {
    command: `npx vite build --mode e2e --outDir dist-e2e --emptyOutDir --logLevel error && npx vite preview --outDir dist-e2e --port ${port} --strictPort`,
    url: baseURL,
    // Never someone else's server on that port: a production preview would lack the hooks.
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
