import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, statusNumbers, test, watchErrors } from './support.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const counts = (file: string) => {
  const d = JSON.parse(readFileSync(file, 'utf8')) as { actors: unknown[]; relations: unknown[] };
  return { actors: d.actors.length, relations: d.relations.length };
};
const gyeongju = counts(fileURLToPath(new URL('../public/data/gyeongju-2025.json', import.meta.url)));
const story = counts(fixture('valid-story.json'));
const csvStory = { actors: 6, relations: 5 };
const missingMessage = 'This link refers to a dataset loaded on another device.';

const totals = async (page: Page) => {
  const s = await statusNumbers(page);
  return { actors: s.totalActors, relations: s.totalRelations };
};
/** The status line is replaced by a skeleton while a dataset loads; wait for the named totals. */
const expectTotals = async (page: Page, expected: { actors: number; relations: number }) => {
  await expect(page.getByRole('status').filter({ hasText: `of ${expected.actors} actors` })).toBeVisible({ timeout: 15_000 });
  expect(await totals(page)).toEqual(expected);
};
const datasetSelect = (page: Page) => page.getByRole('combobox', { name: 'Dataset', exact: true });
const seriousViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};
const loadFailure = (page: Page) => page.getByRole('alert').filter({ hasText: 'The file was not loaded.' });

