import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, openApp, statusNumbers, test, watchErrors } from './support.ts';

const exportButton = (page: Page) => page.getByRole('button', { name: 'Export' });

/** Opens the menu, picks an item and returns the download it starts. */
async function exportAs(page: Page, item: string): Promise<Download> {
  await exportButton(page).click();
  const menuItem = page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item });
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem.click()]);
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(`Exported ${download.suggestedFilename()}`);
  return download;
}

async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  expect(path).not.toBeNull();
  return readFileSync(path!);
}

async function hideTension(page: Page) {
  const all = await statusNumbers(page);
  await page.getByRole('group', { name: 'Relation types' }).getByRole('checkbox', { name: 'Tension' }).uncheck();
  const shown = await statusNumbers(page);
  expect(shown.relations).toBeLessThan(all.relations);
  expect(shown.relations).toBeGreaterThan(0);
  return shown;
}

test('the dataset JSON holds exactly what is shown and loads back', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const shown = await hideTension(page);

  const download = await exportAs(page, 'Dataset JSON (what is shown)');
  expect(download.suggestedFilename()).toMatch(/^stancegraph-gyeongju-2025-\d{4}-\d{2}-\d{2}\.json$/);
  const text = (await downloaded(download)).toString('utf8');
  const data = JSON.parse(text) as { schemaVersion: number; title: string; actors: unknown[]; relations: { type: string }[] };
  expect(data.schemaVersion).toBe(1);
  expect(data.relations).toHaveLength(shown.relations);
  expect(data.actors).toHaveLength(shown.actors);
  expect(data.relations.some((r) => r.type === 'tension')).toBe(false);

  // Loaded back, the subset is a dataset of its own whose totals are what was shown.
  await page.getByLabel('Load dataset').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(filtered)');
  await expect.poll(async () => (await statusNumbers(page)).totalRelations).toBe(shown.relations);
  expect((await statusNumbers(page)).totalActors).toBe(shown.actors);
  expect(errors).toEqual([]);
});

test('the relations CSV has a header and one row per shown relation', async ({ page }) => {
  await openApp(page);
  const shown = await hideTension(page);
  const download = await exportAs(page, 'Relations CSV (what is shown)');
  expect(download.suggestedFilename()).toMatch(/^stancegraph-gyeongju-2025-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await downloaded(download);
  // UTF-8 byte-order mark, for spreadsheet apps.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header).toEqual(['id', 'source', 'source_name', 'type', 'target', 'target_name', 'directed', 'topics', 'summary', 'evidence']);
  expect(rows).toHaveLength(shown.relations);
  expect(new Set(rows.map((r) => r[0])).size).toBe(shown.relations);
  expect(rows.filter((r) => r[3] === 'tension')).toEqual([]);
});

test('a 2× PNG of the view is twice the canvas wide, with the legend strip below', async ({ page }, testInfo) => {
  await openApp(page);
  const region = await page.getByRole('region', { name: 'Relationship graph' }).boundingBox();
  expect(region).not.toBeNull();
  const download = await exportAs(page, 'PNG image (view, 2×)');
  expect(download.suggestedFilename()).toMatch(/^stancegraph-gyeongju-2025-\d{4}-\d{2}-\d{2}\.png$/);
  const png = await downloaded(download);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  // The region's 1px border is within the tolerance.
  expect(Math.abs(width / 2 - region!.width)).toBeLessThanOrEqual(2);
  expect(height).toBeGreaterThan(2 * region!.height);
  expect(png.length).toBeGreaterThan(5 * 1024);
  await testInfo.attach('export-view-2x', { body: png, contentType: 'image/png' });
});

test('the whole graph exports as a PNG even while another view is open', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Table' }).click();
  const png = await downloaded(await exportAs(page, 'PNG image (whole graph, 2×)'));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(png.readUInt32BE(16)).toBeGreaterThan(400);
  expect(png.length).toBeGreaterThan(5 * 1024);
  const single = await downloaded(await exportAs(page, 'PNG image (whole graph, 1×)'));
  expect(Math.abs(single.readUInt32BE(16) * 2 - png.readUInt32BE(16))).toBeLessThanOrEqual(2);
});

test('the export menu is operable by keyboard', async ({ page }) => {
  await openApp(page);
  const button = exportButton(page);
  await expect(button).toHaveAttribute('aria-haspopup', 'menu');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const items = menu.getByRole('menuitem');
  await expect(items).toHaveCount(8);
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'PNG image (view, 2×)' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Relations CSV (what is shown)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // Enter on an item exports it and hands focus back to the button.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  await expect(button).toBeFocused();

  // A click outside closes it without moving focus into the menu again.
  await button.click();
  await expect(menu).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(menu).toBeHidden();
});

test('the open menu fits on a 375 px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openApp(page);
  await exportButton(page).click();
  const box = await page.getByRole('menu', { name: 'Export' }).boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
});
