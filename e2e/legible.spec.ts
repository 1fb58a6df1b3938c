import type { Page } from '@playwright/test';
import type { DrawnGraph, ScreenBox } from '../app/graph/graph-probe.ts';
import { readFileSync } from 'node:fs';
import { drawn, expect, openApp, test } from './support.ts';

const story = JSON.parse(readFileSync(new URL('../public/data/gyeongju-2025.json', import.meta.url), 'utf8')) as {
  actors: unknown[];
  relations: { source: string; target: string }[];
};
/** Pairs of relations joining the same two actors, counted from the data (every relation is shown at first). */
const parallelPairs = (() => {
  const byEnds = new Map<string, number>();
  for (const r of story.relations) {
    const key = [r.source, r.target].sort().join('|');
    byEnds.set(key, (byEnds.get(key) ?? 0) + 1);
  }
  return [...byEnds.values()].reduce((n, k) => n + (k * (k - 1)) / 2, 0);
})();

// Issue 12: the drawn picture, read through the graph probe, must stay legible at the three
// screen sizes, light and dark. Each check measures what the canvas draws, not the stylesheet.

const sizes = [
  // `whole`: every name inside the part of the canvas on screen at the first view (on a phone
  // the page scrolls, and the canvas's lowest 70 px were once below the fold). `labelled`: the
  // share of drawn relations that carry their label, 90 % as issue 12 asks (measured: 15 of 16 at
  // every size, the labels of none overlapping another's).
  { name: 'desktop', width: 1280, height: 800, minName: 12, whole: true, labelled: 0.9 },
  { name: 'tablet', width: 768, height: 1024, minName: 12, whole: true, labelled: 0.9 },
  { name: 'phone', width: 375, height: 812, minName: 11, whole: true, labelled: 0.9 },
] as const;

const overlap = (a: ScreenBox, b: ScreenBox) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** The label grid runs once the first camera settles; wait for it and for the canvas to be still. */
async function settled(page: Page): Promise<DrawnGraph> {
  await page.waitForTimeout(400);
  return drawn(page);
}

