import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Page } from '@playwright/test';
import { contentSecurityPolicy } from '../vite.config.ts';
import { expect, statusNumbers, test, visibleCounts } from './support.ts';

/**
 * The production build served the way a project page or a newsroom CMS serves it: under a
 * subpath, by a plain static server that knows nothing of the app. Anything outside the subpath
 * is a 404, so a single absolute path in the build (a script, the catalog, a dataset, the worker,
 * the favicon) fails the test.
 */
const prefix = '/newsroom/stancegraph/';
const types = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript'],
  ['.css', 'text/css'],
  ['.json', 'application/json'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.map', 'application/json'],
]);

let server: Server;
let origin = '';
const outside: string[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      outside.push(path);
      res.writeHead(404).end('not here');
      return;
    }
    const rel = normalize(path.slice(prefix.length) || 'index.html');
    if (rel.startsWith('..')) return void res.writeHead(403).end();
    // The e2e build: the production build plus the read-only graph probe these checks read.
    readFile(join('dist-e2e', rel)).then(
      (body) => {
        // The same policy a host should send; the <meta> copy alone would not reach the worker.
        res.writeHead(200, { 'Content-Type': types.get(extname(rel)) ?? 'application/octet-stream', 'Content-Security-Policy': contentSecurityPolicy });
        res.end(body);
      },
      () => res.writeHead(404).end('missing'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Every response the page gets, so a test can assert that none failed. */
function watchResponses(page: Page) {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  return failed;
}

async function openUnder(page: Page, search = '') {
  await page.goto(`${origin}${prefix}${search}`);
  await page.waitForFunction(() => performance.getEntriesByName('graph:ready').length > 0, undefined, { timeout: 20_000 });
}

test('the build works under a subpath: scripts, styles, catalog, dataset and favicon', async ({ page }) => {
  const failed = watchResponses(page);
  await openUnder(page);
  await expect(page.getByRole('region', { name: 'Relationship graph' })).toBeVisible();
  const status = await statusNumbers(page);
  expect(status.totalActors).toBeGreaterThan(0);
  expect(await visibleCounts(page)).toEqual({ actors: status.actors, relations: status.relations });
  // The favicon is only fetched lazily by the browser; fetch what the page names, as a browser would.
  const icon = await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')!.href;
    return { href, status: (await fetch(href)).status };
  });
  expect(icon).toEqual({ href: `${origin}${prefix}favicon.svg`, status: 200 });
  expect(failed).toEqual([]);
  expect(outside).toEqual([]);
});

test('a deep link under a subpath opens its view, and a lazily loaded layout chunk resolves there', async ({ page }) => {
  const failed = watchResponses(page);
  await openUnder(page, '?types=-agreement&sel=kim-jong-un&layout=circle');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Kim Jong Un' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Relation types' }).getByRole('checkbox', { name: 'Agreement' })).not.toBeChecked();
  await expect(page.getByLabel('Layout')).toHaveValue('circle');
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  expect(page.url()).toContain(`${prefix}?`);
  expect(failed).toEqual([]);
  expect(outside).toEqual([]);
});

test('the embed works under a subpath, and its link to the full view stays there', async ({ page }) => {
  const failed = watchResponses(page);
  await page.setContent(`<iframe title="Embedded story" src="${origin}${prefix}?embed=1&types=-tension" width="640" height="420"></iframe>`);
  const frame = page.frameLocator('iframe[title="Embedded story"]');
  await expect(frame.getByRole('status').filter({ hasText: 'Showing' })).toContainText('of');
  const open = frame.getByRole('link', { name: 'Open in Stancegraph' });
  const href = new URL((await open.getAttribute('href'))!);
  expect(href.origin + href.pathname).toBe(`${origin}${prefix}`);
  expect(href.searchParams.get('types')).toBe('-tension');
  expect(failed).toEqual([]);
  expect(outside).toEqual([]);
});

test('the layout worker loads from the subpath for a large dataset', async ({ page }) => {
  const failed = watchResponses(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openUnder(page);
  const actors = 300;
  const dataset = {
    schemaVersion: 1,
    id: 'subpath-large',
    title: 'Large generated network',
    description: 'Generated in the test.',
    date: '2026-01-01',
    source: { title: 'Generated', paragraphs: ['Generated for a layout test.'] },
    topics: [{ id: 'all', label: 'All', description: '' }],
    actors: Array.from({ length: actors }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}`, kind: 'person' })),
    relations: Array.from({ length: actors }, (_, i) => ({
      id: `r${i}`,
      source: `a${i}`,
      target: `a${(i + 1) % actors}`,
      type: 'dialogue',
      directed: false,
      topics: ['all'],
      summary: 'generated',
      evidence: [{ paragraph: 1, quote: 'Generated' }],
    })),
    stances: [],
  };
  await page
    .getByLabel('Load dataset')
    .setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset)) });
  await expect
    .poll(async () => page.evaluate(() => window.stancegraphProbe?.().nodes.length ?? 0), { timeout: 30_000 })
    .toBe(actors);
  expect(workers.some((u) => u.startsWith(`${origin}${prefix}assets/`))).toBe(true);
  expect(failed).toEqual([]);
  expect(outside).toEqual([]);
});
