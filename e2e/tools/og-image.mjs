#!/usr/bin/env node
// Makes public/og-image.png, the 1200×630 picture a shared link shows: the default story drawn by
// the production build itself (the embed view, so the graph fills the card). It needs a Chromium,
// which a build machine may lack, so it is not part of `npm run build`: run it after a change to
// the default dataset or the look (`npm run build && npm run og-image`) and commit the PNG.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findBrowser } from './find-browser.mjs';

const port = Number(process.env.OG_PORT || 4199);
const browserPath = findBrowser();
if (!browserPath) {
  console.error('[og-image] No Chromium found: set CHROME_PATH.');
  process.exit(1);
}
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
try {
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(`${url}?embed=1`);
  await page.waitForFunction(() => performance.getEntriesByName('graph:ready').length > 0, undefined, { timeout: 30_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'public/og-image.png' });
  await browser.close();
  console.log('[og-image] wrote public/og-image.png (1200×630)');
} finally {
  process.kill(-server.pid);
}
