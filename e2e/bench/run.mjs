#!/usr/bin/env node
// `npm run bench`: the production build against a bare Cytoscape page in the same run — load,
// filter toggle, selection, focus, search, layout and heap on seeded synthetic datasets — and its
// initial JavaScript against a React + Cytoscape floor. See e2e/bench/README.md.
// `npm run bench -- --smoke` runs the smallest size once, without writing results: `npm test` uses
// it to prove the benchmark still works, with no timing assertions.
// `npm run bench -- --stress` runs instead the stress cases of issue #17 (e2e/stress/) at full size
// and writes e2e/bench/stress-results.json: the longest main-thread task of each phase of each case.
/* global window, document, addEventListener, MutationObserver, requestAnimationFrame -- only inside functions that Playwright runs in the page */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { synthetic, sizes as sizeTable } from './synthetic.mjs';
import { compareRuns, comparisonReport } from './compare.mjs';
import { stressCases } from '../stress/cases.mjs';
import { stressSizes } from '../stress/generators.mjs';
import { watchLongTasks } from '../stress/measure.mjs';
import { createServer } from 'node:net';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
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
// The bundle sizes are the production build's; the pages run the `--mode e2e` build, the only one
// with the read-only graph probe (app/graph/graph-probe.ts) the measurements read.
const shippedDist = join(outRoot, 'shipped');
const bareDist = join(outRoot, 'bare');
const BARE_CONFIG = 'e2e/bench/vite.config.ts';
const SMOKE = process.argv.includes('--smoke');
const STRESS = process.argv.includes('--stress');
const N = SMOKE ? 1 : Number(process.env.BENCH_N) || 15;
const WARMUP = SMOKE ? 0 : 1;
const DEFAULT_STYLE_ROUNDS = 5;
// Search, selection and focus are repeated this many times in each round (BENCH_REPEATS); twice
// in the smoke run, so that `npm test` also proves the way back between repetitions.
const REPEATS = SMOKE ? 2 : Number(process.env.BENCH_REPEATS) || 3;
const SIZE_NAMES = SMOKE ? ['small'] : (process.env.BENCH_SIZES ?? 'small,medium,large').split(',');
// BENCH_PORT lets two benchmark runs (say, two worktrees) share a machine without colliding.
const APP_PORT = Number(process.env.BENCH_PORT || 4180);
const BARE_PORT = APP_PORT + 1;
// 127.0.0.1 rather than localhost, so the server and the browser agree on IPv4 loopback.
const HOST = '127.0.0.1';
const VIEWPORT = { width: 1280, height: 800 };
// How long the pointer rests on the layout control before the choice: the time a person takes to
// open a menu and pick from it is longer.
const LAYOUT_REST_MS = 500;

const log = (msg) => console.log(`[bench] ${msg}`);

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
  const tags = tagsOf(html, /<script\b[^>]*>/gi);
  const scripts = tags.filter((a) => a.type === 'module' && a.src).map((a) => a.src);
  // The pre-rendered page starts its entry (and preloads that entry's imports) from
  // public/first-view.js after the first paint: named in data-app and data-preload, fetched all the same.
  for (const a of tags) if (a['data-app']) scripts.push(a['data-app'], ...(a['data-preload'] ?? '').split(' ').filter(Boolean));
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

// ---------------------------------------------------------------- datasets

/** Synthetic datasets go into both builds' data folders; the app also lists them in its catalog. */
function addDatasets(names) {
  const out = [];
  const catalogFile = join(appDist, 'data/index.json');
  const catalog = JSON.parse(readFileSync(catalogFile, 'utf8'));
  for (const name of names) {
    const size = sizeTable[name];
    if (!size) throw new Error(`unknown size ${name}; use small, medium or large`);
    const data = synthetic(size);
    const file = `${data.id}.json`;
    const text = JSON.stringify(data);
    for (const dist of [appDist, bareDist]) writeFileSync(join(dist, 'data', file), text);
    catalog.datasets.push({ id: data.id, title: data.title, file });
    const topic = data.topics[0];
    // Search types the first letter of a name in the middle of the list: results always appear.
    const query = data.actors[Math.floor(data.actors.length / 2)].name.slice(0, 1).toLowerCase();
    out.push({ name, id: data.id, file, nodes: data.actors.length, edges: data.relations.length, topic: topic.label, query, bytes: text.length });
  }
  writeFileSync(catalogFile, JSON.stringify(catalog));
  return out;
}

// ---------------------------------------------------------------- pages

