import { defineConfig, devices } from '@playwright/test';
import { faultPort, port } from './e2e/ports.ts';

// e2e/run.mjs finds a Chromium and passes it in CHROME_PATH.
const executablePath = process.env.CHROME_PATH || undefined;
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
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
  webServer: [
    {
      command: `npx vite preview --port ${port} --strictPort`,
      url: baseURL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // Built here, every run, so the faults spec never tests a stale copy of the app.
      command: `npx vite build --mode e2e --outDir dist-e2e --emptyOutDir --logLevel error && npx vite preview --outDir dist-e2e --port ${faultPort} --strictPort`,
      url: `http://localhost:${faultPort}`,
      // Never someone else's server on that port: it would lack the switch.
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
