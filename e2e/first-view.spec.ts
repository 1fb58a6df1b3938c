import type { Page } from '@playwright/test';
import { drawn, expect, openApp, test } from './support.ts';

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

test('another layout still loads the layout code on demand', async ({ page }) => {
  const scripts = watchScripts(page);
  await openApp(page, '?layout=circle');
  expect(scripts).toContain('layouts');
});
