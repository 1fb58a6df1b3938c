// The Chromium that build scripts (og-image, lighthouse) use, found in e2e/run.mjs's order without
// installing anything: CHROME_PATH, Playwright's own browser, a system Chromium or Chrome. Not the
// headless shell the tests prefer: Lighthouse's figures in the README were all taken with the full browser.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Debian's headless-only build of the same Chromium (package chromium-headless-shell). The test
 * runner prefers it: Playwright itself runs headless tests on a headless shell, and here it opened
 * the app in about 60 % of the full browser's time (the whole suite: 8.2 against 12.6-13.4 min).
 */
export const headlessShellCandidates = ['/usr/bin/chromium-headless-shell'];

/** Where a system Chromium or Chrome usually lives; e2e/run.mjs looks in the same places. */
export const systemCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findBrowser() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright's browser is not installed; try the system's.
  }
  return systemCandidates.find((p) => existsSync(p)) ?? null;
}
