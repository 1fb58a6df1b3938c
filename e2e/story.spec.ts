import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { audit, drawn, expect, openApp, screenshot, test } from './support.ts';

interface Evidence {
  paragraph: number;
  quote: string;
}
interface Data {
  source: { paragraphs: string[] };
  relations: { id: string; source: string; target: string; evidence: Evidence[] }[];
  stances: { actor: string; topic: string; evidence: Evidence[] }[];
}
const data = JSON.parse(readFileSync(new URL('../public/data/gyeongju-2025.json', import.meta.url), 'utf8')) as Data;

/** The expected steps, recomputed from the dataset file: one per cited paragraph, in order. */
const expectedSteps = (() => {
  const byParagraph = new Map<number, { relations: Set<string>; actors: Set<string>; quotes: Set<string>; claims: Set<string> }>();
  const at = (n: number) => {
    let entry = byParagraph.get(n);
    if (!entry) byParagraph.set(n, (entry = { relations: new Set(), actors: new Set(), quotes: new Set(), claims: new Set() }));
    return entry;
  };
  for (const r of data.relations)
    for (const e of r.evidence) {
      const s = at(e.paragraph);
      s.relations.add(r.id);
      s.actors.add(r.source).add(r.target);
      s.quotes.add(e.quote);
      s.claims.add(`r:${r.id}`);
    }
  for (const st of data.stances)
    for (const e of st.evidence) {
      const s = at(e.paragraph);
      s.actors.add(st.actor);
      s.quotes.add(e.quote);
      s.claims.add(`s:${st.actor}/${st.topic}`);
    }
  return [...byParagraph.entries()].sort(([a], [b]) => a - b).map(([paragraph, s]) => ({ paragraph, ...s }));
})();
const total = expectedSteps.length;

const story = (page: Page) => page.getByRole('region', { name: 'Story' });
const stepHeading = (page: Page) => story(page).getByRole('heading', { level: 2 });
const dim = 0.35;

/** Waits until the graph draws exactly these relations at full strength and every other one at most 0.35. */
async function expectStressed(page: Page, relations: ReadonlySet<string>, actors: ReadonlySet<string>) {
  await expect
    .poll(
      async () => {
        const g = await drawn(page);
        const badEdges = g.edges.filter((e) => (relations.has(e.id) ? e.opacity < 0.99 : e.opacity > dim)).map((e) => `${e.id}=${e.opacity}`);
        const badNodes = g.nodes.filter((n) => actors.has(n.id) && n.opacity < 0.99).map((n) => `${n.id}=${n.opacity}`);
        return [...badEdges, ...badNodes];
      },
      { message: 'relations drawn at the wrong strength' },
    )
    .toEqual([]);
}

async function openStory(page: Page, search = '') {
  await openApp(page, search);
  await page.getByRole('button', { name: 'Read the story' }).click();
  await expect(stepHeading(page)).toHaveText(`Step 1 of ${total}`);
}