// V8 flags for a diagnostic run: with `--no-opt --no-maglev` neither page's code is optimised
// while it is timed, which takes the background compilers' timing out of a small graph's
// interactions (see the README's twenty-first pass). Such a run is not comparable with the
// committed results, so it must name its own output file.
const JS_FLAGS = process.env.BENCH_JS_FLAGS?.trim() ?? '';
const OUT = process.env.BENCH_OUT ? resolve(process.env.BENCH_OUT) : JS_FLAGS ? null : join(benchDir, 'results.json');
if (!OUT && !SMOKE) throw new Error('BENCH_JS_FLAGS needs BENCH_OUT: a run with V8 flags must not replace e2e/bench/results.json');
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...(JS_FLAGS ? [`--js-flags=${JS_FLAGS}`] : [])];

// Installed before any page script: long tasks, and the time stamp of the last real input.
const INIT = () => {
  window.__bench = { longtasks: [], input: 0 };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task support: the report says so
  }
  for (const type of ['pointerdown', 'keydown']) addEventListener(type, (e) => (window.__bench.input = e.timeStamp), true);
};

const kinds = {
  app: {
    url: (d) => `http://${HOST}:${APP_PORT}/?dataset=${d.id}&layout=preset`,
    canvas: '[data-testid="graph-canvas"]',
    probe: () => window.stancegraphProbe?.() ?? null,
    shortcuts: (on) => window.stancegraphViewportShortcuts(on),
    topicBox: (page, d) => page.getByRole('group', { name: 'Topics' }).getByRole('checkbox', { name: d.topic }),
    search: (page) => page.getByRole('combobox', { name: 'Search actors' }),
    results: '[role="listbox"][aria-label="Matching actors"]',
    async focus(page) {
      await page.getByRole('radio', { name: '2' }).check();
      return page.getByRole('button', { name: 'Focus', exact: true });
    },
    clearFocus: (page) => page.getByRole('button', { name: 'Clear focus', exact: true }),
    async layout(page) {
      // As a person chooses: the pointer comes to rest on the menu first (the app starts its layout
      // worker then, as it does when the menu takes the keyboard focus), then the choice.
      const menu = page.getByRole('combobox', { name: 'Layout' });
      await menu.hover();
      await page.waitForTimeout(LAYOUT_REST_MS);
      await menu.selectOption('fcose');
    },
  },
  bare: {
    url: (d, size) => `http://${HOST}:${BARE_PORT}/bare.html?file=${d.file}&layout=preset&w=${size.width}&h=${size.height}`,
    canvas: '#cy',
    probe: () => window.bareProbe?.() ?? null,
    shortcuts: (on) => {
      const renderer = window.bareCy.renderer();
      renderer.hideEdgesOnViewport = on;
      renderer.hideLabelsOnViewport = on;
    },
    topicBox: (page, d) => page.getByRole('group', { name: 'Topics' }).getByRole('checkbox', { name: d.topic }),
    search: (page) => page.getByRole('searchbox', { name: 'Search' }),
    results: '#results',
    async focus(page) {
      return page.getByRole('button', { name: 'Focus' });
    },
    clearFocus: (page) => page.getByRole('button', { name: 'Show all' }),
    async layout(page) {
      const button = page.getByRole('button', { name: 'Force-directed layout' });
      await button.hover();
      await page.waitForTimeout(LAYOUT_REST_MS);
      // In the page: the bare page lays out on the main thread, which a Playwright click would wait on.
      await button.evaluate((el) => el.click());
    },
  },
};
kinds.bareDefault = { ...kinds.bare, url: (d, size) => `${kinds.bare.url(d, size)}&style=default` };

async function open(browser, kind, dataset, canvasSize) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(INIT);
  const url = kinds[kind].url(dataset, canvasSize);
  await page.goto(url);
  try {
    await page.waitForFunction(() => performance.getEntriesByName('graph:ready').length > 0, null, { timeout: 120_000 });
  } catch (e) {
    await context.close();
    throw new Error(`${url}: no graph:ready mark (${errors.join('; ') || e.message})`, { cause: e });
  }
  const probe = await page.evaluate(kinds[kind].probe);
  // Guards against timing a page that drew something else (a fallback dataset, an empty graph).
  if (!probe || probe.nodes.length !== dataset.nodes) {
    await context.close();
    throw new Error(`${kind} drew ${probe?.nodes.length} nodes for ${dataset.id}, expected ${dataset.nodes}`);
  }
  const load = await page.evaluate(() => performance.getEntriesByName('graph:ready')[0].startTime);
  // The longest main-thread task from navigation to graph:ready: a long load must not freeze the page.
  const loadLongestTask = await page.evaluate((ready) => Math.max(0, ...window.__bench.longtasks.filter((t) => t.start < ready).map((t) => t.duration)), load);
  return { context, page, errors, load, loadLongestTask, probe };
}