for (const scheme of ['light', 'dark'] as const)
  for (const size of sizes)
    test.describe(`${size.name} ${size.width}×${size.height}, ${scheme}`, () => {
      test.use({ viewport: { width: size.width, height: size.height }, colorScheme: scheme });

      test('every actor name reads at the first view; parallel relations apart; sizes follow degree', async ({ page }) => {
        await openApp(page);
        const g = await settled(page);
        const actors = g.nodes.filter((n) => n.visible);
        expect(actors.length).toBe(story.actors.length);
        for (const a of actors) {
          expect(a.labelShown, `${a.id} name drawn`).toBe(true);
          expect(a.renderedFontSize, `${a.id} name size on screen`).toBeGreaterThanOrEqual(size.minName);
        }

        // No two names touch (a state's title and its members' names are apart by construction).
        const named = actors.filter((n) => n.labelShown && n.labelBox);
        for (let i = 0; i < named.length; i++)
          for (let j = i + 1; j < named.length; j++) {
            const [a, b] = [named[i]!, named[j]!];
            if (a.parent === b.id || b.parent === a.id) continue;
            expect(overlap(a.labelBox!, b.labelBox!), `names of ${a.id} / ${b.id}`).toBe(false);
          }
        const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
        // The canvas as seen without scrolling: the page is at its top at the first view.
        const seen = { width: Math.min(canvas.width, size.width - canvas.x), height: Math.min(canvas.height, size.height - canvas.y) };
        if (size.whole)
          for (const n of named) {
            const b = n.labelBox!;
            expect(b.x1 >= 0 && b.y1 >= 0 && b.x2 <= seen.width && b.y2 <= seen.height, `name of ${n.id} inside the canvas on screen`).toBe(true);
          }

        // Relations sharing their two ends: midpoints at least 6 px apart on screen.
        const byPair = new Map<string, { x: number; y: number }[]>();
        for (const e of g.edges.filter((x) => x.visible)) {
          const key = [e.source, e.target].sort().join('|');
          byPair.set(key, [...(byPair.get(key) ?? []), e.midpoint]);
        }
        let pairs = 0;
        for (const mids of byPair.values())
          for (let i = 0; i < mids.length; i++)
            for (let j = i + 1; j < mids.length; j++) {
              pairs++;
              expect(Math.hypot(mids[i]!.x - mids[j]!.x, mids[i]!.y - mids[j]!.y)).toBeGreaterThanOrEqual(6);
            }
        // Every pair the data has was measured (China–South Korea carries most of them).
        expect(parallelPairs).toBeGreaterThan(0);
        expect(pairs).toBe(parallelPairs);

        // Shapes grow with the relations shown: more relations, never a smaller shape.
        const people = actors.filter((n) => !g.nodes.some((m) => m.parent === n.id)).sort((a, b) => a.visibleDegree - b.visibleDegree);
        for (let i = 1; i < people.length; i++)
          if (people[i]!.visibleDegree > people[i - 1]!.visibleDegree)
            expect(people[i]!.renderedWidth, `${people[i]!.id} vs ${people[i - 1]!.id}`).toBeGreaterThan(people[i - 1]!.renderedWidth);

        // Relation labels never cover a drawn name.
        const names = actors.filter((n) => n.labelShown && n.labelBox).map((n) => ({ id: n.id, box: n.labelBox! }));
        const labelled = g.edges.filter((e) => e.visible && e.label !== null);
        for (const e of labelled)
          for (const part of e.labelBoxes)
            for (const n of names) expect(overlap(part, n.box), `label of ${e.id} over the name of ${n.id}`).toBe(false);
        // Nor another relation's label (the China–South Korea bundle's labels once lay on each other).
        for (let i = 0; i < labelled.length; i++)
          for (let j = i + 1; j < labelled.length; j++) {
            const [a, b] = [labelled[i]!, labelled[j]!];
            expect(
              a.labelBoxes.some((p) => b.labelBoxes.some((q) => overlap(p, q))),
              `labels of ${a.id} / ${b.id}`,
            ).toBe(false);
          }
        const share = labelled.length / g.edges.filter((e) => e.visible).length;
        test.info().annotations.push({ type: 'measured', description: `zoom ${g.zoom.toFixed(3)}, labelled ${(share * 100).toFixed(0)} %` });
        expect(share).toBeGreaterThanOrEqual(size.labelled);
      });
    });

