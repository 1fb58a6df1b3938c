import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { audit, expect, openApp, statusNumbers, test, watchErrors } from './support.ts';

interface Data {
  actors: { id: string; name: string; kind: string; parent?: string }[];
  relations: { id: string; source: string; target: string; type: string; directed: boolean; summary: string }[];
}
const data = JSON.parse(readFileSync(new URL('../public/data/gyeongju-2025.json', import.meta.url), 'utf8')) as Data;
const nameOf = (id: string) => data.actors.find((a) => a.id === id)!.name;
const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const detailsHeading = (page: Page) => details(page).getByRole('heading', { level: 2 });
const tableRows = (page: Page) => page.getByRole('region', { name: 'Relations table' }).locator('tbody tr');


const phone = { width: 375, height: 812 };

test.describe('axe, WCAG 2.2 AA: no serious or critical violations', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  for (const view of ['Graph', 'Table', 'Stances', 'Source'] as const) {
    test(`${view} view`, async ({ page }, testInfo) => {
      await openApp(page);
      if (view !== 'Graph') await page.getByRole('tab', { name: view }).click();
      await expect(page.getByRole('tab', { name: view })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await audit(page, testInfo, `${view} view`);
    });
  }

  test('details of an actor, with the search list open', async ({ page }, testInfo) => {
    await openApp(page, '?sel=kim-jong-un');
    await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('Kim Jong Un');
    await page.getByRole('combobox', { name: 'Search actors' }).fill('lee');
    await expect(page.getByRole('listbox', { name: 'Matching actors' }).getByRole('option').first()).toBeVisible();
    await audit(page, testInfo, 'actor details and search');
  });

  test('details of a relation, in the table', async ({ page }, testInfo) => {
    await openApp(page, '?sel=r:kim-conditions-talks-with-washington&view=table');
    await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('Kim Jong Un → United States');
    await audit(page, testInfo, 'relation details in the table');
  });

  test('the source opened at a cited paragraph', async ({ page }, testInfo) => {
    await openApp(page, '?view=source&sel=r:lee-asks-xi-help-with-north-korea&p=3');
    await expect(page.locator('mark').first()).toBeVisible();
    await audit(page, testInfo, 'source at a cited paragraph');
  });

  test('filters emptied: the empty state', async ({ page }, testInfo) => {
    await openApp(page);
    await page.getByRole('group', { name: 'Relation types' }).getByRole('button', { name: 'None' }).click();
    await expect(page.getByText('No relations match these filters')).toBeVisible();
    await audit(page, testInfo, 'filters emptied');
  });

  test('a malformed link: the dismissible notice', async ({ page }, testInfo) => {
    await openApp(page, '?sel=nobody&layout=spiral&bogus=1');
    await expect(page.getByRole('alert')).toContainText('nobody');
    await expect(page.getByRole('alert').getByRole('button', { name: 'Dismiss' })).toBeVisible();
    await audit(page, testInfo, 'link notice');
  });

  test('a dataset that fails to load: the error with a retry', async ({ page }, testInfo) => {
    await page.route('**/data/gyeongju-2025.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
    await page.goto('/');
    await expect(page.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible();
    await audit(page, testInfo, 'dataset load error');
  });

  test('the export menu open', async ({ page }, testInfo) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await audit(page, testInfo, 'export menu');
  });

  test.describe('dark mode', () => {
    test.use({ colorScheme: 'dark' });
    for (const [view, search] of [
      ['Graph', '?sel=kim-jong-un'],
      ['Table', '?view=table&sel=r:south-korea-us-alliance'],
      ['Stances', '?view=stances&sel=s:kim-jong-un~nk-talks'],
      ['Source', '?view=source&sel=r:lee-asks-xi-help-with-north-korea&p=3'],
    ] as const) {
      test(`${view} view in dark mode`, async ({ page }, testInfo) => {
        await openApp(page, search);
        await expect(page.getByRole('tab', { name: view })).toHaveAttribute('aria-selected', 'true');
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        await audit(page, testInfo, `${view} view dark`);
      });
    }
    test('link notice and empty state in dark mode', async ({ page }, testInfo) => {
      await openApp(page, '?types=-alliance,-tension,-agreement,-dialogue&bogus=1');
      await expect(page.getByRole('alert')).toBeVisible();
      await expect(page.getByText('No relations match these filters')).toBeVisible();
      await audit(page, testInfo, 'notice and empty dark');
    });
  });

  test.describe('phone, 375 px', () => {
    test.use({ viewport: phone });
    for (const view of ['Graph', 'Table', 'Stances', 'Source'] as const) {
      test(`${view} view on a phone, an actor selected`, async ({ page }, testInfo) => {
        await openApp(page, '?sel=kim-jong-un');
        if (view !== 'Graph') await page.getByRole('tab', { name: view }).click();
        await expect(page.getByRole('tab', { name: view })).toHaveAttribute('aria-selected', 'true');
        await audit(page, testInfo, `${view} view phone`);
      });
    }
    test('filters opened on a phone', async ({ page }, testInfo) => {
      await openApp(page);
      await page.getByRole('button', { name: 'Filters' }).click();
      await expect(page.getByRole('group', { name: 'Topics' })).toBeVisible();
      await audit(page, testInfo, 'filters phone');
    });
  });
});

/** Presses Tab (or Shift+Tab) until the element has focus; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, max = 150, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  // Resolve the role locator once; comparing a handle after each press is much cheaper.
  const el = await target.elementHandle();
  for (let i = 0; i < max && !(await page.evaluate((t) => t === document.activeElement, el)); i++) await page.keyboard.press(key);
  await el?.dispose();
  await expect(target).toBeFocused();
}

/** Types an actor's name into the focused search box and picks it from the list with arrows and Enter. */
async function searchAndChoose(page: Page, name: string) {
  const kb = page.keyboard;
  await kb.press('ControlOrMeta+a');
  await kb.insertText(name);
  const chosen = page.getByRole('listbox', { name: 'Matching actors' }).getByRole('option', { selected: true });
  const chosenName = () => chosen.evaluate((el) => el.firstElementChild?.textContent ?? '');
  for (let i = 0; i < 15 && (await chosenName()) !== name; i++) await kb.press('ArrowDown');
  expect(await chosenName()).toBe(name);
  await kb.press('Enter');
}

test('keyboard alone opens every actor through search and the details lists, and every relation through the table', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const kb = page.keyboard;
  await openApp(page);

  // Search: "/" from anywhere, then each actor by name, arrows and Enter.
  await kb.press('/');
  const search = page.getByRole('combobox', { name: 'Search actors' });
  await expect(search).toBeFocused();
  const foundBySearch = new Set<string>();
  for (const actor of data.actors) {
    await searchAndChoose(page, actor.name);
    await expect(detailsHeading(page)).toHaveText(actor.name);
    foundBySearch.add(actor.id);
  }
  expect(foundBySearch.size).toBe(data.actors.length);

  // The details panel: each state's Members list opens every member; "Part of" leads back. After
  // each Enter the focus lands on the new heading, so the walk goes on from there.
  const states = data.actors.filter((a) => a.kind === 'state');
  const openedFromDetails = new Set<string>();
  for (const state of states) {
    await kb.press('/');
    await searchAndChoose(page, state.name);
    await expect(detailsHeading(page)).toHaveText(state.name);
    openedFromDetails.add(state.id);
    for (const member of data.actors.filter((a) => a.parent === state.id)) {
      const memberButton = details(page).getByRole('region', { name: 'Members' }).getByRole('button', { name: member.name, exact: true });
      await tabTo(page, memberButton);
      await kb.press('Enter');
      await expect(detailsHeading(page)).toHaveText(member.name);
      await expect(detailsHeading(page)).toBeFocused();
      openedFromDetails.add(member.id);
      await kb.press('Tab');
      const partOf = details(page).getByRole('button', { name: state.name, exact: true });
      await expect(partOf).toBeFocused();
      await kb.press('Enter');
      await expect(detailsHeading(page)).toHaveText(state.name);
      await expect(detailsHeading(page)).toBeFocused();
    }
  }
  expect([...openedFromDetails].sort()).toEqual(data.actors.map((a) => a.id).sort());

  // The last state's Relations list opens a relation; its ends lead on to the actors.
  const last = states.at(-1)!;
  const alliance = data.relations.find((r) => r.type === 'alliance' && (r.source === last.id || r.target === last.id))!;
  const other = alliance.source === last.id ? alliance.target : alliance.source;
  await tabTo(page, details(page).getByRole('region', { name: 'Relations' }).getByRole('button', { name: alliance.summary }));
  await kb.press('Enter');
  await expect(detailsHeading(page)).toHaveText(`${nameOf(alliance.source)} ↔ ${nameOf(alliance.target)}`);
  await expect(detailsHeading(page)).toBeFocused();
  await tabTo(page, details(page).getByRole('button', { name: nameOf(other), exact: true }), 3);
  await kb.press('Enter');
  await expect(detailsHeading(page)).toHaveText(nameOf(other));
  await expect(detailsHeading(page)).toBeFocused();
  // "Clear selection" sits just before the heading; after it the focus is on the overview's heading.
  await kb.press('Shift+Tab');
  await expect(details(page).getByRole('button', { name: 'Clear selection' })).toBeFocused();
  await kb.press('Enter');
  await expect(detailsHeading(page)).toHaveText('Details');
  await expect(detailsHeading(page)).toBeFocused();

  // A filter checkbox toggles with Space.
  const firstTopic = page.getByRole('group', { name: 'Topics' }).getByRole('checkbox').first();
  await tabTo(page, firstTopic, 60, 'Shift+Tab');
  await kb.press('Space');
  await expect(firstTopic).not.toBeChecked();
  await kb.press('Space');
  await expect(firstTopic).toBeChecked();

  // The table: on to the tabs, an arrow to Table, then one Tab per row, each opened with Enter.
  await tabTo(page, page.getByRole('tab', { name: 'Graph' }), 40);
  await kb.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  await expect(tableRows(page)).toHaveCount(data.relations.length);
  const relationsOpened = new Set<string>();
  for (const [i, r] of data.relations.entries()) {
    // Without a sort the table keeps dataset order.
    const open = tableRows(page).nth(i).getByRole('button', { name: r.summary, exact: true });
    if (i === 0) await tabTo(page, open, 20);
    else {
      await kb.press('Tab');
      await expect(open).toBeFocused();
    }
    await kb.press('Enter');
    await expect(detailsHeading(page)).toHaveText(`${nameOf(r.source)} ${r.directed ? '→' : '↔'} ${nameOf(r.target)}`);
    await expect(open).toHaveAttribute('aria-current', 'true');
    relationsOpened.add(r.id);
  }
  expect([...relationsOpened].sort()).toEqual(data.relations.map((r) => r.id).sort());

  // From a relation's details, an evidence reference opens the source at its paragraph.
  const ref = details(page).getByRole('button', { name: /^¶ \d+$/ }).first();
  await tabTo(page, ref, 10);
  await kb.press('Enter');
  await expect(page.getByRole('tab', { name: 'Source' })).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);
});

