import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { DrawnGraph } from '../app/graph/graph-probe.ts';
import { CspRecorder } from './csp.ts';

export { expect };

/**
 * Every spec imports `test` from here: it watches each page for Content-Security-Policy
 * violations and fails the test after it ends if there was any. A test that opens its own
 * browser context takes it from `newContext`, so that context is watched too.
 */
export const test = base.extend<{ csp: CspRecorder; newContext: (options?: BrowserContextOptions) => Promise<BrowserContext> }>({
  csp: [
    async ({ context }, use) => {
      const recorder = new CspRecorder();
      await recorder.watch(context);
      await use(recorder);
      await expectNoCspViolations(recorder);
    },
    { auto: true },
  ],
  newContext: async ({ browser, csp }, use) => {
    const created: BrowserContext[] = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      created.push(context);
      await csp.watch(context);
      return context;
    });
    // The CSP check runs after this teardown; let the contexts report before they close.
    await csp.settle();
    for (const context of created) await context.close().catch(() => undefined);
  },
});

/** The check every test ends with; exported so a test can prove that it fails when it should. */
export async function expectNoCspViolations(recorder: CspRecorder) {
  await recorder.settle();
  expect(recorder.violations(), 'Content-Security-Policy violations').toEqual([]);
  expect(recorder.console(), 'Content-Security-Policy messages in the console').toEqual([]);
}

/** Opens the app (optionally with a query string) and waits until the first layout is drawn. */
export async function openApp(page: Page, search = '') {
  await page.goto(`/${search}`);
  await page.waitForFunction(() => performance.getEntriesByName('graph:ready').length > 0, undefined, { timeout: 20_000 });
}

/** What the canvas actually draws, read from the graph module's probe rather than pixels. */
export async function drawn(page: Page): Promise<DrawnGraph> {
  // A newly loaded dataset is styled in slices before it is drawn; its probe appears with the drawing.
  await page.waitForFunction(() => window.stancegraphProbe !== undefined, undefined, { timeout: 20_000 });
  return page.evaluate(() => {
    if (!window.stancegraphProbe) throw new Error('graph probe missing');
    return window.stancegraphProbe();
  });
}

export async function visibleCounts(page: Page) {
  const g = await drawn(page);
  return { actors: g.nodes.filter((n) => n.visible).length, relations: g.edges.filter((e) => e.visible).length };
}

/** Parses "Showing A of B actors · R of S relations". */
export async function statusNumbers(page: Page) {
  const text = (await page.getByRole('status').filter({ hasText: 'Showing' }).textContent()) ?? '';
  const m = /Showing (\d+) of (\d+) actors · (\d+) of (\d+) relations/.exec(text);
  expect(m, `status line: ${text}`).not.toBeNull();
  const [, a, b, r, s] = m!.map(Number);
  return { actors: a!, totalActors: b!, relations: r!, totalRelations: s! };
}

/** Collects console errors and page errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe with the WCAG 2.2 AA rule set over the page as it is now. Serious and critical
 * violations fail the test; lesser ones are printed so they stay visible without blocking.
 */
export async function audit(page: Page, testInfo: TestInfo, state: string) {
  // Legacy mode runs axe in the page itself. The default mode opens a blank page to merge frame
  // results, about a second per audit here, and the app has no frames to merge.
  const results = await new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode(true).analyze();
  const describe = (v: (typeof results.violations)[number]) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`;
  const minor = results.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length > 0) console.log(`[axe] ${state}: ${minor.map(describe).join('; ')}`);
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map(describe), `serious or critical axe violations in "${state}"`).toEqual([]);
  // A rule set that checked nothing would pass vacuously.
  expect(results.passes.length).toBeGreaterThan(10);
  await screenshot(page, testInfo, state.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
}
