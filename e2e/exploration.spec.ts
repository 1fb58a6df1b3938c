import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { drawn, expect, openApp, statusNumbers, test, visibleCounts } from './support.ts';

interface Data {
  topics: { id: string; label: string }[];
  actors: { id: string; name: string; parent?: string }[];
  relations: { id: string; source: string; target: string; type: string; topics: string[] }[];
}
const data = JSON.parse(readFileSync(new URL('../public/data/gyeongju-2025.json', import.meta.url), 'utf8')) as Data;
const tableRows = (page: Page) => page.getByRole('region', { name: 'Relations table' }).locator('tbody tr');
const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });

async function expectViewsAgree(page: Page) {
  const status = await statusNumbers(page);
  const canvas = await visibleCounts(page);
  expect(canvas).toEqual({ actors: status.actors, relations: status.relations });
  await page.getByRole('tab', { name: 'Table' }).click();
  if (status.relations === 0) await expect(page.getByText('No relations match these filters').first()).toBeVisible();
  else await expect(tableRows(page)).toHaveCount(status.relations);
  await page.getByRole('tab', { name: 'Graph' }).click();
  return status;
}

test('topic and type toggles keep the status line, the table and the drawn graph in agreement', async ({ page }) => {
  await openApp(page);
  const before = await drawn(page);
  const all = await expectViewsAgree(page);

  await page.getByRole('group', { name: 'Relation types' }).getByRole('checkbox', { name: 'Tension' }).uncheck();
  const noTension = await expectViewsAgree(page);
  expect(noTension.relations).toBe(all.relations - data.relations.filter((r) => r.type === 'tension').length);

  const topic = data.topics.find((t) => t.id === 'nk-talks')!;
  await page.getByRole('group', { name: 'Topics' }).getByRole('checkbox', { name: topic.label }).uncheck();
  const expected = data.relations.filter((r) => r.type !== 'tension' && r.topics.some((t) => t !== 'nk-talks')).length;
  expect((await expectViewsAgree(page)).relations).toBe(expected);

  // Filters patch the same Cytoscape instance and never run a layout.
  const after = await drawn(page);
  expect(after.instance).toBe(before.instance);
  expect(after.layoutRuns).toBe(before.layoutRuns);
  // State boxes wrap whatever members are shown; every other node stays where it was.
  const leaves = (g: typeof after) => g.nodes.filter((n) => !data.actors.some((a) => a.parent === n.id)).map((n) => [n.id, n.x, n.y]);
  expect(leaves(after)).toEqual(leaves(before));

  await page.getByRole('button', { name: 'Reset filters' }).first().click();
  expect((await expectViewsAgree(page)).relations).toBe(data.relations.length);
});

test('filtering everything away says so and offers a reset', async ({ page }) => {
  await openApp(page);
  await page.getByRole('group', { name: 'Topics' }).getByRole('button', { name: 'None' }).click();
  await expect(page.getByText('No relations match these filters').first()).toBeVisible();
  expect((await statusNumbers(page)).relations).toBe(0);
  await page.getByRole('region', { name: 'Relationship graph' }).getByRole('button', { name: 'Reset filters' }).click();
  expect((await statusNumbers(page)).relations).toBe(data.relations.length);
});

for (const [query, name] of [
  ['위성락', 'Wi Sung-lac'],
  ['wi sunglac', 'Wi Sung-lac'],
  ['xi', 'Xi Jinping'],
  ['김정은', 'Kim Jong Un'],
] as const) {
  test(`search "${query}" selects ${name} and opens its details`, async ({ page }) => {
    await openApp(page);
    const box = page.getByLabel('Search actors');
    await box.fill(query);
    const options = page.getByRole('listbox', { name: 'Matching actors' }).getByRole('option');
    await expect(options.first()).toContainText(name);
    await box.press('Enter');
    await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(name);
    const id = data.actors.find((a) => a.name === name)!.id;
    const node = (await drawn(page)).nodes.find((n) => n.id === id)!;
    expect(node.classes).toContain('chosen');
  });
}

test('an evidence reference opens the source paragraph with the quote highlighted', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Table' }).click();
  const relation = data.relations.find((r) => r.id === 'kim-conditions-talks-with-washington')!;
  const row = tableRows(page).filter({ hasText: 'Kim has said he would only engage' });
  await row.getByRole('button').first().click();
  await expect(details(page).getByRole('heading', { level: 2 })).toContainText('Kim Jong Un');
  const full = JSON.parse(readFileSync(new URL('../public/data/gyeongju-2025.json', import.meta.url), 'utf8')) as {
    relations: { id: string; evidence: { paragraph: number; quote: string }[] }[];
  };
  const evidence = full.relations.find((r) => r.id === relation.id)!.evidence[0]!;
  await details(page).getByRole('button', { name: `¶ ${evidence.paragraph}`, exact: true }).first().click();
  await expect(page.getByRole('tab', { name: 'Source' })).toHaveAttribute('aria-selected', 'true');
  const paragraph = page.locator(`#para-${evidence.paragraph}`);
  await expect(paragraph).toHaveAttribute('aria-current', 'true');
  await expect(paragraph).toBeInViewport();
  await expect(paragraph.locator('mark').first()).toContainText(evidence.quote.slice(0, 30));
});