test.describe('Les Misérables at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('names by priority never overlap; the rest come as you zoom in', async ({ page }) => {
    await openApp(page, '?dataset=les-miserables');
    const g = await settled(page);
    const shown = g.nodes.filter((n) => n.visible && n.labelShown && n.labelBox);
    expect(shown.length).toBeGreaterThanOrEqual(10);
    expect(shown.length).toBeLessThan(g.nodes.filter((n) => n.visible).length);
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++)
        expect(overlap(shown[i]!.labelBox!, shown[j]!.labelBox!), `${shown[i]!.id} / ${shown[j]!.id}`).toBe(false);
    // The most connected character is among them.
    const top = [...g.nodes].sort((a, b) => b.visibleDegree - a.visibleDegree)[0]!;
    expect(shown.map((n) => n.id)).toContain(top.id);

    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -200);
    const closer = await settled(page);
    expect(closer.zoom).toBeGreaterThan(g.zoom);
    const near = closer.nodes.filter((n) => n.visible && n.labelShown && n.labelBox && n.labelBox.x2 > 0 && n.labelBox.x1 < box.width && n.labelBox.y2 > 0 && n.labelBox.y1 < box.height);
    for (let i = 0; i < near.length; i++)
      for (let j = i + 1; j < near.length; j++) expect(overlap(near[i]!.labelBox!, near[j]!.labelBox!)).toBe(false);
  });

  test('a circle too large to read whole opens on its actors and their names, not on its empty middle', async ({ page }) => {
    await openApp(page, '?dataset=les-miserables&layout=circle');
    const g = await settled(page);
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    const onScreen = (n: DrawnGraph['nodes'][number]) => {
      const x = n.x * g.zoom + g.pan.x;
      const y = n.y * g.zoom + g.pan.y;
      return x >= 0 && x <= box.width && y >= 0 && y <= box.height;
    };
    // The close-up the names need (the whole circle would draw them about 4 px high).
    const seen = g.nodes.filter((n) => n.visible && onScreen(n));
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.length).toBeLessThan(g.nodes.length);
    const named = seen.filter((n) => n.labelShown && n.renderedFontSize >= 12);
    test.info().annotations.push({ type: 'measured', description: `${seen.length} actors on screen, ${named.length} named, zoom ${g.zoom.toFixed(3)}` });
    expect(named.length).toBeGreaterThanOrEqual(5);
    // Fit all still brings the whole circle into view.
    await page.getByRole('button', { name: 'Fit all' }).click();
    await expect.poll(async () => (await drawn(page)).zoom).toBeLessThan(g.zoom);
  });

  test.describe('prefers-reduced-motion: reduce', () => {
    test.use({ reducedMotion: 'reduce' });

    test('the frame that shows a new layout has its names placed already: none change after it', async ({ page }) => {
      await openApp(page, '?dataset=les-miserables');
      await settled(page);
      // Read in the first frame after the positions arrive (their mark is taken as they are
      // applied), before any later pass could run.
      await page.evaluate(() => {
        const w = window as unknown as { firstFrame: Promise<DrawnGraph> };
        w.firstFrame = new Promise((resolve) => {
          const mark = performance.mark.bind(performance);
          performance.mark = (name, options) => {
            if (name === 'layout:end') requestAnimationFrame(() => resolve(window.stancegraphProbe!()));
            return mark(name, options);
          };
        });
      });
      await page.getByLabel('Layout').selectOption('circle');
      const first = await page.evaluate(() => (window as unknown as { firstFrame: Promise<DrawnGraph> }).firstFrame);
      const later = await settled(page);
      const names = (g: DrawnGraph) => g.nodes.map((n) => `${n.id}:${n.labelShown}:${n.x}:${n.y}`);
      expect(names(later)).toEqual(names(first));
      // The circle's names are not the first layout's: the frame did show a new placement.
      expect(first.nodes.filter((n) => n.labelShown).length).toBeGreaterThanOrEqual(10);
    });
  });
});

test.describe('Appearance', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('switching the encodings off draws equal shapes, and the choice rides in the link', async ({ page }) => {
    await openApp(page);
    const widths = (g: DrawnGraph) => new Set(g.nodes.filter((n) => n.visible && !g.nodes.some((m) => m.parent === n.id)).map((n) => Math.round(n.renderedWidth)));
    expect((await settled(page)).nodes.length).toBe(15);
    expect(widths(await drawn(page)).size).toBeGreaterThan(2);
    const box = page.getByRole('checkbox', { name: 'Size and width show the data' });
    await box.uncheck();
    await expect(page).toHaveURL(/[?&]plain=1/);
    // Organisations and groups keep their own fixed widths; people are all alike.
    await expect.poll(async () => widths(await drawn(page)).size).toBeLessThanOrEqual(2);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('graph:ready').length > 0);
    await expect(page.getByRole('checkbox', { name: 'Size and width show the data' })).not.toBeChecked();
    expect(widths(await drawn(page)).size).toBeLessThanOrEqual(2);
  });
});

test.describe('phone 375×812', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test("a selection's details rise over the graph without hiding it", async ({ page }) => {
    await openApp(page);
    await page.getByRole('combobox', { name: 'Search actors' }).fill('kim jong');
    await page.keyboard.press('Enter');
    const details = page.getByRole('complementary', { name: 'Details' });
    await expect(details.getByRole('heading', { name: 'Kim Jong Un' })).toBeInViewport();
    const sheet = (await details.boundingBox())!;
    const graph = (await page.getByRole('region', { name: 'Relationship graph' }).boundingBox())!;
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(812 + 1);
    // A good part of the graph stays in view above the sheet.
    expect(sheet.y - Math.max(graph.y, 0)).toBeGreaterThan(180);
    await details.getByRole('button', { name: 'Clear selection' }).click();
    await expect(details.getByRole('button', { name: 'Clear selection' })).toHaveCount(0);
  });
});

