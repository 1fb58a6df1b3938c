import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { drawn, expect, openApp, test } from './support.ts';

const bundled = JSON.parse(readFileSync(new URL('../public/data/gyeongju-2025.json', import.meta.url), 'utf8')) as { actors: unknown[]; relations: unknown[] };
const [actorCount, relationCount] = [bundled.actors.length, bundled.relations.length];

/** Script files the page fetched, by their chunk name (hashes stripped). */
function watchScripts(page: Page) {
  const scripts: string[] = [];
  page.on('request', (r) => {
    const m = /\/assets\/([a-z-]+?)-[\w-]{8}\.js$/i.exec(new URL(r.url()).pathname);
    if (m) scripts.push(m[1]!);
  });
  return scripts;
}

test('a plain link draws the bundled story from build-time positions: no layout chunk, no worker', async ({ page }) => {
  const scripts = watchScripts(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openApp(page);
  const g = await drawn(page);
  expect(g.nodes.length).toBeGreaterThan(10);
  expect(g.layoutRuns).toBe(1);
  // Every actor has its own spot: the positions are a real layout, not a pile at the origin.
  const spots = new Set(g.nodes.filter((n) => n.parent === null || !g.nodes.some((p) => p.parent === n.id)).map((n) => `${Math.round(n.x)},${Math.round(n.y)}`));
  expect(spots.size).toBeGreaterThan(10);
  expect(scripts).not.toContain('layouts');
  expect(workers).toEqual([]);
});

test('the second bundled dataset also opens without the layout chunk', async ({ page }) => {
  const scripts = watchScripts(page);
  await openApp(page, '?dataset=les-miserables');
  expect((await drawn(page)).nodes.length).toBe(77);
  expect(scripts).not.toContain('layouts');
});

test('reaching for the Layout control starts the layout worker, before any layout is chosen', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openApp(page);
  const layout = page.getByRole('combobox', { name: 'Layout' });
  await layout.hover();
  await expect.poll(() => workers.filter((u) => u.includes('layout-worker')).length).toBe(1);
  expect((await drawn(page)).layoutRuns).toBe(1);
  // The choice then uses that worker: no second one starts.
  await layout.selectOption('circle');
  await expect.poll(async () => (await drawn(page)).layoutRuns).toBe(2);
  expect(workers.filter((u) => u.includes('layout-worker'))).toHaveLength(1);
});

test('another layout still starts the layout worker on demand', async ({ page }) => {
  const scripts = watchScripts(page);
  await openApp(page, '?layout=circle');
  // Every layout runs in the worker, which brings the layout code with it.
  expect(scripts).toContain('layout-worker');
});

/** The page as the browser first paints it: the app's script never arrives. */
async function withoutApp(page: Page, search = '') {
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
  await page.goto(`/${search}`);
}

test('the first view is pre-rendered: title, summary, status, legend and the graph paint with no app script', async ({ page }) => {
  await withoutApp(page);
  const story = page.locator('#first-view .fv-story');
  await expect(story).toBeVisible();
  await expect(story.locator('.dataset-title')).toHaveText('Lee–Xi summit in Gyeongju (2025)');
  await expect(story.locator('.fv-summary')).toContainText('Who stands where');
  await expect(story.locator('.status-line')).toHaveText(`Showing ${actorCount} of ${actorCount} actors · ${relationCount} of ${relationCount} relations`);
  await expect(story.locator('.legend')).toContainText('Tension');
  await expect(story.locator('svg.fv-graph g[data-id]')).toHaveCount(actorCount);
  await expect(story.locator('svg.fv-graph line')).toHaveCount(relationCount);
  await expect(page.locator('#first-view .fv-skeleton')).toBeHidden();
});

test('a link asking for another view shows the skeleton, never the default story', async ({ page }) => {
  for (const search of ['?types=-tension', '?view=table', '?embed=1', '?dataset=les-miserables']) {
    await withoutApp(page, search);
    await expect(page.locator('#first-view .fv-skeleton'), search).toBeVisible();
    await expect(page.locator('#first-view .fv-story'), search).toBeHidden();
  }
});

test('the plain address asks for the app code only after the pre-rendered story is painted', async ({ page }) => {
  await openApp(page);
  const { paint, entry } = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    entry: performance.getEntriesByType('resource').find((r) => /\/assets\/index-[\w-]{8}\.js$/.test(r.name))?.startTime ?? null,
  }));
  expect(paint).not.toBeNull();
  expect(entry).not.toBeNull();
  expect(entry!).toBeGreaterThanOrEqual(paint!);
});

test('a link that shows the skeleton fetches the format checks beside the app code; the story waits for the app to ask', async ({ page }) => {
  for (const [search, linked] of [['?view=table', true], ['', false]] as const) {
    // Script requests and completions in the order the page saw them, by chunk name.
    const events: string[] = [];
    const chunk = (url: string) => /\/assets\/([a-z-]+?)-[\w-]{8}\.js$/i.exec(new URL(url).pathname)?.[1];
    const onRequest = (r: { url: () => string }) => chunk(r.url()) && events.push(`asked ${chunk(r.url())}`);
    const onFinished = (r: { url: () => string }) => chunk(r.url()) && events.push(`got ${chunk(r.url())}`);
    page.on('request', onRequest);
    page.on('requestfinished', onFinished);
    await openApp(page, search);
    page.off('request', onRequest);
    page.off('requestfinished', onFinished);
    const asked = events.indexOf('asked checks');
    const entryDone = events.indexOf('got index');
    expect(asked, `${search}: ${events.join(', ')}`).toBeGreaterThan(-1);
    expect(entryDone, `${search}: ${events.join(', ')}`).toBeGreaterThan(-1);
    if (linked) expect(asked, `${search}: ${events.join(', ')}`).toBeLessThan(entryDone);
    else expect(asked, `${search}: ${events.join(', ')}`).toBeGreaterThan(entryDone);
  }
});

test('the app takes over in place: the picture is drawn from the canvas positions, no layout shift, no overlay left', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await withoutApp(page);
  const picture = await page.locator('#first-view svg.fv-graph g[data-id]').evaluateAll((gs) =>
    gs.flatMap((g) => {
      const c = g.querySelector(':scope > circle');
      return c ? [{ id: g.getAttribute('data-id')!, x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) }] : [];
    }),
  );
  await page.unrouteAll();
  await page.goto('/');
  await page.waitForFunction(() => performance.getEntriesByName('graph:ready').length > 0, undefined, { timeout: 20_000 });
  // Gone before graph:ready: nothing is ever shown twice to a reader (or a test).
  await expect(page.locator('#first-view')).toHaveCount(0);
  const g = await drawn(page);
  expect(picture.length).toBeGreaterThanOrEqual(5);
  for (const p of picture) {
    const n = g.nodes.find((x) => x.id === p.id)!;
    expect([Math.round(n.x), Math.round(n.y)], p.id).toEqual([Math.round(p.x), Math.round(p.y)]);
  }
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBeLessThanOrEqual(0.02);
});