/** Milliseconds from `act` (which returns its start time) to the first frame drawn after it. */
async function untilDrawn(page, act) {
  await page.evaluate(() => performance.clearMarks('graph:drawn'));
  const t0 = await act();
  const handle = await page.waitForFunction(
    (start) => performance.getEntriesByName('graph:drawn').find((m) => m.startTime >= start)?.startTime,
    t0,
    { timeout: 60_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) - t0;
}

/** Clicks an element in the page itself, so the start time is taken right before the click. */
const clickIn = (locator) => locator.evaluate((el) => {
  const t0 = performance.now();
  el.click();
  return t0;
});

/**
 * The person nearest the middle of the canvas, preferring one with no other node close by so a
 * click lands on it alone. Both pages draw the same positions at the same zoom, so they get the
 * same click.
 */
async function clickTarget(page, kind) {
  const probe = await page.evaluate(kinds[kind].probe);
  const box = await page.locator(kinds[kind].canvas).boundingBox();
  const parents = new Set(probe.nodes.map((n) => n.parent).filter(Boolean));
  const leaves = probe.nodes.filter((n) => !parents.has(n.id) && n.visible);
  const screen = (n) => ({ x: box.x + n.x * probe.zoom + probe.pan.x, y: box.y + n.y * probe.zoom + probe.pan.y });
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const radius = 22 * probe.zoom;
  const ranked = leaves
    .map((n) => ({ id: n.id, ...screen(n) }))
    .map((p) => ({ ...p, d: Math.hypot(p.x - centre.x, p.y - centre.y) }))
    .sort((a, b) => a.d - b.d);
  const clear = ranked.slice(0, 200).find((p) => ranked.every((q) => q === p || Math.hypot(q.x - p.x, q.y - p.y) > 2 * radius + 2));
  const best = clear ?? ranked[0];
  if (!best) throw new Error('no node to click');
  return best;
}

const visibleCount = (probe) => probe.nodes.filter((n) => n.visible).length;

async function gcHeap(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** One paired round on one page: load, topic toggle off and on, search, selection, focus. */
async function round(browser, kind, dataset, canvasSize) {
  const { context, page, errors, load, loadLongestTask } = await open(browser, kind, dataset, canvasSize);
  try {
    const k = kinds[kind];
    const box = k.topicBox(page, dataset);
    const toggleOff = await untilDrawn(page, () => clickIn(box));
    const toggleOn = await untilDrawn(page, () => clickIn(box));
    if (kind === 'bareDefault') return { load, loadLongestTask, toggle: (toggleOff + toggleOn) / 2 };

    // Search: a keystroke into the empty field, until the next frame with results in it. Each
    // interaction is repeated on the same page and the round keeps the median: one sample of a
    // 10–200 ms interaction is at the mercy of whatever else holds the 2 cores at that moment.
    const searches = [];
    for (let r = 0; r < REPEATS; r++) {
      await k.search(page).focus();
      await page.evaluate((selector) => {
        const list = document.querySelector(selector);
        window.__bench.shown = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (!list.querySelector('[role="option"]')) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now()));
          });
          observer.observe(list, { childList: true, subtree: true, attributes: true, characterData: true });
        });
      }, k.results);
      await page.keyboard.press(dataset.query);
      searches.push(await page.evaluate(async () => (await window.__bench.shown) - window.__bench.input));
      await page.keyboard.press('Escape');
      await k.search(page).fill('');
    }
    await page.evaluate(() => document.activeElement?.blur());

    const shown = visibleCount(await page.evaluate(k.probe));
    const selects = [];
    const focuses = [];
    for (let r = 0; r < REPEATS; r++) {
      if (r > 0) {
        // Back to the picture the first repetition started from: the whole graph, nothing selected.
        await untilDrawn(page, () => clickIn(k.clearFocus(page)));
        await page.keyboard.press('Escape');
        await page.waitForTimeout(300);
        const now = visibleCount(await page.evaluate(k.probe));
        if (now !== shown) throw new Error(`${kind}: ${now} actors shown after leaving focus, ${shown} before`);
      }
      const target = await clickTarget(page, kind);
      // The pointer arrives first and rests: both pages emphasise a hovered actor's neighbourhood,
      // and the click is timed from that settled picture.
      await page.mouse.move(target.x, target.y);
      await page.waitForTimeout(1500);
      selects.push(
        await untilDrawn(page, async () => {
          await page.mouse.click(target.x, target.y);
          return page.evaluate(() => window.__bench.input);
        }),
      );
      const focusButton = await k.focus(page);
      focuses.push(await untilDrawn(page, () => clickIn(focusButton)));
    }
    const [search, select, focus] = [searches, selects, focuses].map((v) => stats(v).median);
    const repeats = { search: searches, select: selects, focus: focuses };
    if (errors.length) throw new Error(`${kind}: page errors: ${errors.join('; ')}`);
    return { load, loadLongestTask, toggle: (toggleOff + toggleOn) / 2, search, select, focus, repeats };
  } finally {
    await context.close();
  }
}