test('a loaded JSON file is shown, named in the URL and kept across reloads', async ({ page, context }) => {
  const errors = watchErrors(page);
  await openApp(page);
  // The file never leaves the browser: loading it makes no request at all.
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.getByLabel('Load dataset').setInputFiles(fixture('valid-story.json'));
  await expectTotals(page, story);
  // (The browser may still fetch the page's icon and the app's own code: the workers that parse the
  // file and lay out the graph, and the file readers, which load with the first file. Nothing else
  // goes out, and nothing is sent.)
  expect(requests.filter((r) => !r.endsWith('/favicon.svg') && !/^GET http:\/\/[^/]+\/assets\/[\w.-]+\.js$/.test(r))).toEqual([]);
  await expect(page).toHaveURL(/[?&]dataset=local:[0-9a-f]{16}/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Port Ellery');
  await expect(datasetSelect(page)).toHaveValue(/^local:/);
  const url = page.url();

  await page.reload();
  await expectTotals(page, story);

  const second = await context.newPage();
  await second.goto(url);
  await expectTotals(second, story);
  await expect(datasetSelect(second).locator('optgroup[label="Loaded on this device"] option')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a file dropped anywhere on the page is loaded', async ({ page }) => {
  await openApp(page);
  const text = readFileSync(fixture('valid-story.json'), 'utf8');
  const transfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'valid-story.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await expect(page.getByText('Drop a dataset file to load it')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(page.getByText('Drop a dataset file to load it')).toBeHidden();
  await expectTotals(page, story);
  await expect(page).toHaveURL(/dataset=local/);
});

test('a pair of CSV files is loaded as one dataset', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Load dataset').setInputFiles([fixture('valid-actors.csv'), fixture('valid-relations.csv')]);
  await expectTotals(page, csvStory);
  await expect(page).toHaveURL(/dataset=local/);
});

const broken: [files: string[], expected: string][] = [
  [['broken-schema-version.json'], 'schemaVersion: this app reads version 1; the file says 2'],
  [['broken-missing-endpoint.json'], 'relations[2].target: "kim-ora" is not an actor id'],
  [['broken-duplicate-id.json'], 'relations[7].id: duplicate id "r-voss-council"'],
  [['broken-parent-cycle.json'], 'actors[0].parent: parent chain forms a cycle'],
  [['broken-unknown-topic.json'], 'relations[3].topics[1]: "tram-fares" is not a topic id'],
  [['broken-not-json.json'], 'This file is not JSON: '],
  [['broken-truncated.json'], 'truncated'],
  [['broken-empty.json'], 'The file is empty.'],
  [['broken-too-many-actors.json'], 'The dataset has 20,001 actors; the limit is 20,000.'],
  [['valid-actors.csv', 'broken-missing-column-relations.csv'], 'broken-missing-column-relations.csv line 1: missing column "target"'],
];

for (const [files, expected] of broken) {
  test(`${files.at(-1)} is refused with its reason and the shown dataset stays`, async ({ page }) => {
    await openApp(page);
    const before = await statusNumbers(page);
    expect({ actors: before.totalActors, relations: before.totalRelations }).toEqual(gyeongju);
    const url = page.url();
    await page.getByLabel('Load dataset').setInputFiles(files.map(fixture));
    await expect(loadFailure(page)).toContainText(expected);
    expect(await statusNumbers(page)).toEqual(before);
    expect(page.url()).toBe(url);
    await loadFailure(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect(loadFailure(page)).toHaveCount(0);
    await expect(page.getByLabel('Load dataset')).toBeFocused();
  });
}

test('a link to a dataset loaded elsewhere says so and offers the bundled one', async ({ newContext }) => {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto('/?dataset=local:deadbeef');
  await expect(page.getByRole('heading', { name: missingMessage })).toBeVisible();
  await page.getByRole('button', { name: 'Open the bundled dataset' }).click();
  await expectTotals(page, gyeongju);
  expect(new URL(page.url()).search).toBe('');
  await context.close();
});

test('opening a bundled-dataset link keeps a loaded dataset stored', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Load dataset').setInputFiles(fixture('valid-story.json'));
  await expectTotals(page, story);
  const loaded = new URL(page.url()).searchParams.get('dataset')!;
  await openApp(page, '?dataset=les-miserables');
  await expect(datasetSelect(page)).toHaveValue('les-miserables');
  await expect(datasetSelect(page).locator('optgroup[label="Loaded on this device"] option')).toHaveCount(1);
  await datasetSelect(page).selectOption(loaded);
  await expectTotals(page, story);
  await expect(page).toHaveURL(new URL(`/?dataset=${loaded}`, page.url()).href);
});

test('a loaded dataset can be removed from this device', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Load dataset').setInputFiles(fixture('valid-story.json'));
  await expectTotals(page, story);
  await page.getByRole('button', { name: 'Remove from this device' }).click();
  // Cancel first: nothing happens and focus goes back.
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Remove from this device' })).toBeFocused();
  await expectTotals(page, story);
  await page.getByRole('button', { name: 'Remove from this device' }).click();
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await expectTotals(page, gyeongju);
  await expect(datasetSelect(page).locator('optgroup')).toHaveCount(0);
  await expect(datasetSelect(page).getByRole('option', { name: /Port Ellery/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove from this device' })).toHaveCount(0);
});

test('when storage is unavailable, a loaded dataset is still shown with a warning', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await openApp(page);
  await page.getByLabel('Load dataset').setInputFiles(fixture('valid-story.json'));
  await expectTotals(page, story);
  const warning = page.getByRole('status').filter({ hasText: 'could not be saved on this device' });
  await expect(warning).toContainText('it will be lost on reload');
  await expect(datasetSelect(page).getByRole('option', { name: /this session only/ })).toHaveCount(1);

  // After a reload the session copy is gone and storage cannot be read: the link cannot open, and
  // the page says it was this device that could not keep it, not another device (issue #17).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'This dataset was loaded here but could not be kept on this device.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: missingMessage })).toHaveCount(0);
});

test('the failure panel, the removal prompt and the missing-dataset page pass axe', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Load dataset').setInputFiles(fixture('broken-parent-cycle.json'));
  await expect(loadFailure(page)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await loadFailure(page).getByRole('button', { name: 'Dismiss' }).click();

  await page.getByLabel('Load dataset').setInputFiles(fixture('valid-story.json'));
  await expectTotals(page, story);
  await page.getByRole('button', { name: 'Remove from this device' }).click();
  await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  // Escape cancels here instead of clearing the selection.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Remove from this device' })).toBeFocused();

  await page.goto('/?dataset=local:0123abcd');
  await expect(page.getByRole('heading', { name: missingMessage })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
