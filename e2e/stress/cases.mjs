// The stress cases of issue #17, each driving the built app and returning the longest main-thread
// task it saw. `size` is stressSizes.small in `npm test` and stressSizes.full in `npm run bench -- --stress`.
/* global window, document, MutationObserver -- only inside functions that Playwright runs in the page */
import { synthetic } from '../bench/synthetic.mjs';
import { nestedStates, parallelRelations, prototypeIds, stanceMatrix, unconnected } from './generators.mjs';
import { loadDataset, longestSince, now, openApp, waitForDrawn, waitForDrawnSince } from './measure.mjs';

const layouts = ['Force-directed', 'Concentric (by degree)', 'Circle', 'Grid', 'Breadth-first from selected actor'];

async function panelFailures(page) {
  return page.getByText(/could not be shown/).count();
}

/** Resolves to 'drawn' when every actor is on the canvas, or 'refused' (with the alert's text). */
async function drawnOrRefused(page, dataset, timeout) {
  const alert = page.getByRole('alert').filter({ hasText: 'The file was not loaded' });
  const drawn = waitForDrawn(page, dataset.actors.length, timeout).then(() => 'drawn');
  const refused = alert.waitFor({ timeout }).then(() => 'refused');
  drawn.catch(() => undefined);
  refused.catch(() => undefined);
  const outcome = await Promise.race([drawn, refused]);
  return { outcome, message: outcome === 'refused' ? await alert.first().innerText() : '' };
}

