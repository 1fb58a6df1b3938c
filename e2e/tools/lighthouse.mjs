#!/usr/bin/env node
// `npm run lighthouse`: Lighthouse's default (mobile) audit of the production build in dist/,
// three runs, printing the median of each score and metric. Medians, because one run on a busy
// machine can be far off. Build first (`npm run build`). Options: LIGHTHOUSE_PORT (default 4180),
// LIGHTHOUSE_RUNS (default 3), LIGHTHOUSE_PATH (what to open, default `/`), --json FILE (every run).
// Lighthouse is pinned at 12.2.3: later versions fail against this machine's Chromium.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { findBrowser } from './find-browser.mjs';

const port = Number(process.env.LIGHTHOUSE_PORT || 4180);
const runs = Number(process.env.LIGHTHOUSE_RUNS || 3);
const path = process.env.LIGHTHOUSE_PATH || '/';
const jsonAt = process.argv.indexOf('--json');
const jsonFile = jsonAt > 0 ? process.argv[jsonAt + 1] : null;

const chromePath = findBrowser();
if (!chromePath) {
  console.error('[lighthouse] No Chromium found. Set CHROME_PATH, or run `npx playwright install chromium`.');
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);

const url = `http://127.0.0.1:${port}${path}`;
let up = false;
for (let i = 0; i < 150 && !up; i++) {
  up = await fetch(url).then((r) => r.ok, () => false);
  if (!up) await new Promise((r) => setTimeout(r, 200));
}
if (!up) {
  console.error(`[lighthouse] vite preview did not answer on ${url}. Is dist/ built and the port free?`);
  process.exit(1);
}

console.log(`[lighthouse] ${runs} mobile runs of ${url} with ${chromePath}; load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`);
const results = [];
for (let i = 0; i < runs; i++) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const { categories: c, audits: a } = result.lhr;
    const run = {
      performance: c.performance.score,
      accessibility: c.accessibility.score,
      bestPractices: c['best-practices'].score,
      seo: c.seo.score,
      fcpMs: a['first-contentful-paint'].numericValue,
      lcpMs: a['largest-contentful-paint'].numericValue,
      tbtMs: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      speedIndexMs: a['speed-index'].numericValue,
      failing: Object.values(a)
        .filter((x) => x.score !== null && x.score < 1 && ['binary', 'numeric'].includes(x.scoreDisplayMode))
        .map((x) => x.id),
    };
    results.push(run);
    console.log(
      `[lighthouse] run ${i + 1}: performance ${run.performance} · FCP ${Math.round(run.fcpMs)} ms · LCP ${Math.round(run.lcpMs)} ms · TBT ${Math.round(run.tbtMs)} ms · CLS ${run.cls.toFixed(3)}`,
    );
  } finally {
    await chrome.kill();
  }
}

const rows = [
  ['Performance', 'performance', (v) => v.toFixed(2)],
  ['Accessibility', 'accessibility', (v) => v.toFixed(2)],
  ['Best practices', 'bestPractices', (v) => v.toFixed(2)],
  ['SEO', 'seo', (v) => v.toFixed(2)],
  ['First Contentful Paint', 'fcpMs', (v) => `${(v / 1000).toFixed(2)} s`],
  ['Largest Contentful Paint', 'lcpMs', (v) => `${(v / 1000).toFixed(2)} s`],
  ['Total Blocking Time', 'tbtMs', (v) => `${Math.round(v)} ms`],
  ['Cumulative Layout Shift', 'cls', (v) => v.toFixed(3)],
  ['Speed Index', 'speedIndexMs', (v) => `${(v / 1000).toFixed(2)} s`],
];
console.log(`\nMedian of ${runs} (Lighthouse 12.2.3, mobile emulation), load average now ${loadavg()[0].toFixed(2)}:\n`);
console.log('| Measure | Median | Runs |\n| --- | ---: | --- |');
for (const [label, key, fmt] of rows) {
  console.log(`| ${label} | ${fmt(median(results.map((r) => r[key])))} | ${results.map((r) => fmt(r[key])).join(' · ')} |`);
}
const failing = [...new Set(results.flatMap((r) => r.failing))];
if (failing.length) console.log(`\nAudits below full marks in some run: ${failing.join(', ')}`);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ url, date: new Date().toISOString(), loadavg: loadavg(), runs: results }, null, 2) + '\n');
stopServer();
process.exit(0);