test.describe('Read the story', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('walks every cited paragraph in order, marks its quotes, lists its claims and lights its relations', async ({ page }) => {
    expect(total).toBeGreaterThanOrEqual(2);
    await openStory(page);
    await expect(page).toHaveURL(/[?&]step=1\b/);
    for (const [i, step] of expectedSteps.entries()) {
      await expect(stepHeading(page)).toHaveText(`Step ${i + 1} of ${total}`);
      await expect(story(page).getByText(`¶ ${step.paragraph}`, { exact: true })).toBeVisible();
      const text = data.source.paragraphs[step.paragraph - 1]!;
      await expect(story(page).locator('p', { hasText: text.slice(0, 40) })).toHaveText(text);
      const marked = await story(page).locator('mark').allTextContents();
      expect(marked.length).toBeGreaterThan(0);
      // Every marked run is made of quoted words, and every quote is marked.
      for (const m of marked) expect([...step.quotes].some((q) => m.includes(q) || q.includes(m))).toBe(true);
      for (const q of step.quotes) expect(marked.some((m) => m.includes(q))).toBe(true);
      await expect(story(page).getByRole('list').getByRole('button')).toHaveCount(step.claims.size);
      await expectStressed(page, step.relations, step.actors);
      await expect(story(page).getByRole('button', { name: 'Previous step' })).toBeEnabled({ enabled: i > 0 });
      if (i < total - 1) await story(page).getByRole('button', { name: 'Next step' }).click();
    }
    await expect(story(page).getByRole('button', { name: 'Next step' })).toBeDisabled();
  });

  test('a claim button selects the claim; Build up keeps earlier steps lit and rides in the link', async ({ page }) => {
    await openStory(page);
    const first = story(page).getByRole('list').getByRole('button').first();
    const name = (await first.getAttribute('aria-label'))!;
    await first.click();
    await expect(first).toHaveAttribute('aria-current', 'true');
    await expect(page).toHaveURL(/[?&]sel=/);
    await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 2 })).toHaveText(name.split(' — ')[0]!);

    await story(page).getByRole('checkbox', { name: 'Build up' }).check();
    await story(page).getByRole('button', { name: 'Next step' }).click();
    await story(page).getByRole('button', { name: 'Next step' }).click();
    await expect(stepHeading(page)).toHaveText(`Step 3 of ${total}`);
    await expect(page).toHaveURL(/[?&]build=1\b/);
    // Select nothing, so only the story decides the strength of each relation.
    await page.getByRole('button', { name: 'Previous step' }).focus();
    await page.keyboard.press('Escape');
    await expect(story(page)).toHaveCount(0);
    await page.goBack();
    await expect(stepHeading(page)).toHaveText(`Step 3 of ${total}`);
    const upTo3 = expectedSteps.slice(0, 3);
    const selection = new URL(page.url()).searchParams.get('sel');
    if (selection === null)
      await expectStressed(page, new Set(upTo3.flatMap((s) => [...s.relations])), new Set(upTo3.flatMap((s) => [...s.actors])));
  });

  test('Build up: steps so far stay at full strength, the rest fade', async ({ page }) => {
    await openApp(page, '?step=3&build=1');
    await expect(stepHeading(page)).toHaveText(`Step 3 of ${total}`);
    await expect(story(page).getByRole('checkbox', { name: 'Build up' })).toBeChecked();
    const upTo3 = expectedSteps.slice(0, 3);
    await expectStressed(page, new Set(upTo3.flatMap((s) => [...s.relations])), new Set(upTo3.flatMap((s) => [...s.actors])));
    await story(page).getByRole('checkbox', { name: 'Build up' }).uncheck();
    await expectStressed(page, expectedSteps[2]!.relations, expectedSteps[2]!.actors);
  });

  test('names stay readable while a step is shown: at least 11 px on screen at every step', async ({ page }) => {
    await openStory(page);
    for (let step = 1; step <= total; step++) {
      if (step > 1) await story(page).getByRole('button', { name: 'Next step' }).click();
      await expect(stepHeading(page)).toHaveText(`Step ${step} of ${total}`);
      const actors = expectedSteps[step - 1]!.actors;
      await expect
        .poll(async () => {
          const g = await drawn(page);
          return Math.min(...g.nodes.filter((n) => actors.has(n.id)).map((n) => n.renderedFontSize));
        }, { message: `step ${step}: smallest name of the step, in px` })
        .toBeGreaterThanOrEqual(11);
    }
  });

  test('the camera frames each step, and closing puts back the view as it was', async ({ page }) => {
    await openApp(page, '?view=table');
    await page.getByRole('tab', { name: 'Graph' }).click();
    await page.getByRole('tab', { name: 'Table' }).click();
    const before = await drawn(page);
    await page.getByRole('button', { name: 'Read the story' }).click();
    await expect(page.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
    await expect(stepHeading(page)).toBeFocused();
    // Every stressed actor ends inside the canvas; or, for a step too large to fit with names
    // still readable, the camera stops at the readable zoom (names at 11–12 px) centred on the step
    // (its state boxes included), with most of its actors in view.
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    await expect
      .poll(async () => {
        const g = await drawn(page);
        const at = g.nodes.filter((n) => expectedSteps[0]!.actors.has(n.id)).map((n) => ({ x: n.x * g.zoom + g.pan.x, y: n.y * g.zoom + g.pan.y }));
        if (at.every((p) => p.x >= 0 && p.x <= box.width && p.y >= 0 && p.y <= box.height)) return 'framed';
        const smallest = Math.min(...g.nodes.filter((n) => expectedSteps[0]!.actors.has(n.id)).map((n) => n.renderedFontSize));
        const inside = at.filter((p) => p.x >= 0 && p.x <= box.width && p.y >= 0 && p.y <= box.height).length;
        return inside >= at.length / 2 && smallest >= 11 && smallest < 12.3 ? 'framed' : `not framed (smallest name ${smallest.toFixed(2)} px)`;
      })
      .toBe('framed');
    await expect.poll(async () => {
      const g = await drawn(page);
      return Math.abs(g.zoom - before.zoom) > 0.001 || Math.abs(g.pan.x - before.pan.x) > 1 || Math.abs(g.pan.y - before.pan.y) > 1;
    }).toBe(true);

    await story(page).getByRole('button', { name: 'Close story' }).click();
    await expect(story(page)).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('button', { name: 'Read the story' })).toBeFocused();
    expect(new URL(page.url()).searchParams.get('step')).toBeNull();
    await page.getByRole('tab', { name: 'Graph' }).click();
    // The story may keep the first view's zoom (names were already at the readable floor), so
    // the camera is back only once the pan is too: wait for each, not the zoom alone.
    await expect.poll(async () => (await drawn(page)).zoom).toBeCloseTo(before.zoom, 3);
    await expect.poll(async () => (await drawn(page)).pan.x).toBeCloseTo(before.pan.x, 0);
    await expect.poll(async () => (await drawn(page)).pan.y).toBeCloseTo(before.pan.y, 0);
    const after = await drawn(page);
    expect(after.edges.every((e) => !e.classes.includes('story-dim') && !e.classes.includes('story-lit'))).toBe(true);
    expect(after.edges.every((e) => e.opacity > dim)).toBe(true);
  });

  test('a framed step is framed again when the canvas changes size, unless the reader moved the camera', async ({ page }) => {
    await openStory(page);
    const actors = expectedSteps[0]!.actors;
    // In view whole, or (a step too large for readable names) at least half in view at the readable zoom.
    const framing = async () => {
      const box = (await page.getByTestId('graph-canvas').boundingBox())!;
      const g = await drawn(page);
      const at = g.nodes.filter((n) => actors.has(n.id)).map((n) => ({ x: n.x * g.zoom + g.pan.x, y: n.y * g.zoom + g.pan.y }));
      const inside = at.filter((p) => p.x >= 0 && p.x <= box.width && p.y >= 0 && p.y <= box.height).length;
      if (inside === at.length) return 'framed';
      const smallest = Math.min(...g.nodes.filter((n) => actors.has(n.id)).map((n) => n.renderedFontSize));
      return inside >= at.length / 2 && smallest >= 11 && smallest < 12.3 ? 'framed' : `${inside} of ${at.length} in view`;
    };
    await expect.poll(framing).toBe('framed');
    // Narrower than the phone breakpoint: the panel becomes a bottom sheet and the canvas changes shape.
    const wide = await drawn(page);
    await page.setViewportSize({ width: 700, height: 800 });
    await expect.poll(async () => Math.abs((await drawn(page)).pan.x - wide.pan.x)).toBeGreaterThan(1);
    await expect.poll(framing).toBe('framed');

    // The reader zooms in: their camera holds through the next change of size.
    const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    const narrow = await drawn(page);
    // Cytoscape ignores the wheel for a moment after the page scrolls (as the new layout may have made it).
    await expect(async () => {
      await page.mouse.wheel(0, -300);
      await expect.poll(async () => (await drawn(page)).zoom, { timeout: 1000 }).not.toBeCloseTo(narrow.zoom, 3);
    }).toPass();
    // Wheel zoom eases in; read the camera once it has come to rest.
    await page.waitForTimeout(300);
    const moved = await drawn(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(async () => (await page.getByTestId('graph-canvas').boundingBox())!.width).not.toBe(canvas.width);
    await page.waitForTimeout(300);
    const after = await drawn(page);
    expect(after.zoom).toBeCloseTo(moved.zoom, 6);
    expect(after.pan.x).toBeCloseTo(moved.pan.x, 1);
    expect(after.pan.y).toBeCloseTo(moved.pan.y, 1);
  });

  test('Copy link copies the current step, which a fresh browser opens exactly', async ({ newContext }) => {
    const context = await newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await openStory(page);
    await story(page).getByRole('button', { name: 'Next step' }).click();
    await story(page).getByRole('button', { name: 'Next step' }).click();
    await expect(stepHeading(page)).toHaveText(`Step 3 of ${total}`);
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).searchParams.get('step')).toBe('3');
    const original = await drawn(page);

    const other = await newContext({ viewport: { width: 1280, height: 800 } });
    const copy = await other.newPage();
    await copy.goto(link);
    await copy.waitForFunction(() => performance.getEntriesByName('graph:ready').length > 0);
    await expect(stepHeading(copy)).toHaveText(`Step 3 of ${total}`);
    await expect(story(copy).getByText(`¶ ${expectedSteps[2]!.paragraph}`, { exact: true })).toBeVisible();
    await expectStressed(copy, expectedSteps[2]!.relations, expectedSteps[2]!.actors);
    const opened = await drawn(copy);
    expect(opened.zoom).toBeCloseTo(original.zoom, 2);
    expect(opened.edges.map((e) => [e.id, e.opacity >= 0.99])).toEqual(original.edges.map((e) => [e.id, e.opacity >= 0.99]));
  });

  test('each step is a history entry: Back and Forward walk the story', async ({ page }) => {
    await openStory(page);
    // Quicker than the history's half-second merging of changes: each step must still be its own entry.
    await story(page).getByRole('button', { name: 'Next step' }).click();
    await story(page).getByRole('button', { name: 'Next step' }).click();
    await expect(stepHeading(page)).toHaveText(`Step 3 of ${total}`);
    await page.goBack();
    await expect(stepHeading(page)).toHaveText(`Step 2 of ${total}`);
    await expectStressed(page, expectedSteps[1]!.relations, expectedSteps[1]!.actors);
    await page.goBack();
    await expect(stepHeading(page)).toHaveText(`Step 1 of ${total}`);
    await page.goBack();
    await expect(story(page)).toHaveCount(0);
    await page.goForward();
    await expect(stepHeading(page)).toHaveText(`Step 1 of ${total}`);
    await page.goForward();
    await expect(stepHeading(page)).toHaveText(`Step 2 of ${total}`);
  });

  test('keys move between steps outside text fields, Esc closes, each step is announced', async ({ page }) => {
    await openStory(page);
    const live = story(page).locator('[aria-live="polite"]');
    await expect(stepHeading(page)).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(stepHeading(page)).toHaveText(`Step 2 of ${total}`);
    await expect(stepHeading(page)).toBeFocused();
    await expect(live).toHaveText(`Step 2 of ${total}, paragraph ${expectedSteps[1]!.paragraph}`);
    await page.keyboard.press('PageDown');
    await expect(stepHeading(page)).toHaveText(`Step 3 of ${total}`);
    await page.keyboard.press('ArrowLeft');
    await expect(stepHeading(page)).toHaveText(`Step 2 of ${total}`);
    await page.keyboard.press('PageUp');
    await expect(stepHeading(page)).toHaveText(`Step 1 of ${total}`);
    await page.keyboard.press('ArrowLeft');
    await expect(stepHeading(page)).toHaveText(`Step 1 of ${total}`);

    // In the search field the arrows move the caret, not the story.
    const search = page.getByRole('combobox', { name: 'Search actors' });
    await search.fill('xi');
    await search.press('ArrowRight');
    await search.press('ArrowLeft');
    await expect(stepHeading(page)).toHaveText(`Step 1 of ${total}`);
    await search.press('Escape');
    await expect(story(page)).toBeVisible();

    await stepHeading(page).focus();
    await page.keyboard.press('Escape');
    await expect(story(page)).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get('step')).toBeNull();
  });

  test('a step the story does not have is ignored with the link notice', async ({ page }) => {
    await openApp(page, `?step=${total + 5}`);
    await expect(page.getByText(`unknown story step "${total + 5}"`)).toBeVisible();
    await expect(story(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Read the story' })).toBeVisible();
  });

  test('Les Misérables, with one cited paragraph, offers no story', async ({ page }) => {
    await openApp(page, '?dataset=les-miserables');
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Read the story' })).toHaveCount(0);
  });
});