/** Heap after 20 more topic toggles against before them, both after a full garbage collection. */
async function heapRun(browser, kind, dataset, canvasSize) {
  const { context, page } = await open(browser, kind, dataset, canvasSize);
  try {
    const box = kinds[kind].topicBox(page, dataset);
    // One off-and-on pair first: Cytoscape fills its style and texture caches on the first
    // redraw, which is a one-time cost rather than growth.
    for (let i = 0; i < 2; i++) await untilDrawn(page, () => clickIn(box));
    const before = await gcHeap(page);
    for (let i = 0; i < 20; i++) await untilDrawn(page, () => clickIn(box));
    const after = await gcHeap(page);
    return { before, after, ratio: after / before };
  } finally {
    await context.close();
  }
}

/** fcose from saved positions: total time, and for the app the main thread's longest task and the indicator's delay. */
async function layoutRun(browser, kind, dataset, canvasSize) {
  const { context, page } = await open(browser, kind, dataset, canvasSize);
  try {
    await page.evaluate(() => {
      performance.clearMarks('layout:start');
      performance.clearMarks('layout:end');
      window.__bench.longtasks = [];
      window.__bench.indicator = null;
      const observer = new MutationObserver(() => {
        const shown = [...document.querySelectorAll('[role="status"]')].some((el) => el.textContent?.includes('Laying out'));
        if (shown && window.__bench.indicator === null) window.__bench.indicator = performance.now();
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await kinds[kind].layout(page);
    await page.waitForFunction(() => performance.getEntriesByName('layout:end').length > 0, null, { timeout: 300_000 });
    // The new positions drawn: the first frame after they arrived.
    await page.waitForFunction(
      () => performance.getEntriesByName('graph:drawn').some((m) => m.startTime >= performance.getEntriesByName('layout:end').at(-1).startTime),
      null,
      { timeout: 120_000 },
    );
    return await page.evaluate(() => {
      const start = performance.getEntriesByName('layout:start').at(-1).startTime;
      const end = performance.getEntriesByName('layout:end').at(-1).startTime;
      const drawn = performance.getEntriesByName('graph:drawn').find((m) => m.startTime >= end).startTime;
      const during = window.__bench.longtasks.filter((t) => t.start + t.duration > start && t.start < end);
      // Applying and drawing the positions is the page's work whichever thread computed them: from
      // their arrival to the end of the task that draws them (the bare page's layout task, which
      // also applies them, counts from its layout:end mark).
      const applying = window.__bench.longtasks.filter((t) => t.start + t.duration > end && t.start <= drawn);
      const counted = during.map((t) => ({ ms: Math.min(t.start + t.duration, end) - Math.max(t.start, start), at: t.start - start }));
      const longest = counted.reduce((a, t) => (t.ms > a.ms ? t : a), { ms: 0, at: null });
      return {
        ms: end - start,
        longestTask: longest.ms,
        // When it began, from layout:start (negative: a task already running at the choice): a
        // task at the start is the choice's, one near the end the positions' arrival.
        longestTaskAt: longest.at,
        indicator: window.__bench.indicator === null ? null : window.__bench.indicator - start,
        applyMs: drawn - end,
        applyLongestTask: Math.max(0, ...applying.map((t) => t.start + t.duration - Math.max(t.start, end))),
      };
    });
  } finally {
    await context.close();
  }
}

/**
 * Frames drawn during 2 s of scripted panning and zooming: one second of dragging the canvas in a
 * circle, one of wheel steps alternately in and out (so the zoom stays near where it started),
 * with Cytoscape's viewport shortcuts (hideEdgesOnViewport, hideLabelsOnViewport) on or off.
 */
async function panZoomRun(browser, kind, dataset, canvasSize, shortcuts) {
  const { context, page } = await open(browser, kind, dataset, canvasSize);
  try {
    await page.evaluate(kinds[kind].shortcuts, shortcuts);
    const box = await page.locator(kinds[kind].canvas).boundingBox();
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const b = window.__bench;
      b.frames = 0;
      b.counting = true;
      const tick = () => {
        if (!b.counting) return;
        b.frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      b.panStart = performance.now();
    });
    let t0 = Date.now();
    await page.mouse.down();
    for (let i = 0; Date.now() - t0 < 1000; i++) await page.mouse.move(centre.x + 120 * Math.cos(i / 8), centre.y + 80 * Math.sin(i / 8));
    await page.mouse.up();
    t0 = Date.now();
    for (let i = 0; Date.now() - t0 < 1000; i++) await page.mouse.wheel(0, i % 2 === 0 ? -120 : 120);
    return await page.evaluate(() => {
      const b = window.__bench;
      b.counting = false;
      return (b.frames * 1000) / (performance.now() - b.panStart);
    });
  } finally {
    await context.close();
  }
}

/** Switches datasets through the Dataset menu ten times, then counts Cytoscape instances still in memory. */
async function detachedInstances(browser, switches) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  try {
    await page.goto(`http://${HOST}:${APP_PORT}/`);
    await page.waitForFunction(() => window.stancegraphProbe?.() != null, null, { timeout: 60_000 });
    for (let i = 0; i < switches; i++) {
      const before = await page.evaluate(() => window.stancegraphProbe().instance);
      await page.getByRole('combobox', { name: 'Dataset' }).selectOption(i % 2 === 0 ? 'les-miserables' : 'gyeongju-2025');
      await page.waitForFunction((n) => (window.stancegraphProbe?.()?.instance ?? n) > n, before, { timeout: 60_000 });
    }
    await gcHeap(page);
    return await page.evaluate(() => window.stancegraphLiveInstances());
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- statistics

function stats(samples) {
  const sorted = samples.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

const metrics = ['load', 'loadLongestTask', 'toggle', 'select', 'focus', 'search'];

async function measureSize(browser, dataset) {
  log(`${dataset.name}: ${dataset.nodes} actors / ${dataset.edges} relations`);
  // The app's canvas size, so the bare page draws the same number of pixels.
  const first = await open(browser, 'app', dataset, null);
  const canvasSize = await first.page.locator(kinds.app.canvas).boundingBox();
  await first.context.close();

  const samples = { app: [], bare: [], bareDefault: [] };
  for (let i = 0; i < WARMUP + N; i++) {
    // Alternating order, so a noisy moment on the machine slows both pages rather than one.
    const order = i % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
    // The default-style page is there for scale only: a few rounds of it are enough.
    if (i < WARMUP + DEFAULT_STYLE_ROUNDS) order.push('bareDefault');
    const r = {};
    for (const kind of order) r[kind] = await round(browser, kind, dataset, canvasSize);
    if (i >= WARMUP) for (const kind of order) samples[kind].push(r[kind]);
    log(
      `  round ${i + 1 - WARMUP}/${N}${i < WARMUP ? ' (warm-up)' : ''}: load ${r.app.load.toFixed(0)}/${r.bare.load.toFixed(0)} ms, ` +
        `toggle ${r.app.toggle.toFixed(0)}/${r.bare.toggle.toFixed(0)}${r.bareDefault ? `/${r.bareDefault.toggle.toFixed(0)}` : ''} ms`,
    );
  }
  const result = { size: dataset.name, id: dataset.id, nodes: dataset.nodes, edges: dataset.edges, canvas: canvasSize, metrics: {} };
  for (const m of metrics) {
    const app = samples.app.map((s) => s[m]);
    const bare = samples.bare.map((s) => s[m]);
    result.metrics[m] = {
      app: stats(app),
      bare: stats(bare),
      // Each app sample against the bare sample of the same round: noise shared by a round cancels.
      pairedRatio: stats(app.map((a, i) => a / bare[i])).median,
      samples: { app, bare },
    };
    // Every repetition of the interactions repeated within a round, round by round.
    if (samples.app[0]?.repeats?.[m]) result.metrics[m].repetitions = { app: samples.app.map((s) => s.repeats[m]), bare: samples.bare.map((s) => s.repeats[m]) };
  }
  result.metrics.toggle.bareDefault = stats(samples.bareDefault.map((s) => s.toggle));
  result.metrics.toggle.samples.bareDefault = samples.bareDefault.map((s) => s.toggle);

  const layoutRuns = SMOKE ? 1 : 3;
  const layout = { app: [], bare: [] };
  for (let i = 0; i < layoutRuns; i++) for (const kind of ['app', 'bare']) layout[kind].push(await layoutRun(browser, kind, dataset, canvasSize));
  result.layout = {
    app: stats(layout.app.map((l) => l.ms)),
    bare: stats(layout.bare.map((l) => l.ms)),
    appLongestTask: Math.max(...layout.app.map((l) => l.longestTask)),
    bareLongestTask: Math.max(...layout.bare.map((l) => l.longestTask)),
    appApply: stats(layout.app.map((l) => l.applyMs)),
    bareApply: stats(layout.bare.map((l) => l.applyMs)),
    appApplyLongestTask: Math.max(...layout.app.map((l) => l.applyLongestTask)),
    bareApplyLongestTask: Math.max(...layout.bare.map((l) => l.applyLongestTask)),
    appIndicator: stats(layout.app.map((l) => l.indicator ?? NaN)),
    samples: layout,
  };
  result.layout.pairedRatio = stats(layout.app.map((l, i) => l.ms / layout.bare[i].ms)).median;
  log(`  layout: app ${result.layout.app.median.toFixed(0)} ms (longest main-thread task ${result.layout.appLongestTask.toFixed(0)} ms), bare ${result.layout.bare.median.toFixed(0)} ms`);
  log(`  app layouts' longest tasks: ${layout.app.map((l) => `${l.longestTask.toFixed(0)} ms${l.longestTaskAt === null ? '' : ` at +${l.longestTaskAt.toFixed(0)} of ${l.ms.toFixed(0)} ms`}`).join(', ')}`);
  log(`  positions applied and drawn: app ${result.layout.appApply.median.toFixed(0)} ms (longest task ${result.layout.appApplyLongestTask.toFixed(0)} ms), bare ${result.layout.bareApply.median.toFixed(0)} ms (${result.layout.bareApplyLongestTask.toFixed(0)} ms)`);

  if (dataset.nodes >= 2000) {
    const runs = SMOKE ? 1 : 3;
    const fps = { app: { on: [], off: [] }, bare: { on: [], off: [] } };
    for (let i = 0; i < runs; i++)
      for (const kind of ['app', 'bare']) for (const mode of ['on', 'off']) fps[kind][mode].push(await panZoomRun(browser, kind, dataset, canvasSize, mode === 'on'));
    result.panZoom = {
      app: { on: stats(fps.app.on), off: stats(fps.app.off) },
      bare: { on: stats(fps.bare.on), off: stats(fps.bare.off) },
      samples: fps,
    };
    const f = (v) => v.median.toFixed(0);
    log(`  pan and zoom, frames per second (viewport shortcuts on/off): app ${f(result.panZoom.app.on)}/${f(result.panZoom.app.off)}, bare ${f(result.panZoom.bare.on)}/${f(result.panZoom.bare.off)}`);
  }

  result.heap = { app: await heapRun(browser, 'app', dataset, canvasSize), bare: await heapRun(browser, 'bare', dataset, canvasSize) };
  log(`  heap after 20 toggles: app ×${result.heap.app.ratio.toFixed(3)}, bare ×${result.heap.bare.ratio.toFixed(3)}`);
  return result;
}

// ---------------------------------------------------------------- report

const kB = (bytes) => (bytes / 1000).toFixed(1);
const ms = (v) => (Number.isFinite(v) ? v.toFixed(0) : '—');
const x = (v) => (Number.isFinite(v) ? v.toFixed(2) : '—');

function report(result) {
  const busy = Math.max(result.loadAverage.before, result.loadAverage.after) > cpus().length;
  const lines = [
    `## Stancegraph benchmark — ${result.date}${result.smoke ? ' (smoke run: one sample, not a measurement)' : ''}`,
    '',
    `Chromium ${result.chromium}, Node ${result.node}, ${result.cpu}; N = ${result.n} paired rounds per size after ${result.warmup} warm-up (the default-style page: the first ${Math.min(DEFAULT_STYLE_ROUNDS, result.n)}), search, selection and focus ${result.repeats} times a round (the round's median), viewport ${VIEWPORT.width}×${VIEWPORT.height}${result.jsFlags ? `; V8 flags \`${result.jsFlags}\`` : ''}.`,
    `1-minute load average ${result.loadAverage.before} before, ${result.loadAverage.after} after` +
      (busy ? ` — above the ${cpus().length} CPUs: the machine was busy, trust the ratios more than the milliseconds.` : '.'),
    '',
    '### App ÷ bare Cytoscape (same data, stylesheet, options and saved positions; medians in ms)',
    '',
    '| Size | Operation | App | Bare | App ÷ bare | Paired ratio | Bare, default style |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const names = { load: 'Load to `graph:ready`', loadLongestTask: 'Longest task before `graph:ready`', toggle: 'Topic toggle to drawn', select: 'Select node to drawn', focus: 'Focus (depth 2) to drawn', search: 'Keystroke to results' };
  for (const s of result.sizes) {
    for (const m of metrics) {
      const v = s.metrics[m];
      lines.push(
        `| ${s.nodes} / ${s.edges} | ${names[m]} | ${ms(v.app.median)} | ${ms(v.bare.median)} | ${x(v.app.median / v.bare.median)} | ${x(v.pairedRatio)} | ${m === 'toggle' ? ms(v.bareDefault.median) : ''} |`,
      );
    }
    const l = s.layout;
    lines.push(`| ${s.nodes} / ${s.edges} | fcose layout (app: Web Worker) | ${ms(l.app.median)} | ${ms(l.bare.median)} | ${x(l.app.median / l.bare.median)} | ${x(l.pairedRatio)} | |`);
  }
  lines.push(
    '',
    '### Layout off the main thread, heap, instances',
    '',
    '| Size | Longest main-thread task during layout (app / bare) | Positions applied and drawn: time, longest task (app / bare) | "Laying out…" shown after | Heap after 20 toggles (app / bare) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...result.sizes.map(
      (s) =>
        `| ${s.nodes} / ${s.edges} | ${ms(s.layout.appLongestTask)} / ${ms(s.layout.bareLongestTask)} ms | ${s.layout.appApply ? `${ms(s.layout.appApply.median)} ms, ${ms(s.layout.appApplyLongestTask)} ms / ${ms(s.layout.bareApply.median)} ms, ${ms(s.layout.bareApplyLongestTask)} ms` : 'not measured'} | ${Number.isFinite(s.layout.appIndicator.median) ? `${ms(s.layout.appIndicator.median)} ms` : 'not shown'} | ×${s.heap.app.ratio.toFixed(3)} / ×${s.heap.bare.ratio.toFixed(3)} |`,
    ),
    '',
    '### Pan and zoom: frames per second over 2 s (medians; viewport shortcuts = hideEdgesOnViewport + hideLabelsOnViewport)',
    '',
    '| Size | App, shortcuts on | App, shortcuts off | Bare, shortcuts on | Bare, shortcuts off |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...result.sizes
      .filter((s) => s.panZoom)
      .map((s) => `| ${s.nodes} / ${s.edges} | ${ms(s.panZoom.app.on.median)} | ${ms(s.panZoom.app.off.median)} | ${ms(s.panZoom.bare.on.median)} | ${ms(s.panZoom.bare.off.median)} |`),
    '',
    `Cytoscape instances alive after ${result.detached.switches} dataset switches and a garbage collection: ${result.detached.alive} (the one on screen).`,
    '',
    '### Initial JavaScript (kB = 1000 bytes; gzip at zlib level 6)',
    '',
    '| Bundle | Files | Raw kB | Gzip kB |',
    '| --- | --- | ---: | ---: |',
  );
  const row = (name, part) => `| ${name} | ${part.files.map((f) => `\`${f.file}\``).join(', ') || '—'} | ${kB(part.raw)} | ${kB(part.gzip)} |`;
  const { app, floor } = result.bundle;
  lines.push(
    row('App', app.js),
    row('Floor: react + react-dom + cytoscape', floor.js),
    `| App ÷ floor | | ${x(app.js.raw / floor.js.raw)} | ${x(app.js.gzip / floor.js.gzip)} |`,
    '',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

const load1 = () => Number(loadavg()[0].toFixed(2));

function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/** Each stress case in a fresh page; a case that throws is reported, not fatal. */
async function stress() {
  const started = Date.now();
  const loadBefore = load1();
  // The cases wait for the drawn graph through the probe, which only an e2e-mode build has.
  build(['--mode', 'e2e', '--outDir', appDist, '--emptyOutDir']);
  await serve(APP_PORT, '/', ['--outDir', appDist]);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: BROWSER_ARGS });
  const size = stressSizes[process.env.STRESS_SIZE === 'small' ? 'small' : 'full'];
  const cases = [];
  try {
    for (const c of stressCases) {
      const context = await browser.newContext({ baseURL: `http://${HOST}:${APP_PORT}`, viewport: VIEWPORT });
      const page = await context.newPage();
      await watchLongTasks(page);
      const t0 = Date.now();
      try {
        const r = await c.run(page, size, 300_000);
        cases.push({ case: c.name, ...r, wallMs: Date.now() - t0 });
      } catch (error) {
        cases.push({ case: c.name, error: String(error).split('\n')[0], wallMs: Date.now() - t0 });
      }
      log(`${c.name}: ${JSON.stringify(cases.at(-1))}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const result = { date: new Date().toISOString(), chromium: browser.version(), size, loadAverage: { before: loadBefore, after: load1() }, cases };
  const lines = ['| Case | Phase | Longest task (ms) | Outcome |', '| --- | --- | ---: | --- |'];
  for (const c of cases)
    for (const [phase, ms] of Object.entries(c.phases ?? { '(failed)': NaN })) lines.push(`| ${c.case} | ${phase} | ${Math.round(ms)} | ${c.outcome ?? c.error} |`);
  console.log(`\n${lines.join('\n')}`);
  writeFileSync(join(benchDir, 'stress-results.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote e2e/bench/stress-results.json in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function main() {
  if (STRESS) return stress();
  const started = Date.now();
  const loadBefore = load1();
  build(['--outDir', shippedDist, '--emptyOutDir']);
  build(['--mode', 'e2e', '--outDir', appDist, '--emptyOutDir']);
  build(['--config', BARE_CONFIG, '--outDir', bareDist, '--emptyOutDir']);
  const bundle = { app: initialAssets(shippedDist, 'index.html'), floor: initialAssets(bareDist, 'floor.html') };
  const datasets = addDatasets(SIZE_NAMES);

  await serve(APP_PORT, '/', ['--outDir', appDist]);
  await serve(BARE_PORT, '/bare.html', ['--config', BARE_CONFIG, '--outDir', bareDist]);

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: BROWSER_ARGS });
  try {
    const sizes = [];
    for (const d of datasets) sizes.push(await measureSize(browser, d));
    const switches = SMOKE ? 2 : 10;
    const detached = { switches, alive: await detachedInstances(browser, switches) };
    const result = {
      date: new Date().toISOString(),
      smoke: SMOKE,
      chromium: browser.version(),
      node: process.version,
      cpu: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
      memoryGB: Number((totalmem() / 1e9).toFixed(1)),
      platform: `${process.platform} ${release()}`,
      jsFlags: JS_FLAGS || null,
      n: N,
      warmup: WARMUP,
      repeats: REPEATS,
      viewport: VIEWPORT,
      // Other work on the machine inflates both pages' times; the ratios survive it better than the ms.
      loadAverage: { before: loadBefore, after: load1() },
      bundle,
      sizes,
      detached,
    };
    console.log(`\n${report(result)}`);
    checkComplete(result);
    if (SMOKE) log(`smoke run passed in ${((Date.now() - started) / 1000).toFixed(0)} s (results not written)`);
    else {
      // Against the results this run replaces (or, with BENCH_OUT, the committed ones).
      const previousFile = existsSync(OUT) ? OUT : join(benchDir, 'results.json');
      if (existsSync(previousFile)) {
        const previous = JSON.parse(readFileSync(previousFile, 'utf8'));
        console.log(`\n### Against ${relative(root, previousFile)} (${previous.date})\n\n${comparisonReport(compareRuns(previous, result), 0.1, { before: 'That run', after: 'This run' })}`);
      }
      writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
      log(`wrote ${OUT.startsWith(root) ? relative(root, OUT) : OUT} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await browser.close();
  }
}

/** The smoke check's assertions: every number was measured, and no instance leaked. No timing limits. */
function checkComplete(result) {
  const missing = [];
  for (const s of result.sizes) {
    for (const m of metrics) for (const side of ['app', 'bare']) if (!(s.metrics[m][side].n > 0)) missing.push(`${s.size} ${m} ${side}`);
    for (const m of ['search', 'select', 'focus'])
      for (const side of ['app', 'bare'])
        if (!s.metrics[m].repetitions[side].every((r) => r.length === result.repeats && r.every(Number.isFinite))) missing.push(`${s.size} ${m} ${side} repetitions`);
    if (!Number.isFinite(s.layout.app.median) || !Number.isFinite(s.layout.bare.median)) missing.push(`${s.size} layout`);
    if (!(s.heap.app.ratio > 0)) missing.push(`${s.size} heap`);
  }
  if (!(result.bundle.app.js.gzip > 0 && result.bundle.floor.js.gzip > 0)) missing.push('bundle sizes');
  if (missing.length) throw new Error(`benchmark incomplete: ${missing.join(', ')}`);
  if (result.detached.alive !== 1) throw new Error(`${result.detached.alive} Cytoscape instances alive after switching datasets; expected 1`);
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
