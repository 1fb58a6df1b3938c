import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { drawn, expect, openApp, statusNumbers, test, visibleCounts } from './support.ts';

/** A generated dataset large enough that the layout runs in the worker. */
function largeDataset(actors: number) {
  const paragraph = 'Generated for a layout test.';
  return {
    schemaVersion: 1,
    id: 'large-test',
    title: 'Large generated network',
    description: 'Generated in the test.',
    date: '2026-01-01',
    source: { title: 'Generated', paragraphs: [paragraph] },
    topics: [{ id: 'all', label: 'All', description: '' }],
    actors: Array.from({ length: actors }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}`, kind: 'person' })),
    relations: Array.from({ length: actors * 2 }, (_, i) => ({
      id: `r${i}`,
      source: `a${i % actors}`,
      target: `a${(i * 7 + 3) % actors}`,
      type: ['alliance', 'tension', 'agreement', 'dialogue'][i % 4],
      directed: i % 2 === 0,
      topics: ['all'],
      summary: 'generated',
      evidence: [{ paragraph: 1, quote: 'Generated' }],
    })).filter((r) => r.source !== r.target),
    stances: [],
  };
}

/**
 * Opens the app and loads a generated dataset of `actors`. A test about drawing rather than layout
 * passes `circle`: a force-directed layout of a thousand actors costs the suite many seconds.
 */
async function loadLarge(page: Page, actors: number, layout?: 'circle') {
  await openApp(page, layout ? `?layout=${layout}` : '');
  const body = Buffer.from(JSON.stringify(largeDataset(actors)));
  await page.getByLabel('Load dataset').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: body });
  await expect(page.getByRole('status').filter({ hasText: `of ${actors} actors` })).toBeVisible({ timeout: 30_000 });
  // The canvas (and its probe) appears once the worker has answered.
  await expect
    .poll(async () => page.evaluate(() => window.stancegraphProbe?.().nodes.length ?? 0), { timeout: 30_000 })
    .toBe(actors);
  if (layout) await expect(page.getByRole('combobox', { name: 'Layout' })).toHaveValue(layout);
}

test('a large dataset is laid out off the main thread, repeatably', async ({ newContext }) => {
  test.setTimeout(120_000);
  const runs = [];
  for (let i = 0; i < 2; i++) {
    const context = await newContext();
    const page = await context.newPage();
    await loadLarge(page, 600);
    const workerScripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes('layout-worker')).length,
    );
    expect(workerScripts).toBeGreaterThan(0);
    const g = await drawn(page);
    for (const n of g.nodes) expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
    const xs = g.nodes.map((n) => n.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(200);
    runs.push(g.nodes.map((n) => [n.id, n.x, n.y]));
    await context.close();
  }
  expect(runs[1]).toEqual(runs[0]);
});

test("a large graph's first frame copies whole layer images, so nothing is drawn element by element after it", async ({ page }) => {
  test.setTimeout(120_000);
  // 1,200 actors and 2,400 relations: drawn a slice at a time, with Cytoscape's layer images.
  await loadLarge(page, 1200);
  // The probe appears when the drawing is whole: its layers must be too.
  expect((await drawn(page)).layersWhole).toBe(true);
  // Nothing redrawn meanwhile made them stale.
  await page.waitForTimeout(1000);
  expect((await drawn(page)).layersWhole).toBe(true);
});

test('a graph above 1,000 actors opens in large-graph mode with a progress indicator, and the mode can be switched off', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  // Watch from before the file is chosen: on a fast machine the indicator may be up only briefly.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { indicatorTexts: string[] }).indicatorTexts = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('.layout-indicator')) {
        const text = el.textContent ?? '';
        if (!seen.includes(text)) seen.push(text);
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const actors = 1200;
  const body = Buffer.from(JSON.stringify(largeDataset(actors)));
  await page.getByLabel('Load dataset').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: body });
  await expect.poll(async () => page.evaluate(() => window.stancegraphProbe?.().nodes.length ?? 0), { timeout: 60_000 }).toBe(actors);

  const texts = await page.evaluate(() => (window as unknown as { indicatorTexts: string[] }).indicatorTexts);
  expect(texts.some((t) => t.startsWith('Laying out 1,200 actors…'))).toBe(true);
  expect(texts.some((t) => /Step [123] of 3/.test(t))).toBe(true);
  await expect(page.locator('.layout-indicator')).toHaveCount(0);

  const mode = page.getByRole('checkbox', { name: 'Large-graph mode' });
  await expect(mode).toBeChecked();
  await expect(page.getByText('On because this graph is large')).toBeVisible();
  const before = await drawn(page);
  expect(before.largeGraphMode).toBe(true);

  await mode.uncheck();
  await expect.poll(async () => (await drawn(page)).largeGraphMode).toBe(false);
  // Switching the mode restyles the same instance; it never rebuilds it.
  expect((await drawn(page)).instance).toBe(before.instance);
  await mode.check();
  await expect.poll(async () => (await drawn(page)).largeGraphMode).toBe(true);
});

test('the bundled story is drawn in full detail, and offers no saved positions it does not have', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('checkbox', { name: 'Large-graph mode' })).not.toBeChecked();
  expect((await drawn(page)).largeGraphMode).toBe(false);
  const options = await page.getByRole('combobox', { name: 'Layout' }).locator('option').allTextContents();
  expect(options).not.toContain('Saved positions (from the dataset)');
  expect(options).toContain('Force-directed');
});

test('a dataset with saved positions can be drawn exactly where it placed its actors', async ({ page }) => {
  const story = JSON.parse(readFileSync(new URL('./fixtures/valid-story.json', import.meta.url), 'utf8')) as {
    actors: { id: string; parent?: string; position?: { x: number; y: number } }[];
  };
  const parents = new Set(story.actors.map((a) => a.parent).filter(Boolean));
  story.actors.forEach((a, i) => {
    if (!parents.has(a.id)) a.position = { x: 100 + (i % 4) * 150, y: 80 + Math.floor(i / 4) * 130 };
  });
  await openApp(page);
  await page.getByLabel('Load dataset').setInputFiles({ name: 'placed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(story)) });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Harbourside');
  const layout = page.getByRole('combobox', { name: 'Layout' });
  await layout.selectOption({ label: 'Saved positions (from the dataset)' });
  await expect(page).toHaveURL(/layout=preset/);
  await expect
    .poll(async () => {
      const g = await drawn(page);
      return story.actors
        .filter((a) => a.position)
        .every((a) => {
          const n = g.nodes.find((m) => m.id === a.id);
          return n !== undefined && Math.abs(n.x - a.position!.x) < 0.5 && Math.abs(n.y - a.position!.y) < 0.5;
        });
    })
    .toBe(true);
});

test('a circle too large to show whole opens on its actors; a long layout can be cancelled, and the graph stays where the previous layout put it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const actors = 1500;
  await loadLarge(page, actors, 'circle');
  const layout = page.getByRole('combobox', { name: 'Layout' });
  const circle = await layout.inputValue();
  await expect(page.locator('.layout-indicator')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await drawn(page)).nodes[0]).not.toEqual(undefined);
  // Even at the minimum zoom the ring is wider than the screen: the camera looks at part of the
  // ring, where the actors are, not at its empty middle.
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  const first = await drawn(page);
  const onScreen = first.nodes.filter((n) => {
    const x = n.x * first.zoom + first.pan.x;
    const y = n.y * first.zoom + first.pan.y;
    return x >= 0 && x <= box.width && y >= 0 && y <= box.height;
  }).length;
  expect(first.zoom).toBeLessThan(0.06);
  expect(onScreen).toBeGreaterThanOrEqual(20);
  const before = (await drawn(page)).nodes.map((n) => [n.id, Math.round(n.x), Math.round(n.y)]);
  // A full force-directed layout of 1,500 actors takes seconds: long enough to cancel.
  await page.getByRole('checkbox', { name: 'Large-graph mode' }).uncheck();
  // Every clock text the indicator shows, as the page changes it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { clockTexts: string[] }).clockTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.layout-time')?.textContent ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await layout.selectOption({ label: 'Force-directed' });
  const indicator = page.getByRole('status').filter({ hasText: `Laying out 1,500 actors…` });
  await expect(indicator).toBeVisible();
  // The clock counts whole seconds, from the first: each change is a repaint of the page.
  await expect(indicator).toContainText(/ 1 s/);
  const clock = await page.evaluate(() => (window as unknown as { clockTexts: string[] }).clockTexts);
  expect(clock[0]?.trim()).toBe('1 s');
  for (const text of clock) expect(text).toMatch(/^ \d+ s$/);
  await indicator.getByRole('button', { name: 'Cancel' }).click();
  await expect(indicator).toHaveCount(0);
  await expect(layout).toHaveValue(circle);
  await page.waitForTimeout(600);
  expect((await drawn(page)).nodes.map((n) => [n.id, Math.round(n.x), Math.round(n.y)])).toEqual(before);
});

test('a large graph with states, drawn and filtered a slice at a time, shows every member and relation it counts', async ({ page }) => {
  test.setTimeout(120_000);
  // Above the slicing threshold (2,000 elements): 40 states, 1,160 members, two topics.
  const states = 40;
  const members = 1160;
  const data = largeDataset(members);
  data.topics.push({ id: 'other', label: 'Other', description: '' });
  const withStates = {
    ...data,
    actors: [
      ...Array.from({ length: states }, (_, i) => ({ id: `s${i}`, name: `State ${i}`, kind: 'state' })),
      ...data.actors.map((a, i) => ({ ...a, parent: `s${i % states}` })),
    ],
    relations: data.relations.map((r, i) => ({ ...r, topics: [i % 2 === 0 ? 'all' : 'other'] })),
  };
  await openApp(page, '?layout=circle');
  await page.getByLabel('Load dataset').setInputFiles({ name: 'states.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(withStates)) });
  const total = states + members;
  await expect(page.getByRole('status').filter({ hasText: `of ${total} actors` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('combobox', { name: 'Layout' })).toHaveValue('circle');
  await expect.poll(async () => page.evaluate(() => window.stancegraphProbe?.().nodes.length ?? 0), { timeout: 60_000 }).toBe(total);
  const agree = async () => {
    const status = await statusNumbers(page);
    await expect.poll(() => visibleCounts(page), { timeout: 30_000 }).toEqual({ actors: status.actors, relations: status.relations });
  };
  await agree();
  // Half the relations off, then on again: both changes pass the slicing threshold.
  const other = page.getByRole('group', { name: 'Topics' }).getByRole('checkbox', { name: 'Other' });
  await other.uncheck();
  await agree();
  await other.check();
  await agree();
  expect((await statusNumbers(page)).relations).toBe(withStates.relations.length);
});