test('the embed shows the stepper: ?embed=1&step=1', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 480 });
  await openApp(page, '?embed=1&step=1');
  await expect(stepHeading(page)).toHaveText(`Step 1 of ${total}`);
  await expect(page.getByRole('region', { name: 'Relationship graph' })).toBeVisible();
  await expectStressed(page, expectedSteps[0]!.relations, expectedSteps[0]!.actors);
  await story(page).getByRole('button', { name: 'Next step' }).click();
  await expect(stepHeading(page)).toHaveText(`Step 2 of ${total}`);
  await expectStressed(page, expectedSteps[1]!.relations, expectedSteps[1]!.actors);
  // Read-only: no claim buttons, no way out of the story into editing.
  await expect(story(page).getByRole('button', { name: 'Close story' })).toHaveCount(0);
  await expect(page.getByRole('tab')).toHaveCount(0);
  const open = new URL((await page.getByRole('link', { name: 'Open in Stancegraph' }).getAttribute('href'))!);
  expect(open.searchParams.get('step')).toBe('2');
});

test('on a 375 px phone the story sheet and the graph are on screen together, both usable', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openStory(page);
  const inView = async (name: 'Story' | 'Relationship graph') => {
    const b = (await page.getByRole('region', { name }).boundingBox())!;
    return { top: Math.max(0, b.y), bottom: Math.min(812, b.y + b.height), width: b.width };
  };
  const sheet = await inView('Story');
  const graph = await inView('Relationship graph');
  expect(sheet.bottom - sheet.top).toBeGreaterThan(150);
  // The part of the graph not under the sheet is a usable picture.
  expect(Math.min(graph.bottom, sheet.top) - graph.top).toBeGreaterThan(180);
  expect(sheet.width).toBeLessThanOrEqual(375);
  // The sheet makes the canvas wide, which redraws the phone's picture for that shape: the step is
  // framed on the new positions, names still readable (the whole graph was fitted, names at 6 px).
  const smallestName = (actors: ReadonlySet<string>) => async () =>
    Math.min(...(await drawn(page)).nodes.filter((n) => actors.has(n.id)).map((n) => n.renderedFontSize));
  // Read once the camera and the positions have held still for half a second.
  let last = '';
  await expect
    .poll(
      async () => {
        const g = await drawn(page);
        const now = `${g.zoom} ${g.pan.x} ${g.pan.y} ${g.layoutRuns}`;
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [500] },
    )
    .toBe(true);
  expect(await smallestName(expectedSteps[0]!.actors)(), 'step 1: smallest name, in px').toBeGreaterThanOrEqual(11);
  await story(page).getByRole('button', { name: 'Next step' }).click();
  await expect(stepHeading(page)).toHaveText(`Step 2 of ${total}`);
  await expectStressed(page, expectedSteps[1]!.relations, expectedSteps[1]!.actors);
  await expect.poll(smallestName(expectedSteps[1]!.actors), { message: 'step 2: smallest name, in px' }).toBeGreaterThanOrEqual(11);
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page, testInfo, 'story-phone-opened');
});