test('focus at depth 1 shows exactly the actor and its neighbours', async ({ page }) => {
  await openApp(page, '?sel=kim-jong-un');
  const panel = details(page);
  await panel.getByRole('radio', { name: '1' }).check();
  await panel.getByRole('button', { name: 'Focus', exact: true }).click();
  await expect(page.getByText('Focused on')).toContainText('Kim Jong Un');
  const neighbours = new Set(['kim-jong-un']);
  for (const r of data.relations) {
    if (r.source === 'kim-jong-un') neighbours.add(r.target);
    if (r.target === 'kim-jong-un') neighbours.add(r.source);
  }
  const withContainers = new Set(neighbours);
  for (const id of neighbours) {
    const parent = data.actors.find((a) => a.id === id)?.parent;
    if (parent) withContainers.add(parent);
  }
  const shown = (await drawn(page)).nodes.filter((n) => n.visible).map((n) => n.id);
  expect(new Set(shown)).toEqual(withContainers);
  expect((await statusNumbers(page)).actors).toBe(withContainers.size);
  await page.getByRole('button', { name: /Clear focus/ }).first().click();
  expect((await statusNumbers(page)).actors).toBe(data.actors.length);
});

test('the stance matrix shows Kim Jong Un on North Korea talks and opens its evidence', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Stances' }).click();
  const cell = page.getByRole('button', { name: /^Kim Jong Un on North Korea talks: / });
  await expect(cell).toContainText('Conditional');
  await cell.click();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('Kim Jong Un on North Korea talks');
  await expect(details(page).getByRole('button', { name: /^¶ \d+$/ }).first()).toBeVisible();
});

test('a layout change animates to the same positions a fresh load of that layout gives', async ({ page, newContext }) => {
  await openApp(page);
  const before = await drawn(page);
  const firstLayout = await page.getByLabel('Layout').inputValue();
  await page.getByLabel('Layout').selectOption('circle');
  await expect.poll(async () => (await drawn(page)).layoutRuns).toBe(before.layoutRuns + 1);
  await page.waitForTimeout(700);
  const switched = await drawn(page);
  expect(switched.instance).toBe(before.instance);
  const fresh = await (await newContext()).newPage();
  await openApp(fresh, '?layout=circle');
  const loaded = await drawn(fresh);
  const leaves = (g: typeof loaded) => g.nodes.filter((n) => !data.actors.some((a) => a.parent === n.id)).map((n) => [n.id, Math.round(n.x), Math.round(n.y)]);
  expect(leaves(switched)).toEqual(leaves(loaded));
  expect(leaves(switched)).not.toEqual(leaves(before));
  await fresh.close();
  // Back to the first layout, whose positions are cached: every actor returns to where it was.
  await page.getByLabel('Layout').selectOption(firstLayout);
  await expect.poll(async () => (await drawn(page)).layoutRuns).toBe(before.layoutRuns + 2);
  await page.waitForTimeout(700);
  expect(leaves(await drawn(page))).toEqual(leaves(before));
});

test('a graph first opened on another tab is framed when its tab is shown', async ({ page }) => {
  await openApp(page, '?view=table');
  await page.getByRole('tab', { name: 'Graph' }).click();
  const box = (await page.getByRole('region', { name: 'Relationship graph' }).boundingBox())!;
  await expect
    .poll(async () => {
      const g = await drawn(page);
      return g.nodes
        .filter((n) => n.visible)
        .every((n) => {
          const x = n.x * g.zoom + g.pan.x;
          const y = n.y * g.zoom + g.pan.y;
          return x >= 0 && y >= 0 && x <= box.width && y <= box.height;
        });
    })
    .toBe(true);
});

test("working with the graph leaves Cytoscape's container alone, so nothing redraws the whole picture later", async ({ page }) => {
  // Cytoscape answers any attribute change on its container with a resize and a full redraw 100 ms
  // later; the picture's label and the pointer's cursor live on the frame around it instead.
  await openApp(page);
  const canvas = page.getByTestId('graph-canvas');
  await canvas.evaluate((el) => {
    const seen: string[] = [];
    new MutationObserver((records) => seen.push(...records.map((r) => r.attributeName ?? ''))).observe(el, { attributes: true });
    (window as unknown as { containerChanges: string[] }).containerChanges = seen;
  });
  const picture = page.getByRole('region', { name: 'Relationship graph' }).getByRole('img');
  const before = await picture.getAttribute('aria-label');
  const box = (await canvas.boundingBox())!;
  const kimOnScreen = async () => {
    const g = await drawn(page);
    const kim = g.nodes.find((n) => n.id === 'kim-jong-un')!;
    return { x: box.x + kim.x * g.zoom + g.pan.x, y: box.y + kim.y * g.zoom + g.pan.y };
  };

  const at = await kimOnScreen();
  await page.mouse.move(at.x, at.y);
  await page.mouse.click(at.x, at.y);
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('Kim Jong Un');
  await expect.poll(() => picture.getAttribute('aria-label')).not.toBe(before);
  await page.getByRole('group', { name: 'Topics' }).getByRole('checkbox').first().uncheck();
  await details(page).getByRole('button', { name: 'Focus', exact: true }).click();
  await expect(page.getByText('Focused on')).toContainText('Kim Jong Un');
  await page.mouse.move(box.x + 2, box.y + 2);
  expect(await page.evaluate(() => (window as unknown as { containerChanges: string[] }).containerChanges)).toEqual([]);

  // The cursor still tells an actor under the pointer, on the frame around the canvas.
  const cursor = () => canvas.locator('..').evaluate((el) => getComputedStyle(el).cursor);
  const again = await kimOnScreen();
  await page.mouse.move(again.x, again.y);
  await expect.poll(cursor).toBe('pointer');
  await page.mouse.move(box.x + 2, box.y + 2);
  await expect.poll(cursor).toBe('auto');
});