test('the graph canvas has a short text alternative that follows the filters', async ({ page }) => {
  await openApp(page);
  const region = page.getByRole('region', { name: 'Relationship graph' });
  const all = await statusNumbers(page);
  // A string name matches a part of the accessible name.
  await expect(region.getByRole('img', { name: `Graph of ${all.actors} actors and ${all.relations} relations: ` })).toBeVisible();
  const picture = region.getByRole('img');
  expect(await picture.getAttribute('aria-label')).toMatch(/^Graph of .*\d+ tensions/);

  await page.getByRole('group', { name: 'Relation types' }).getByRole('checkbox', { name: 'Tension' }).uncheck();
  const fewer = await statusNumbers(page);
  expect(fewer.relations).toBeLessThan(all.relations);
  await expect(region.getByRole('img', { name: `Graph of ${fewer.actors} actors and ${fewer.relations} relations: ` })).toBeVisible();
  expect(await picture.getAttribute('aria-label')).not.toContain('tension');

  await page.getByRole('group', { name: 'Relation types' }).getByRole('button', { name: 'None' }).click();
  await expect(region.getByRole('img', { name: /no relations match these filters/ })).toBeVisible();
});

interface Frame {
  x: number;
  y: number;
  panX: number;
  panY: number;
}
interface Recorder {
  frames: Frame[];
  acted: boolean;
  done: boolean;
}

