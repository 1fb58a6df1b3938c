import { readFileSync } from 'node:fs';
import { drawn, expect, openApp, screenshot, statusNumbers, test, watchErrors } from './support.ts';

const dataset = JSON.parse(readFileSync(new URL('../public/data/gyeongju-2025.json', import.meta.url), 'utf8')) as {
  actors: { id: string; name: string }[];
  relations: { id: string; type: string }[];
};
const corePeople = ['Lee Jae Myung', 'Xi Jinping', 'Kim Jong Un', 'Donald Trump', 'Wi Sung-lac'];

test('loads with no console errors and shows the dataset totals', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const s = await statusNumbers(page);
  expect(s.totalActors).toBe(dataset.actors.length);
  expect(s.totalRelations).toBe(dataset.relations.length);
  expect(s.relations).toBe(dataset.relations.length);
  await expect(page.getByRole('region', { name: 'Relationship graph' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('draws all five core people as visible nodes', async ({ page }) => {
  await openApp(page);
  const g = await drawn(page);
  for (const name of corePeople) {
    const node = g.nodes.find((n) => n.label.split('\n')[0] === name);
    expect(node, name).toBeDefined();
    expect(node!.visible, name).toBe(true);
  }
  // Status line and canvas agree.
  const s = await statusNumbers(page);
  expect(g.nodes.filter((n) => n.visible)).toHaveLength(s.actors);
  expect(g.edges.filter((e) => e.visible)).toHaveLength(s.relations);
});

test('the legend names the four relation types', async ({ page }) => {
  await openApp(page);
  const legend = page.getByRole('region', { name: 'Legend' });
  for (const type of ['Alliance', 'Tension', 'Agreement', 'Dialogue']) await expect(legend.getByText(type, { exact: true })).toBeVisible();
});

test('node positions are identical across two loads', async ({ newContext }) => {
  const positions = [];
  for (let i = 0; i < 2; i++) {
    const context = await newContext();
    const page = await context.newPage();
    await openApp(page);
    positions.push((await drawn(page)).nodes.map((n) => ({ id: n.id, x: n.x, y: n.y })));
    await context.close();
  }
  expect(positions[1]).toEqual(positions[0]);
});

test('marks graph:ready once', async ({ page }) => {
  await openApp(page);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => performance.getEntriesByName('graph:ready').length)).toBe(1);
});

for (const [name, size] of [
  ['desktop-1280x800', { width: 1280, height: 800 }],
  ['phone-375x812', { width: 375, height: 812 }],
] as const) {
  test(`screenshot ${name}`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    await openApp(page);
    await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toBeVisible();
    // Nothing may overflow the viewport sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, testInfo, name);
  });
}

test('a failed dataset fetch shows a clear error with a retry that works', async ({ page }) => {
  let fail = true;
  await page.route('**/data/gyeongju-2025.json', (route) => (fail ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Could not load the dataset' })).toBeVisible();
  await expect(alert).toContainText('503');
  fail = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('graph:ready').length > 0);
  expect((await statusNumbers(page)).totalActors).toBe(dataset.actors.length);
});

test('a broken bundled dataset is reported with the JSON path, not a blank page', async ({ page }) => {
  const broken = JSON.parse(readFileSync(new URL('../public/data/gyeongju-2025.json', import.meta.url), 'utf8')) as {
    relations: { target: string }[];
  };
  broken.relations[3]!.target = 'kim';
  await page.route('**/data/gyeongju-2025.json', (route) => route.fulfill({ json: broken }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('relations[3].target: "kim" is not an actor id');
});

test('a link is applied before the first drawing: one layout run, no default flash', async ({ page }) => {
  await openApp(page, '?layout=circle&types=-tension&sel=kim-jong-un');
  const g = await drawn(page);
  expect(g.layoutRuns).toBe(1);
  const tensions = new Set(dataset.relations.filter((r) => r.type === 'tension').map((r) => r.id));
  expect(tensions.size).toBeGreaterThan(0);
  expect(g.edges.filter((e) => e.visible && tensions.has(e.id))).toEqual([]);
  expect(g.nodes.find((n) => n.id === 'kim-jong-un')!.classes).toContain('chosen');
});
