import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { drawn, expect, openApp, screenshot, statusNumbers, test, visibleCounts, watchErrors } from './support.ts';

// These tests need the build made with `--mode e2e`, the only one holding the fault switch
// (app/shell/fault-point.tsx): the one playwright.config.ts builds and serves for every spec.

interface Data {
  title: string;
  actors: { id: string; name: string }[];
  relations: { id: string; type: string }[];
}
const data = JSON.parse(readFileSync(new URL('../public/data/gyeongju-2025.json', import.meta.url), 'utf8')) as Data;
const countOf = (type: string) => data.relations.filter((r) => r.type === type).length;

const faultKey = 'stancegraph:e2e-fault';
/** Arms the switch before the app's scripts run. */
const armBeforeLoad = (page: Page, value: string) =>
  page.addInitScript(([key, v]) => localStorage.setItem(key!, v!), [faultKey, value]);
const arm = (page: Page, value: string) => page.evaluate(([key, v]) => localStorage.setItem(key!, v!), [faultKey, value]);
const disarm = (page: Page) => page.evaluate((key) => localStorage.removeItem(key), faultKey);

const graphRegion = (page: Page) => page.getByRole('region', { name: 'Relationship graph' });
const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Filters' });
const tableRows = (page: Page) => page.getByRole('region', { name: 'Relations table' }).locator('tbody tr');
const typeBox = (page: Page, name: string) => page.getByRole('group', { name: 'Relation types' }).getByRole('checkbox', { name });
const graphReadyMarks = (page: Page) => page.evaluate(() => performance.getEntriesByName('graph:ready').length);
const reports = (errors: string[], panel: string) => errors.filter((e) => e.includes(`Stancegraph: the ${panel} panel failed`)).length;

test('a failing graph leaves the filters, the table, the details, the link and the dataset working', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await armBeforeLoad(page, 'graph');
  await page.goto('/?types=-tension&sel=kim-jong-un');

  const fallback = graphRegion(page).getByRole('alert');
  await expect(fallback.getByRole('heading', { name: 'Relationship graph could not be shown' })).toBeVisible();
  await expect(fallback).toContainText('Test fault in the graph panel');
  expect(await graphReadyMarks(page)).toBe(0);
  await expect.poll(() => reports(errors, 'Relationship graph')).toBe(1);
  await screenshot(page, testInfo, 'graph-fallback-desktop');

  // The dataset, the link and everything built on them are still there.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(data.title);
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('Kim Jong Un');
  await expect(typeBox(page, 'Tension')).not.toBeChecked();
  expect((await statusNumbers(page)).relations).toBe(data.relations.length - countOf('tension'));
  expect(new URL(page.url()).searchParams.get('types')).toBe('-tension');
  expect(new URL(page.url()).searchParams.get('sel')).toBe('kim-jong-un');

  // The sidebar still filters, and the link follows.
  await typeBox(page, 'Dialogue').uncheck();
  const expected = data.relations.length - countOf('tension') - countOf('dialogue');
  expect((await statusNumbers(page)).relations).toBe(expected);
  await expect.poll(() => new URL(page.url()).searchParams.get('types')?.split(',').sort()).toEqual(['-dialogue', '-tension']);

  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(tableRows(page)).toHaveCount(expected);
  await page.getByRole('tab', { name: 'Graph' }).click();

  // While the fault stays armed, reloading the panel fails again, and says so again.
  await fallback.getByRole('button', { name: 'Reload this panel' }).click();
  await expect(fallback.getByRole('heading', { name: 'Relationship graph could not be shown' })).toBeVisible();
  await expect.poll(() => reports(errors, 'Relationship graph')).toBe(2);

  // Once the cause is gone, the reloaded panel draws the graph for the current filters.
  await disarm(page);
  await fallback.getByRole('button', { name: 'Reload this panel' }).click();
  await expect(graphRegion(page).getByRole('alert')).toHaveCount(0);
  await expect.poll(() => graphReadyMarks(page)).toBe(1);
  expect(await visibleCounts(page)).toEqual({ actors: (await statusNumbers(page)).actors, relations: expected });
  expect((await drawn(page)).nodes.find((n) => n.id === 'kim-jong-un')?.classes).toContain('chosen');

  expect(errors.filter((e) => !e.includes('Test fault'))).toEqual([]);
});