/**
 * Records one actor's drawn position and the camera on every frame from before `act` until the
 * picture has been still for half a second after it, however slow the machine.
 */
async function framesDuring(page: Page, actorId: string, act: () => Promise<void>) {
  await page.evaluate((id) => {
    const rec: Recorder = { frames: [], acted: false, done: false };
    (window as unknown as { motionRecorder: Recorder }).motionRecorder = rec;
    let lastChange = performance.now();
    const tick = () => {
      const g = window.stancegraphProbe!();
      const n = g.nodes.find((node) => node.id === id)!;
      const frame = { x: Math.round(n.x * 10) / 10, y: Math.round(n.y * 10) / 10, panX: Math.round(g.pan.x), panY: Math.round(g.pan.y) };
      const prev = rec.frames.at(-1);
      if (prev && (prev.x !== frame.x || prev.y !== frame.y || prev.panX !== frame.panX || prev.panY !== frame.panY)) lastChange = performance.now();
      rec.frames.push(frame);
      if (rec.acted && performance.now() - lastChange > 500) rec.done = true;
      else requestAnimationFrame(tick);
    };
    // The first sample now, before the action: a jump may land before the next frame.
    tick();
  }, actorId);
  await act();
  // Page functions are sent as text, so each names the recorder itself.
  await page.evaluate(() => {
    (window as unknown as { motionRecorder: Recorder }).motionRecorder.acted = true;
  });
  await page.waitForFunction(() => (window as unknown as { motionRecorder: Recorder }).motionRecorder.done);
  const frames = await page.evaluate(() => (window as unknown as { motionRecorder: Recorder }).motionRecorder.frames);
  const distinct = (key: (f: Frame) => string) => new Set(frames.map(key)).size;
  return { positions: distinct((f) => `${f.x},${f.y}`), cameras: distinct((f) => `${f.panX},${f.panY}`) };
}