/** Each case: { name, run(page, size, timeout) -> { phases: { [phase]: ms }, outcome: string } }. */
export const stressCases = [
  {
    name: 'nested states',
    async run(page, size, timeout) {
      await openApp(page);
      const d = nestedStates(size.nested);
      const since = await loadDataset(page, d);
      const result = await drawnOrRefused(page, d, timeout);
      return { phases: { load: await longestSince(page, since) }, ...result };
    },
  },
  {
    name: 'nested states at the limit',
    async run(page, size, timeout) {
      await openApp(page);
      const d = nestedStates(size.nestedLimit);
      const since = await loadDataset(page, d);
      await waitForDrawn(page, d.actors.length, timeout);
      return { phases: { load: await longestSince(page, since) }, outcome: 'drawn' };
    },
  },
  {
    name: 'stance matrix',
    async run(page, size, timeout) {
      await openApp(page);
      const d = stanceMatrix(size.stanceActors, size.stanceTopics);
      const since = await loadDataset(page, d);
      await waitForDrawn(page, d.actors.length, timeout);
      const load = await longestSince(page, since);
      let t = await now(page);
      await page.getByRole('tab', { name: 'Stances' }).click();
      await page.getByRole('region', { name: 'Stance matrix' }).waitFor({ timeout });
      const open = await longestSince(page, t);
      t = await now(page);
      await page.getByRole('checkbox', { name: /^Alliance/ }).click();
      await page.waitForTimeout(300);
      const toggle = await longestSince(page, t);
      t = await now(page);
      await page.getByRole('tab', { name: 'Table' }).click();
      await page.getByRole('region', { name: 'Relations table' }).waitFor({ timeout });
      const table = await longestSince(page, t);
      return { phases: { load, open, toggle, table }, outcome: 'drawn' };
    },
  },
  {
    name: 'prototype-named ids',
    async run(page, _size, timeout) {
      await openApp(page);
      const d = prototypeIds();
      const since = await loadDataset(page, d);
      await waitForDrawn(page, d.actors.length, timeout);
      const phases = { load: await longestSince(page, since) };
      const failures = [];
      for (const name of layouts) {
        const t = await now(page);
        await page.getByLabel('Layout', { exact: true }).selectOption({ label: name });
        await page.waitForTimeout(700);
        phases[name] = await longestSince(page, t);
        const probe = await page.evaluate(() => window.stancegraphProbe?.() ?? null);
        const placed = probe?.nodes.filter((n) => Number.isFinite(n.x) && Number.isFinite(n.y)).length ?? 0;
        if ((await panelFailures(page)) > 0 || placed !== d.actors.length) failures.push(name);
      }
      return { phases, outcome: failures.length ? `failed in ${failures.join(', ')}` : 'drawn in every layout' };
    },
  },
  {
    name: 'parallel relations',
    async run(page, size, timeout) {
      await openApp(page);
      const d = parallelRelations(size.parallel);
      const since = await loadDataset(page, d);
      const result = await drawnOrRefused(page, d, timeout);
      const load = await longestSince(page, since);
      if (result.outcome === 'refused') return { phases: { load }, ...result };
      const t = await now(page);
      await page.getByRole('checkbox', { name: /^Tension/ }).click();
      await page.waitForTimeout(300);
      return { phases: { load, toggle: await longestSince(page, t) }, outcome: 'drawn' };
    },
  },
  {
    name: 'parallel relations at the limit',
    async run(page, size, timeout) {
      await openApp(page);
      const d = parallelRelations(size.parallelLimit);
      const since = await loadDataset(page, d);
      await waitForDrawn(page, d.actors.length, timeout);
      return { phases: { load: await longestSince(page, since) }, outcome: 'drawn' };
    },
  },
  {
    // The format's largest graph (app/data/format-limits.ts): actors in states, relations among
    // them. The grid layout, so the case measures drawing rather than a force layout's minutes in
    // its worker (which blocks nothing: the layout's own stress is the prototype-ids case's).
    name: 'graph at the size limits',
    async run(page, size, timeout) {
      await openApp(page, '?layout=grid');
      const d = synthetic({ actors: size.limitActors, relations: size.limitRelations });
      const since = await loadDataset(page, d, 'limits.json');
      await waitForDrawn(page, d.actors.length, timeout);
      const load = await longestSince(page, since);
      const t = await now(page);
      await page.getByRole('group', { name: 'Topics' }).getByRole('checkbox').first().click();
      await waitForDrawnSince(page, t, timeout);
      const toggle = await longestSince(page, t);
      // Every actor moves and the camera refits: the frame after it drew the whole graph anew.
      const l = await now(page);
      await page.getByRole('combobox', { name: 'Layout' }).selectOption('circle');
      await waitForDrawnSince(page, l, timeout);
      return { phases: { load, toggle, layout: await longestSince(page, l) }, outcome: 'drawn' };
    },
  },
  {
    name: 'actors without relations',
    async run(page, size, timeout) {
      await openApp(page);
      const d = unconnected(size.unconnected);
      // Above 2,000 elements the graph is drawn a slice at a time and says so meanwhile, perhaps
      // only briefly: noted in the page as it appears rather than polled for.
      await page.evaluate(() => {
        window.__drawingShown = false;
        const observer = new MutationObserver((records) => {
          for (const r of records)
            for (const n of r.addedNodes)
              if (n.textContent?.startsWith('Drawing the graph…')) {
                window.__drawingShown = true;
                observer.disconnect();
              }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      const since = await loadDataset(page, d);
      await waitForDrawn(page, d.actors.length, timeout);
      const load = await longestSince(page, since);
      const indicated = await page.evaluate(() => window.__drawingShown);
      if (d.actors.length > 2000 && !indicated) return { phases: { load }, outcome: 'drawn without saying so' };
      const t = await now(page);
      await page.getByRole('checkbox', { name: 'Show actors without visible relations' }).check();
      const n = d.actors.length;
      await page.getByRole('status').filter({ hasText: `Showing ${n} of ${n} actors` }).waitFor({ timeout });
      // The status line changes at once; the canvas may still be showing them a slice at a time.
      await waitForDrawnSince(page, t, timeout);
      return { phases: { load, show: await longestSince(page, t) }, outcome: 'drawn' };
    },
  },
];
