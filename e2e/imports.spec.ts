import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openApp, statusNumbers, test, watchErrors } from './support.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const expectTotals = async (page: Page, actors: number, relations: number) => {
  await expect(page.getByRole('status').filter({ hasText: `of ${actors} actors` })).toBeVisible({ timeout: 15_000 });
  const s = await statusNumbers(page);
  expect([s.totalActors, s.totalRelations]).toEqual([actors, relations]);
};

const cases = [
  { file: 'harbour-vote.gexf', actors: 4, relations: 3, defaulted: '1 relation in harbour-vote.gexf named no relation type' },
  { file: 'harbour-vote.graphml', actors: 5, relations: 4, defaulted: '2 relations in harbour-vote.graphml named no relation type' },
  { file: 'harbour-vote.cyjs', actors: 3, relations: 2, defaulted: '1 relation in harbour-vote.cyjs named no relation type' },
];

for (const c of cases)
  test(`a ${c.file.split('.').pop()} file loads as a dataset, with no invented evidence`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    await page.getByLabel('Load dataset').setInputFiles(fixture(c.file));
    await expectTotals(page, c.actors, c.relations);
    await expect(page).toHaveURL(/dataset=local:/);
    await expect(page.getByRole('status').filter({ hasText: c.defaulted })).toContainText('given the type Dialogue');
    await expect(page.getByRole('complementary', { name: 'Details' })).toContainText(`No evidence given for ${c.relations} relations`);
    await page.getByRole('tab', { name: 'Table' }).click();
    await expect(page.getByRole('tabpanel', { name: 'Table' }).getByRole('cell', { name: 'No evidence given' })).toHaveCount(c.relations);
    expect(errors).toEqual([]);
  });

test('a GraphML file dropped on the page loads; broken graph files are refused naming the file and the element or line', async ({ page }) => {
  await openApp(page);
  const drop = async (name: string, content: string) => {
    const transfer = await page.evaluateHandle(([n, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], n));
      return dt;
    }, [name, content] as const);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
    await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  };
  await drop('harbour-vote.graphml', readFileSync(fixture('harbour-vote.graphml'), 'utf8'));
  await expectTotals(page, 5, 4);

  const failure = page.getByRole('alert').filter({ hasText: 'The file was not loaded.' });
  const gexf = readFileSync(fixture('harbour-vote.gexf'), 'utf8');
  await drop('broken.gexf', gexf.replace('<node id="council" label="Port Ellery council">', '<node id="council" label="Port>'));
  await expect(failure).toContainText(/broken\.gexf is not well-formed XML: line \d+/);
  await drop('dangling.gexf', gexf.replace('source="union"', 'source="nobody"'));
  await expect(failure).toContainText('dangling.gexf: <edge> number 3 (id "e2") has source "nobody", which is not a node in the file.');
  await drop('bad.cyjs', JSON.stringify({ elements: { nodes: [{ data: { id: 'a' } }], edges: [{ data: { source: 'a' } }] } }));
  await expect(failure).toContainText('bad.cyjs, elements.edges[0]: an edge needs data.source and data.target');
  // Nothing was replaced: the GraphML dataset is still shown.
  await expectTotals(page, 5, 4);
});
