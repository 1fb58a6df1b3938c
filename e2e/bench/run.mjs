#!/usr/bin/env node
// `npm run bench`: bundle size of the production build, and time to the first drawn graph for the
// app and for a bare Cytoscape page, measured in the same run so their ratio means something.
// See e2e/bench/README.md.
/* global window, document -- only inside functions that Playwright runs in the page */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const benchDir = join(root, 'e2e/bench');
// Private output directories, not ./dist and e2e/bench/dist: a concurrent `npm run build` (or the
// e2e suite's) would otherwise replace the files under the running preview server, and ESLint would
// lint a bundle left in e2e/bench/dist.
const outRoot = mkdtempSync(join(tmpdir(), 'stancegraph-bench-'));
const appDist = join(outRoot, 'app');
const bareDist = join(outRoot, 'bare');
const BARE_CONFIG = 'e2e/bench/vite.config.ts';
const N = Number(process.env.BENCH_N) || 7;
const APP_PORT = 4180;
const BARE_PORT = 4181;
// 127.0.0.1 rather than localhost, so the server and the browser agree on IPv4 loopback.
const HOST = '127.0.0.1';
const VIEWPORT = { width: 1280, height: 800 };

const log = (msg) => console.log(`[bench] ${msg}`);

const catalog = JSON.parse(readFileSync(join(root, 'public/data/index.json'), 'utf8')).datasets;
const fileOf = (id) => {
  const entry = catalog.find((d) => d.id === id);
  if (!entry) throw new Error(`dataset ${id} is not in public/data/index.json`);
  return entry.file;
};
const datasets = [
  { id: 'gyeongju-2025', appPath: '/' },
  { id: 'les-miserables', appPath: '/?dataset=les-miserables' },
].map((d) => {
  const file = fileOf(d.id);
  const data = JSON.parse(readFileSync(join(root, 'public/data', file), 'utf8'));
  return { ...d, file, nodes: data.actors.length, edges: data.relations.length };
});

