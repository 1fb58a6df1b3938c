import { fileURLToPath } from 'node:url';
import { expect, openApp, statusNumbers, test, watchErrors } from './support.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

test('relations without evidence say "No evidence given", are counted, and an evidence filter rides in the link', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  // The bundled story cites the source for every claim.
  await expect(page.getByRole('complementary', { name: 'Details' })).toContainText('Every relation and stance cites the source.');

  await page.getByLabel('Load dataset').setInputFiles(fixture('no-evidence-story.json'));
  await expect(page.getByRole('status').filter({ hasText: 'of 8 relations' })).toBeVisible({ timeout: 15_000 });
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details).toContainText('No evidence given for 4 relations and 1 stance');

  // Table: the evidence column says so in words.
  await page.getByRole('tab', { name: 'Table' }).click();
  const table = page.getByRole('tabpanel', { name: 'Table' });
  await expect(table.getByRole('cell', { name: 'No evidence given' })).toHaveCount(4);
  await table.getByRole('row').filter({ hasText: 'No evidence given' }).first().getByRole('button').click();
  await expect(details.getByText('No evidence given', { exact: true })).toBeVisible();
  await expect(details.getByRole('button', { name: /^¶/ })).toHaveCount(0);

  // Source view for that selection.
  await page.getByRole('tab', { name: 'Source' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Source' })).toContainText('No evidence given; no paragraph is cited.');

  // The filter: one place decides, every view agrees, and the link carries it.
  await page.getByRole('tab', { name: 'Table' }).click();
  const before = await statusNumbers(page);
  await page.getByRole('checkbox', { name: 'Only relations with evidence' }).check();
  await expect(page).toHaveURL(/[?&]evidence=1/);
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText(`4 of 8 relations`);
  expect((await statusNumbers(page)).relations).toBeLessThan(before.relations);
  await expect(table.getByRole('cell', { name: 'No evidence given' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Only relations with evidence' })).toBeChecked({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText(`4 of 8 relations`);
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await expect(page.getByRole('checkbox', { name: 'Only relations with evidence' })).not.toBeChecked();
  expect(errors).toEqual([]);
});
