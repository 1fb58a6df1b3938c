import type { Page } from '@playwright/test';
import { drawn, expect, openApp, test } from './support.ts';

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

async function loadLarge(page: Page, actors: number) {
  await openApp(page);
  const body = Buffer.from(JSON.stringify(largeDataset(actors)));
  await page.getByLabel('Load dataset').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: body });
  await expect(page.getByRole('status').filter({ hasText: `of ${actors} actors` })).toBeVisible({ timeout: 30_000 });
  // The canvas (and its probe) appears once the worker has answered.
  await expect
    .poll(async () => page.evaluate(() => window.stancegraphProbe?.().nodes.length ?? 0), { timeout: 30_000 })
    .toBe(actors);
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