function build(args) {
  log(`npx vite build ${args.join(' ')}`.trim());
  const t0 = Date.now();
  const result = spawnSync('npx', ['vite', 'build', ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`vite build ${args.join(' ')} failed`);
  }
  log(`  built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------- bundle size

function tagsOf(html, pattern) {
  return [...html.matchAll(pattern)].map(([t]) => {
    const attrs = {};
    for (const [, name, value] of t.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)) attrs[name.toLowerCase()] = value;
    return attrs;
  });
}

function sizeOf(dist, urls) {
  const files = urls.map((url) => {
    const path = join(dist, url.split(/[?#]/)[0].replace(/^\//, ''));
    const bytes = readFileSync(path);
    // zlib's default level (6), what a typical server sends; Vite's own report may differ slightly.
    return { file: url, raw: statSync(path).size, gzip: gzipSync(bytes).length };
  });
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

/** What the browser must fetch before the page can run: entry scripts, modulepreloads, stylesheets. */
function initialAssets(dist, htmlFile) {
  const html = readFileSync(join(dist, htmlFile), 'utf8');
  const scripts = tagsOf(html, /<script\b[^>]*>/gi).filter((a) => a.type === 'module' && a.src).map((a) => a.src);
  const links = tagsOf(html, /<link\b[^>]*>/gi);
  const preloads = links.filter((a) => a.rel === 'modulepreload' && a.href).map((a) => a.href);
  const styles = links.filter((a) => a.rel === 'stylesheet' && a.href).map((a) => a.href);
  return { js: sizeOf(dist, [...new Set([...scripts, ...preloads])]), css: sizeOf(dist, styles) };
}

// ---------------------------------------------------------------- servers

const servers = new Set();

function portFree(port) {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, HOST);
  });
}

async function serve(port, readyPath, extraArgs) {
  // Otherwise a leftover server on the port would answer our readiness check and be measured.
  if (!(await portFree(port))) throw new Error(`port ${port} is in use; stop whatever holds it and retry`);
  const args = ['vite', 'preview', ...extraArgs, '--host', HOST, '--port', String(port), '--strictPort'];
  // Its own process group, so stopping it also stops the node process npx starts.
  const child = spawn('npx', args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.add(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview on ${port} exited:\n${output}`);
    try {
      if ((await fetch(`http://${HOST}:${port}${readyPath}`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${port} within 30 s:\n${output}`);
}

function stopServers() {
  for (const child of servers) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  servers.clear();
}

process.on('exit', stopServers);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    stopServers();
    process.exit(130);
  });

// ---------------------------------------------------------------- timing

async function load(browser, url, countNodes) {
  // A fresh context each time: no HTTP cache, storage or compiled code carried between loads.
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    try {
      await page.waitForFunction(() => performance.getEntriesByName('graph:ready').length > 0, null, { timeout: 30_000 });
    } catch (e) {
      throw new Error(`${url}: no graph:ready mark (${errors.join('; ') || e.message})`, { cause: e });
    }
    if (errors.length) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
    const ms = await page.evaluate(() => performance.getEntriesByName('graph:ready')[0].startTime);
    return { ms, nodes: await page.evaluate(countNodes) };
  } finally {
    await context.close();
  }
}

const pages = {
  app: {
    url: (d) => `http://${HOST}:${APP_PORT}${d.appPath}`,
    countNodes: () => window.stancegraphProbe?.().nodes.length ?? -1,
  },
  bare: {
    url: (d) => `http://${HOST}:${BARE_PORT}/bare.html?file=${encodeURIComponent(d.file)}`,
    countNodes: () => Number(document.body.dataset.nodes ?? -1),
  },
};

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

async function measure(browser, dataset) {
  const samples = { app: [], bare: [] };
  const once = async (kind) => {
    const { ms, nodes } = await load(browser, pages[kind].url(dataset), pages[kind].countNodes);
    // Guards against timing a page that drew something else (a fallback dataset, an empty graph).
    if (nodes !== dataset.nodes) throw new Error(`${kind} drew ${nodes} nodes for ${dataset.id}, expected ${dataset.nodes}`);
    return ms;
  };
  await once('app');
  await once('bare');
  // Alternating, so a noisy moment on the machine slows both pages rather than one.
  for (let i = 0; i < N; i++) {
    samples.app.push(await once('app'));
    samples.bare.push(await once('bare'));
  }
  const app = stats(samples.app);
  const bare = stats(samples.bare);
  log(`${dataset.id}: app ${app.median.toFixed(0)} ms, bare ${bare.median.toFixed(0)} ms`);
  // Each app load against the baseline load right after it: a slow spell on the machine then
  // cancels out within the pair, so this median is steadier than the ratio of medians when busy.
  const paired = stats(samples.app.map((a, i) => a / samples.bare[i])).median;
  return { dataset: dataset.id, nodes: dataset.nodes, edges: dataset.edges, app, bare, ratio: app.median / bare.median, pairedRatio: paired, samples };
}

// ---------------------------------------------------------------- report

const kB = (bytes) => (bytes / 1000).toFixed(1);
const ms = (v) => v.toFixed(0);

function report(result) {
  const lines = [
    `## Stancegraph benchmark — ${result.date}`,
    '',
    `Chromium ${result.chromium}, Node ${result.node}, ${result.cpu}; N = ${result.n} loads per page and dataset (after one warm-up), viewport ${VIEWPORT.width}×${VIEWPORT.height}.`,
    `1-minute load average ${result.loadAverage.before} before, ${result.loadAverage.after} after` +
      (Math.max(result.loadAverage.before, result.loadAverage.after) > cpus().length
        ? ` — above the ${cpus().length} CPUs: the machine was busy, trust the ratio more than the milliseconds.`
        : '.'),
    '',
    '### Time to `graph:ready` (ms from navigation start)',
    '',
    '| Dataset | Nodes / edges | App median (min–max) | Bare median (min–max) | App / bare | Paired ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...result.timing.map(
      (t) =>
        `| ${t.dataset} | ${t.nodes} / ${t.edges} | ${ms(t.app.median)} (${ms(t.app.min)}–${ms(t.app.max)}) | ` +
        `${ms(t.bare.median)} (${ms(t.bare.min)}–${ms(t.bare.max)}) | ${t.ratio.toFixed(2)} | ${t.pairedRatio.toFixed(2)} |`,
    ),
    '',
    '### Initial bundle (kB = 1000 bytes; gzip at zlib level 6)',
    '',
    '| Bundle | Files | Raw kB | Gzip kB |',
    '| --- | --- | ---: | ---: |',
  ];
  const { app, bare } = result.bundle;
  const row = (name, part) => `| ${name} | ${part.files.map((f) => `\`${f.file}\``).join(', ') || '—'} | ${kB(part.raw)} | ${kB(part.gzip)} |`;
  lines.push(
    row('App JS', app.js),
    row('App CSS', app.css),
    `| App total | | ${kB(app.js.raw + app.css.raw)} | ${kB(app.js.gzip + app.css.gzip)} |`,
    row('Bare JS (Cytoscape + fcose)', bare.js),
    '',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

const load1 = () => Number(loadavg()[0].toFixed(2));

async function main() {
  const started = Date.now();
  const loadBefore = load1();
  build(['--outDir', appDist, '--emptyOutDir']);
  build(['--config', BARE_CONFIG, '--outDir', bareDist, '--emptyOutDir']);
  const bundle = { app: initialAssets(appDist, 'index.html'), bare: initialAssets(bareDist, 'bare.html') };

  await serve(APP_PORT, '/', ['--outDir', appDist]);
  await serve(BARE_PORT, '/bare.html', ['--config', BARE_CONFIG, '--outDir', bareDist]);

  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const timing = [];
    for (const d of datasets) timing.push(await measure(browser, d));
    const result = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      node: process.version,
      cpu: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
      n: N,
      viewport: VIEWPORT,
      // Other work on the machine inflates both pages' times; the ratio survives it better than the ms.
      loadAverage: { before: loadBefore, after: load1() },
      bundle,
      timing,
    };
    writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\n${report(result)}`);
    log(`wrote e2e/bench/results.json in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(`[bench] ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  stopServers();
  rmSync(outRoot, { recursive: true, force: true });
}