for (const size of [
  { width: 375, height: 812 },
  { width: 768, height: 1024 },
])
  test(`at ${size.width} px a claim chosen from a step leaves the story's sheet usable`, async ({ page }) => {
    await page.setViewportSize(size);
    await openStory(page);
    const claims = story(page).getByRole('list', { name: /^Supports / }).getByRole('button');
    const first = (await claims.first().textContent())!;
    await claims.first().click();
    // The claim's details are shown, in the page rather than over the story.
    await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 2 })).toHaveText(
      first.replace(/(Alliance|Tension|Agreement|Dialogue|Supports|Opposes|Mixed|Neutral|Unclear)$/, '').trim(),
    );
    const next = story(page).getByRole('button', { name: 'Next step' });
    const box = (await next.boundingBox())!;
    // What a tap on the button's middle would reach: the button, not the details panel.
    const reached = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.textContent ?? null,
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(reached).toContain('Next step');
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    await next.click();
    await expect(stepHeading(page)).toHaveText(`Step 2 of ${total}`);
  });

test.describe('axe, WCAG 2.2 AA, in story states', () => {
  for (const { name, size, scheme } of [
    { name: 'story step, desktop, light', size: { width: 1280, height: 800 }, scheme: 'light' },
    { name: 'story step, desktop, dark', size: { width: 1280, height: 800 }, scheme: 'dark' },
    { name: 'story step, phone, light', size: { width: 375, height: 812 }, scheme: 'light' },
    { name: 'story step, phone, dark', size: { width: 375, height: 812 }, scheme: 'dark' },
  ] as const)
    test(name, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.setViewportSize(size);
      await openApp(page, '?step=2&build=1');
      await expect(stepHeading(page)).toHaveText(`Step 2 of ${total}`);
      await expectStressed(page, new Set([...expectedSteps[0]!.relations, ...expectedSteps[1]!.relations]), expectedSteps[1]!.actors);
      await audit(page, testInfo, name);
    });

  test('story in the embed', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 640, height: 480 });
    await openApp(page, '?embed=1&step=1');
    await expect(stepHeading(page)).toHaveText(`Step 1 of ${total}`);
    await audit(page, testInfo, 'story in the embed');
  });
});