/** The longest CSS transition or animation on the Source view (which has a turning chevron), in seconds. */
async function longestCssMotion(page: Page) {
  await openApp(page, '?view=source&sel=r:lee-asks-xi-help-with-north-korea&p=3');
  // The Source view loads on demand: measure once it is there, not its loading placeholder.
  await expect(page.getByRole('heading', { level: 2, name: /Lee of South Korea calls on Xi/ })).toBeVisible();
  return page.evaluate(() => {
    const seconds = (v: string) => Math.max(...v.split(',').map((d) => (d.trim().endsWith('ms') ? parseFloat(d) / 1000 : parseFloat(d))));
    let max = 0;
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const cs = getComputedStyle(el, pseudo);
        max = Math.max(max, seconds(cs.transitionDuration), seconds(cs.animationDuration));
      }
    }
    return max;
  });
}

async function switchLayoutAndSelect(page: Page) {
  await openApp(page);
  // Trump sits at the edge in both layouts, so both the layout switch and centring on him move things.
  const layout = await framesDuring(page, 'donald-trump', async () => {
    const before = await page.evaluate(() => performance.getEntriesByName('layout:end').length);
    await page.getByLabel('Layout').selectOption('circle');
    // The recorder stops after half a second without motion: on a busy machine the layout worker
    // can take longer than that to start, and the recording would end before the nodes moved.
    await page.waitForFunction((n) => performance.getEntriesByName('layout:end').length > n, before);
  });
  await page.keyboard.press('/');
  await page.keyboard.insertText('Donald Trump');
  const camera = await framesDuring(page, 'donald-trump', async () => {
    await page.keyboard.press('Enter');
    await expect(detailsHeading(page)).toHaveText('Donald Trump');
  });
  return { layout, camera };
}

// Frames are what these count: beside another worker's tests on a slow 2-core machine a frame can
// take longer than the 300 ms camera move, which then lands in one step. They run alone, after the
// rest (the `alone` project in playwright.config.ts), one after the other.
test.describe('motion, measured alone', { tag: '@alone' }, () => {
  test.describe.configure({ mode: 'serial' });

  test('without a motion preference, a layout switch and a camera move are animated', async ({ page }) => {
    const { layout, camera } = await switchLayoutAndSelect(page);
    // Start, end and at least one frame in between.
    expect(layout.positions).toBeGreaterThanOrEqual(3);
    expect(camera.cameras).toBeGreaterThanOrEqual(3);
    expect(await longestCssMotion(page)).toBeGreaterThan(0.1);
  });

  test.describe('prefers-reduced-motion: reduce', () => {
    test.use({ reducedMotion: 'reduce' });

    test('a layout switch and a camera move jump straight to their end', async ({ page }) => {
      const { layout, camera } = await switchLayoutAndSelect(page);
      // Only where it was and where it ends: no frame in between.
      expect(layout.positions).toBe(2);
      expect(camera.positions).toBe(1);
      expect(camera.cameras).toBe(2);
    });
  });

  test('when the first frame of a layout switch comes late, the nodes jump to their end', async ({ page }) => {
    await openApp(page);
    const first = await page.getByLabel('Layout').inputValue();
    const ends = () => page.evaluate(() => performance.getEntriesByName('layout:end').length);
    const before = await ends();
    await page.getByLabel('Layout').selectOption('circle');
    await page.waitForFunction((n) => performance.getEntriesByName('layout:end').length > n, before);
    await page.waitForTimeout(1000);
    // A slow device, made here: the page is held for 300 ms as soon as the positions arrive, so the
    // animation's next frame comes twice its budget after the move began.
    await page.evaluate(() => {
      const observer = new PerformanceObserver((list) => {
        if (!list.getEntriesByName('layout:end').length) return;
        observer.disconnect();
        const start = performance.now();
        while (performance.now() - start < 300);
      });
      observer.observe({ type: 'mark' });
    });
    const back = await ends();
    const layout = await framesDuring(page, 'donald-trump', async () => {
      await page.getByLabel('Layout').selectOption(first);
      await page.waitForFunction((n) => performance.getEntriesByName('layout:end').length > n, back);
    });
    // Where it was and where it ends, nothing between.
    expect(layout.positions).toBe(2);
  });
});

