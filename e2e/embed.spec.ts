import { expect, openApp, statusNumbers, test, visibleCounts } from './support.ts';

test('embed=1 shows only the graph, legend, status and a read-only filter summary', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 420 });
  await openApp(page, '?embed=1&types=-agreement&sel=kim-jong-un');
  await expect(page.getByRole('region', { name: 'Relationship graph' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Legend' })).toBeVisible();
  await expect(page.getByText('without agreement')).toBeVisible();
  // No editing controls in an embed.
  await expect(page.getByRole('group', { name: 'Topics' })).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByLabel('Search actors')).toHaveCount(0);
  await expect(page.getByRole('tab')).toHaveCount(0);
  const status = await statusNumbers(page);
  expect(await visibleCounts(page)).toEqual({ actors: status.actors, relations: status.relations });

  const open = page.getByRole('link', { name: 'Open in Stancegraph' });
  const href = new URL((await open.getAttribute('href'))!);
  expect(href.searchParams.get('embed')).toBeNull();
  expect(href.searchParams.get('types')).toBe('-agreement');
  expect(href.searchParams.get('sel')).toBe('kim-jong-un');
  expect(await open.getAttribute('target')).toBe('_blank');
});

test('an embed works inside an iframe on another page', async ({ page, baseURL }) => {
  await page.setContent(
    `<iframe title="Stancegraph: Gyeongju summit" src="${baseURL}/?embed=1" width="600" height="400"></iframe>`,
  );
  const frame = page.frameLocator('iframe[title="Stancegraph: Gyeongju summit"]');
  await expect(frame.getByRole('status').filter({ hasText: 'Showing' })).toContainText('of');
  await expect(frame.getByRole('link', { name: 'Open in Stancegraph' })).toBeVisible();
});