test.describe('phone 375×812, touch', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('two fingers dragged together pan the graph; spread apart or pinched in, they zoom it', async ({ page }) => {
    await openApp(page);
    const before = await settled(page);
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    type Point = { x: number; y: number };
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });
    /** Two fingers from `from` to `to` (each a pair of points), in small steps as a hand moves. */
    const gesture = async (from: [Point, Point], to: [Point, Point]) => {
      await touch('touchStart', from);
      for (let i = 1; i <= 10; i++) {
        const at = (k: 0 | 1) => ({ x: from[k].x + ((to[k].x - from[k].x) * i) / 10, y: from[k].y + ((to[k].y - from[k].y) * i) / 10 });
        await touch('touchMove', [at(0), at(1)]);
      }
      await touch('touchEnd', []);
    };

    // Two fingers 60 px apart dragged 100 px right and 60 px up together: the graph follows them.
    // (Cytoscape alone takes fingers this close for a context gesture and leaves the camera still.)
    await gesture(
      [{ x: cx - 30, y: cy }, { x: cx + 30, y: cy }],
      [{ x: cx + 70, y: cy - 60 }, { x: cx + 130, y: cy - 60 }],
    );
    await expect.poll(async () => (await drawn(page)).pan.x - before.pan.x).toBeGreaterThan(90);
    const panned = await settled(page);
    expect(panned.pan.x - before.pan.x).toBeLessThan(110);
    expect(panned.pan.y - before.pan.y).toBeGreaterThan(-70);
    expect(panned.pan.y - before.pan.y).toBeLessThan(-50);
    expect(panned.zoom).toBeCloseTo(before.zoom, 2);

    // Fingers apart: closer, about the point between them.
    await gesture(
      [{ x: cx - 30, y: cy }, { x: cx + 30, y: cy }],
      [{ x: cx - 70, y: cy }, { x: cx + 70, y: cy }],
    );
    await expect.poll(async () => (await drawn(page)).zoom).toBeGreaterThan(panned.zoom * 1.3);
    const closer = await settled(page);

    // Fingers pinched in: further out (Cytoscape alone never zooms out with fingers that land close).
    await gesture(
      [{ x: cx - 60, y: cy }, { x: cx + 60, y: cy }],
      [{ x: cx - 30, y: cy }, { x: cx + 30, y: cy }],
    );
    await expect.poll(async () => (await drawn(page)).zoom).toBeLessThan(closer.zoom * 0.7);
  });
});

const shots = [
  { name: 'story-light-desktop', width: 1280, height: 800, scheme: 'light', search: '' },
  { name: 'story-dark-desktop', width: 1280, height: 800, scheme: 'dark', search: '' },
  { name: 'story-light-phone', width: 375, height: 812, scheme: 'light', search: '' },
  { name: 'lesmis-light-desktop', width: 1280, height: 800, scheme: 'light', search: '?dataset=les-miserables' },
  { name: 'story-selected-tablet', width: 768, height: 1024, scheme: 'dark', search: '?sel=lee-jae-myung' },
] as const;

for (const s of shots)
  test.describe(`picture ${s.name}`, () => {
    test.use({ viewport: { width: s.width, height: s.height }, colorScheme: s.scheme });
    test('matches its baseline', async ({ page }) => {
      await openApp(page, s.search);
      await settled(page);
      // A tolerance for font antialiasing; a shrunk or tangled picture moves far more pixels.
      await expect(page.getByRole('region', { name: 'Relationship graph' })).toHaveScreenshot(`${s.name}.png`, {
        maxDiffPixelRatio: 0.02,
        animations: 'disabled',
      });
    });
  });