test.describe('prefers-reduced-motion: reduce', () => {
  test.use({ reducedMotion: 'reduce' });

  test('CSS transitions and animations are switched off', async ({ page }) => {
    expect(await longestCssMotion(page)).toBeLessThanOrEqual(0.001);
  });
});

interface RingCheck {
  what: string;
  visibleFocus: boolean;
  ring: string;
  contrast: number;
}

/**
 * What the focused element shows: its outline (or, for a visually hidden input, its label's),
 * and the contrast of that outline against the background it is drawn on.
 */
function focusRing(): RingCheck | null {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || el === document.body) return null;
  const what = `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
  const box = el.getBoundingClientRect();
  // A visually hidden control (the file input) shows its focus on the label that wraps it.
  const shown = box.width <= 2 || box.height <= 2 ? (el.closest('label') ?? el) : el;
  const cs = getComputedStyle(shown);
  const width = parseFloat(cs.outlineWidth);
  const hasOutline = cs.outlineStyle !== 'none' && width >= 2;
  // Computed colours come as rgb()/rgba() in 0–255, or (from color-mix) as color(srgb …) in 0–1.
  const rgba = (c: string) => {
    const scale = c.startsWith('color(') ? 255 : 1;
    const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return { r: m[0]! * scale, g: m[1]! * scale, b: m[2]! * scale, a: m[3] ?? 1 };
  };
  const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
    const lin = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  // The ring is drawn outside the element unless its offset pulls it in.
  let under: Element | null = parseFloat(cs.outlineOffset) + width <= 0 ? shown : shown.parentElement;
  while (under && rgba(getComputedStyle(under).backgroundColor).a < 0.5) under = under.parentElement;
  const background = rgba(under ? getComputedStyle(under).backgroundColor : 'rgb(255, 255, 255)');
  const ringColour = rgba(hasOutline ? cs.outlineColor : 'rgb(0, 0, 0, 0)');
  const [hi, lo] = [luminance(ringColour), luminance(background)].sort((a, b) => b - a) as [number, number];
  return {
    what,
    visibleFocus: el.matches(':focus-visible'),
    ring: hasOutline ? `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}` : cs.boxShadow !== 'none' ? `shadow ${cs.boxShadow}` : 'none',
    contrast: hasOutline ? Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100 : cs.boxShadow !== 'none' ? Infinity : 0,
  };
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`focus ring, ${colorScheme}`, () => {
    test.use({ colorScheme });
    test(`everything Tab reaches shows a focus ring of at least 3:1 contrast (${colorScheme})`, async ({ page }) => {
      test.setTimeout(90_000);
      const problems: string[] = [];
      let reached = 0;
      for (const search of [
        '?sel=kim-jong-un&focus=1',
        '?view=table&sel=r:south-korea-us-alliance',
        '?view=stances&sel=s:kim-jong-un~nk-talks',
        '?view=source&sel=r:lee-asks-xi-help-with-north-korea&p=3&bogus=1',
      ]) {
        await openApp(page, search);
        // Each walk starts before the page's first control. A view that scrolls its selection into
        // view moves Chromium's starting point for Tab there (150 does, 156 did not), and the walk
        // would begin halfway down the page; leaving the page backwards from the first control
        // puts the next Tab at the top.
        await page.getByRole('combobox', { name: 'Search actors' }).focus();
        await page.keyboard.press('Shift+Tab');
        let first: string | null = null;
        for (let i = 0; i < 250; i++) {
          await page.keyboard.press('Tab');
          const ring = await page.evaluate(focusRing);
          // Past the last element the focus leaves the page; the walk is complete.
          if (ring === null) break;
          const key = `${ring.what}#${i}`;
          if (first === null) first = ring.what;
          else if (ring.what === first) break;
          reached++;
          if (!ring.visibleFocus || ring.ring === 'none' || ring.contrast < 3)
            problems.push(`${search} ${key}: ${ring.visibleFocus ? '' : 'not :focus-visible, '}ring ${ring.ring}, contrast ${ring.contrast}`);
        }
      }
      expect(problems).toEqual([]);
      // The walk really went through the page: search, top actions, filters, tabs, views, details.
      expect(reached).toBeGreaterThan(120);
    });
  });
}
