// Drives the built app through one stress case and reports the longest main-thread task (Long
// Tasks API) while it loads, draws and is used. Shared by e2e/stress.spec.ts and the benchmark.
/* global window, DataTransfer -- only inside functions that Playwright runs in the page */

/** Installs the Long Tasks observer before any app script runs. */
export async function watchLongTasks(page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

export const now = (page) => page.evaluate(() => performance.now());

/** The longest task that started after `since` (a page clock reading), in ms; 0 if none. */
export async function longestSince(page, since) {
  // Long tasks are reported after they end: give the observer a frame to deliver the last one.
  await page.waitForTimeout(100);
  return page.evaluate((t) => window.__longTasks.filter((e) => e.start >= t).reduce((m, e) => Math.max(m, e.duration), 0), since);
}

/** Opens the app and waits for the first drawing of the default dataset. */
export async function openApp(page, search = '') {
  await page.goto(`/${search}`);
  await page.waitForFunction(() => performance.getEntriesByName('graph:ready').length > 0, undefined, { timeout: 30_000 });
}

/**
 * Puts a dataset into the "Load dataset" input as a chosen file would arrive; resolves to the page
 * clock reading taken just before. The file is made in the page first, outside the measured span:
 * Playwright's setInputFiles decodes its bytes on the page's main thread, a task of about 1.4 s for
 * the 12,500 / 12,500 file that the Long Tasks API then charged to the app (a reader's browser reads
 * a chosen file off that thread). Then the same as setInputFiles: the files set, input and change
 * dispatched.
 */
export async function loadDataset(page, dataset, name = 'stress.json') {
  await page.evaluate(
    ({ text, name }) => {
      window.__stressFile = new File([text], name, { type: 'application/json' });
    },
    { text: JSON.stringify(dataset), name },
  );
  await page.waitForTimeout(100);
  const since = await now(page);
  await page.getByLabel('Load dataset').evaluate((input) => {
    const files = new DataTransfer();
    files.items.add(window.__stressFile);
    input.files = files.files;
    for (const type of ['input', 'change']) input.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  });
  return since;
}

/** Waits until the canvas draws `actors` nodes (the probe counts every node, hidden or not). */
export async function waitForDrawn(page, actors, timeout) {
  await page.waitForFunction((n) => window.stancegraphCounts?.().nodes === n, actors, { timeout, polling: 200 });
}

/** Waits until the canvas has drawn a change made after `since` (a page clock reading): its graph:drawn mark. */
export async function waitForDrawnSince(page, since, timeout) {
  await page.waitForFunction((t) => performance.getEntriesByName('graph:drawn').some((e) => e.startTime > t), since, { timeout, polling: 200 });
}