/** Distinct camera positions drawn from just before `act` until the picture has been still for half a second. */
async function camerasDuring(page: Page, act: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const rec = { frames: [] as string[], acted: false, done: false };
    (window as unknown as { storyCameras: typeof rec }).storyCameras = rec;
    let lastChange = performance.now();
    const tick = () => {
      const g = window.stancegraphProbe!();
      const frame = `${g.zoom.toFixed(4)},${Math.round(g.pan.x)},${Math.round(g.pan.y)}`;
      if (rec.frames.at(-1) !== frame) lastChange = performance.now();
      rec.frames.push(frame);
      if (rec.acted && performance.now() - lastChange > 500) rec.done = true;
      else requestAnimationFrame(tick);
    };
    tick();
  });
  await act();
  await page.evaluate(() => {
    (window as unknown as { storyCameras: { acted: boolean } }).storyCameras.acted = true;
  });
  await page.waitForFunction(() => (window as unknown as { storyCameras: { done: boolean } }).storyCameras.done);
  return page.evaluate(() => new Set((window as unknown as { storyCameras: { frames: string[] } }).storyCameras.frames).size);
}

test.describe('camera moves between steps', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  const next = async (page: Page) => {
    await story(page).getByRole('button', { name: 'Next step' }).click();
    await expect(stepHeading(page)).toHaveText(`Step 2 of ${total}`);
  };

  test('ease without a motion preference', async ({ page }) => {
    await openStory(page);
    await page.waitForTimeout(800);
    // Start, end and frames in between.
    expect(await camerasDuring(page, () => next(page))).toBeGreaterThanOrEqual(3);
  });

  test('a wheel while the camera eases ends the move: the reader keeps the camera', async ({ page }) => {
    const apart = (a: Awaited<ReturnType<typeof drawn>>, b: Awaited<ReturnType<typeof drawn>>) =>
      Math.abs(a.zoom - b.zoom) > 1e-4 * b.zoom || Math.hypot(a.pan.x - b.pan.x, a.pan.y - b.pan.y) > 0.5;
    await openStory(page);
    await page.waitForTimeout(800);
    // Where step 2 frames the camera when nobody interrupts.
    await next(page);
    await page.waitForTimeout(800);
    const framed = await drawn(page);
    await story(page).getByRole('button', { name: 'Previous step' }).click();
    await expect(stepHeading(page)).toHaveText(`Step 1 of ${total}`);
    await page.waitForTimeout(800);
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    await next(page);
    // Back over the graph from the button, while the camera is still on its way to step 2.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const atWheel = await drawn(page);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(800);
    // The wheel came while the camera was on its way; the move did not go on to its end.
    expect(apart(atWheel, framed)).toBe(true);
    expect(apart(await drawn(page), framed)).toBe(true);
  });

  test('jump under prefers-reduced-motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openStory(page);
    await page.waitForTimeout(300);
    // Only where it was and where it ends.
    expect(await camerasDuring(page, () => next(page))).toBe(2);
  });
});