test('a failing details panel leaves the graph working, and "Reload this panel" brings it back', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await armBeforeLoad(page, 'details:once');
  await page.setViewportSize({ width: 375, height: 812 });
  await openApp(page, '?sel=kim-jong-un');

  const fallback = details(page).getByRole('alert');
  await expect(fallback.getByRole('heading', { name: 'Details could not be shown' })).toBeVisible();
  await fallback.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'details-fallback-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(reports(errors, 'Details')).toBe(1);

  // The graph still draws, filters and selects.
  const before = await drawn(page);
  expect(await visibleCounts(page)).toEqual({ actors: (await statusNumbers(page)).actors, relations: data.relations.length });
  await typeBox(page, 'Tension').uncheck();
  await expect.poll(async () => (await visibleCounts(page)).relations).toBe(data.relations.length - countOf('tension'));
  expect((await drawn(page)).instance).toBe(before.instance);
  const box = page.getByLabel('Search actors');
  await box.fill('xi');
  await box.press('Enter');
  await expect.poll(async () => (await drawn(page)).nodes.find((n) => n.id === 'xi-jinping')?.classes).toContain('chosen');
  expect(new URL(page.url()).searchParams.get('sel')).toBe('xi-jinping');

  // The fault was one-shot, so the reloaded panel works and shows the current selection.
  await fallback.getByRole('button', { name: 'Reload this panel' }).click();
  await expect(details(page).getByRole('alert')).toHaveCount(0);
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('Xi Jinping');
  expect(reports(errors, 'Details')).toBe(1);
  expect(errors.filter((e) => !e.includes('Test fault'))).toEqual([]);
});

test('a failing table leaves the graph, the stance matrix and the filters working', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await arm(page, 'table');

  await page.getByRole('tab', { name: 'Table' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Table' });
  await expect(panel.getByRole('heading', { name: 'Table could not be shown' })).toBeVisible();
  await expect.poll(() => reports(errors, 'Table')).toBe(1);

  await page.getByRole('tab', { name: 'Stances' }).click();
  await expect(page.getByRole('region', { name: 'Stance matrix' })).toBeVisible();
  await page.getByRole('tab', { name: 'Graph' }).click();
  await typeBox(page, 'Agreement').uncheck();
  const expected = data.relations.length - countOf('agreement');
  await expect.poll(async () => (await visibleCounts(page)).relations).toBe(expected);
  expect((await statusNumbers(page)).relations).toBe(expected);

  // Opening the tab again mounts a new table, which still fails while the fault is armed;
  // disarmed, it lists what the filters leave.
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(panel.getByRole('heading', { name: 'Table could not be shown' })).toBeVisible();
  await expect.poll(() => reports(errors, 'Table')).toBe(2);
  await disarm(page);
  await page.getByRole('tab', { name: 'Graph' }).click();
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(tableRows(page)).toHaveCount(expected);
  expect(reports(errors, 'Table')).toBe(2);
  expect(errors.filter((e) => !e.includes('Test fault'))).toEqual([]);
});

test('a failing sidebar leaves the link\'s filters applied and the graph, table and search working', async ({ page }) => {
  const errors = watchErrors(page);
  await armBeforeLoad(page, 'sidebar');
  await openApp(page, '?types=-tension');

  await expect(sidebar(page).getByRole('heading', { name: 'Filters could not be shown' })).toBeVisible();
  await expect(sidebar(page).getByRole('checkbox')).toHaveCount(0);
  const expected = data.relations.length - countOf('tension');
  expect((await statusNumbers(page)).relations).toBe(expected);
  expect((await visibleCounts(page)).relations).toBe(expected);

  const box = page.getByLabel('Search actors');
  await box.fill('trump');
  await box.press('Enter');
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('Donald Trump');
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(tableRows(page)).toHaveCount(expected);
  expect(new URL(page.url()).searchParams.get('types')).toBe('-tension');
  expect(reports(errors, 'Filters')).toBe(1);
  expect(errors.filter((e) => !e.includes('Test fault'))).toEqual([]);
});
