#!/usr/bin/env node
// Runs the Playwright suite against the production build, after finding a Chromium.
// Order (see the README): CHROME_PATH, Playwright's own browser, a system headless shell, a system
// Chromium/Chrome, then `npx playwright install chromium`, then (Debian, as root) apt-get; else a
// clear message.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { headlessShellCandidates, systemCandidates } from './tools/find-browser.mjs';

const log = (msg) => console.log(`[e2e] ${msg}`);

function playwrightOwn() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const systemChromium = () => systemCandidates.find((p) => existsSync(p)) ?? null;
const systemHeadlessShell = () => headlessShellCandidates.find((p) => existsSync(p)) ?? null;

function run(cmd, args) {
  log(`running: ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status === 0;
}

function findBrowser() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return { path: process.env.CHROME_PATH, how: 'CHROME_PATH' };
    log(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist; looking elsewhere.`);
  }
  let path = playwrightOwn();
  if (path) return { path, how: "Playwright's own Chromium" };
  path = systemHeadlessShell();
  if (path) return { path, how: 'system headless shell' };
  path = systemChromium();
  if (path) {
    log('Using the full browser; `apt-get install chromium-headless-shell` would run the suite faster.');
    return { path, how: 'system browser' };
  }

  log('No Chromium found; trying `npx playwright install chromium`.');
  if (run('npx', ['playwright', 'install', 'chromium']) && (path = playwrightOwn()))
    return { path, how: "Playwright's own Chromium (just installed)" };

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log('Installing Debian Chromium (and CJK fonts so Hangul and Hanzi names render).');
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'])) {
      // Apart, so that a release without the package still gets the full browser.
      run('apt-get', ['install', '-y', '-qq', 'chromium-headless-shell']);
      path = systemHeadlessShell() ?? systemChromium();
      if (path) return { path, how: 'Debian Chromium (just installed)' };
    }
  }
  return null;
}

const found = findBrowser();
if (!found) {
  console.error(
    '[e2e] No Chromium could be found or installed.\n' +
      '      Set CHROME_PATH to a Chromium or Chrome executable, or install one\n' +
      '      (Debian/Ubuntu: sudo apt-get install chromium), then run `npm test` again.',
  );
  process.exit(1);
}
log(`using ${found.how}: ${found.path}`);

const env = { ...process.env, CHROME_PATH: found.path };
const args = process.argv.slice(2);
const result = spawnSync('npx', ['playwright', 'test', ...args], { stdio: 'inherit', env });
if (result.status !== 0 || args.length > 0) process.exit(result.status ?? 1);

// A full run also proves the benchmark still works: its smallest size, once, no timing limits.
log('benchmark smoke check (npm run bench -- --smoke)');
const bench = spawnSync('node', ['e2e/bench/run.mjs', '--smoke'], { stdio: 'inherit', env });
process.exit(bench.status ?? 1);
