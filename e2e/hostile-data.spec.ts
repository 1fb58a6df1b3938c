import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { drawn, expect, openApp, screenshot, statusNumbers, test, watchErrors } from './support.ts';

/**
 * A dataset is untrusted input: whatever its text says must appear as that text. This builds
 * the bundled Gyeongju dataset again with a hostile payload in every text field and loads it the
 * way a user does, then walks every view.
 */

interface Evidence {
  paragraph: number;
  quote: string;
}
interface Dataset {
  id: string;
  title: string;
  description: string;
  source: { title: string; publisher?: string; url?: string; paragraphs: string[] };
  topics: { id: string; label: string; description: string }[];
  actors: { id: string; name: string; nativeName?: string; aliases?: string[]; kind: string; role?: string; parent?: string }[];
  relations: { id: string; source: string; target: string; summary: string; evidence: Evidence[] }[];
  stances: { actor: string; topic: string; position: string; summary: string; evidence: Evidence[] }[];
}

const bundled = readFileSync(new URL('../public/data/gyeongju-2025.json', import.meta.url), 'utf8');

// Any of these that ran would open a dialog or break the policy; both fail the test.
const payloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<svg onload=alert(3)>',
  '"><script>alert(4)</script>',
  "'><img src=x onerror=alert(5)>",
  '<iframe src="javascript:alert(6)"></iframe>',
  'javascript:alert(7)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==',
  '<a href="javascript:alert(9)">click me</a>',
  '<body onload=alert(10)>',
  '<details open ontoggle=alert(11)>',
  '<style>*{display:none !important}</style>',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  "{{constructor.constructor('alert(12)')()}}",
  '${alert(13)}',
  '</textarea><script>alert(14)</script>',
  '<![CDATA[ ]]> <!-- comment --> ]]>',
  '&lt;b&gt;not bold&lt;/b&gt; &amp;amp; &#60;i&#62;',
  '\u202Egnp.exe\u202C the right-to-left override',
  '\u2066isolated\u2069 \u2067\u05E2\u05D1\u05E8\u05D9\u05EA\u2069 \u202Dforced LTR\u202C',
  'zero\u200Bwidth\u200Cjoiners\u200D\uFEFFand\u2060marks',
  `Z${'\u0300\u0301\u0302\u0316\u0317'.repeat(12)}algo`,
  '\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 emoji',
  'W'.repeat(1900),
  'line one\nline two\r\n\tindented\u2028separator',
  'a\u0000b\u0007c\u001B[31mansi',
  '\uD83D lone surrogate',
  'a"],node[kind = "state"], edge[type',
  '#lee-jae-myung, node:selected, *',
  '</style><style>body{background:red}</style>',
  '[click](javascript:alert(15)) **bold** _em_',
  '__proto__',
  'constructor',
  '.*+?^${}()|[]\\ (regex)',
  '%3Cscript%3Ealert(16)%3C%2Fscript%3E',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(17)>',
  '<input autofocus onfocus=alert(18)>',
  '<form action=https://evil.example><button>Send</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(19)">',
  '<base href="https://evil.example/">',
  '<object data="data:text/html,<script>alert(20)</script>"></object>',
  '<x onmouseover=alert(21)>hover me</x>',
  "'; DROP TABLE actors; --",
];

// Text the test runner cannot pass through the browser protocol unchanged (a lone surrogate, a NUL):
// the app must still cope with them, but assertions compare other fields.
const awkward = ['\uD83D lone', 'a\u0000b'];
const clean = (text: string | undefined): text is string => !!text && !awkward.some((a) => text.includes(a));

const plain = (text: string) => text.replaceAll('\u200B', '');

const limits = { name: 200, nativeName: 200, alias: 200, role: 300, label: 120, summary: 2000, quote: 2000, title: 300 };
const fit = (text: string, max: number) => [...text].slice(0, max).join('');

/** Every text field of the bundled dataset replaced by payloads, in turn; quotes stay verifiable. */
function hostileDataset() {
  const d = JSON.parse(bundled) as Dataset;
  let k = 0;
  const next = (max: number) => fit(payloads[k++ % payloads.length]!, max);

  d.id = 'hostile';
  d.title = `Hostile ${payloads[0]}`;
  d.description = payloads.join(' ');
  d.source.title = payloads[1]!;
  d.source.publisher = payloads[2]!;
  d.source.url = 'https://example.org/story?a=<script>alert(22)</script>&b="quoted"';
  // Actor names come first so each actor has a different payload as its name.
  d.actors.forEach((a) => (a.name = next(limits.name)));
  d.actors.forEach((a) => {
    a.nativeName = next(limits.nativeName);
    a.aliases = [next(limits.alias), next(limits.alias)];
    a.role = next(limits.role);
  });
  // Short native names and every state's are drawn as SVG images, which must survive characters
  // XML and URI encoding reject (a lone surrogate, control characters).
  d.actors.find((a) => a.kind === 'state')!.nativeName = payloads.find((p) => p.includes(awkward[0]!))!;
  d.actors.find((a) => a.kind === 'person')!.nativeName = '\u0001<&>\uDC00';
  d.actors.find((a) => a.kind !== 'state' && a.kind !== 'person')!.nativeName = '"\'<b>';
  d.topics.forEach((t) => {
    t.label = next(limits.label);
    t.description = next(2000);
  });
  // A quote must be words of the paragraph it cites: append each quote to its paragraph.
  const added = d.source.paragraphs.map(() => [] as string[]);
  const quote = (e: Evidence) => {
    e.quote = next(limits.quote);
    added[e.paragraph - 1]!.push(e.quote);
  };
  d.relations.forEach((r) => {
    r.summary = next(limits.summary);
    r.evidence.forEach(quote);
  });
  d.stances.forEach((s) => {
    s.summary = next(limits.summary);
    s.evidence.forEach(quote);
  });
  d.source.paragraphs = d.source.paragraphs.map((p, i) => [payloads[(i + 5) % payloads.length], p, ...added[i]!].join(' '));
  return d;
}

const asFile = (name: string, content: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });

async function loadHostile(page: Page, d: Dataset) {
  await page.getByLabel('Load dataset').setInputFiles(asFile('hostile.json', JSON.stringify(d)));
  await expect(page.getByRole('status').filter({ hasText: `of ${d.actors.length} actors` })).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/dataset=local:/);
}

/** Nothing in the data became markup: no handlers, no new scripts or frames, no foreign links. */
async function expectInert(page: Page, scripts: number) {
  const found = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      handlers: all.filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).map((el) => el.tagName),
      scripts: document.scripts.length,
      injected: [...document.querySelectorAll('iframe, object, embed, base, form, marquee, math, x, meta[http-equiv="refresh"], body style, body link')].map(
        (el) => el.tagName,
      ),
      links: [...document.querySelectorAll('a[href]')]
        .map((a) => (a as HTMLAnchorElement).href)
        .filter((href) => !['http:', 'https:'].includes(new URL(href).protocol)),
      ran: (window as unknown as { alerted?: boolean }).alerted ?? false,
    };
  });
  expect(found).toEqual({ handlers: [], scripts, injected: [], links: [], ran: false });
}

/** The page still has its three columns (or its stacked phone layout) and no sideways scroll. */
async function expectLayout(page: Page) {
  const viewport = page.viewportSize()!;
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    body: document.body.scrollWidth - window.innerWidth,
  }));
  expect(overflow, 'horizontal overflow of the page').toEqual({ page: 0, body: 0 });
  const panels = [page.getByRole('main'), details(page)];
  if (viewport.width >= 900) panels.push(page.getByRole('complementary', { name: 'Filters' }));
  for (const panel of panels) {
    // Long words wrap inside the panel instead of pushing it sideways (the table and the matrix
    // have their own scrollers, which are allowed).
    const sticking = await panel.evaluate((root) => {
      const edge = root.getBoundingClientRect();
      const inScroller = (el: Element) => {
        for (let p = el.parentElement; p && p !== root; p = p.parentElement)
          if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
        return false;
      };
      return [...root.querySelectorAll('*')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > edge.right + 1 || r.left < edge.left - 1) && getComputedStyle(el).position !== 'absolute' && !inScroller(el);
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 30)}`);
    });
    expect(sticking, `${(await panel.getAttribute('aria-label')) ?? 'main'}: content beyond the panel's edges`).toEqual([]);
    const box = await panel.boundingBox();
    expect(box, 'panel is laid out').not.toBeNull();
    expect(box!.width, 'panel width').toBeGreaterThan(150);
    expect(box!.height, 'panel height').toBeGreaterThan(100);
    expect(box!.x).toBeGreaterThanOrEqual(-1);
    expect(box!.x + box!.width, 'panel inside the viewport').toBeLessThanOrEqual(viewport.width + 1);
  }
}

test.describe('hostile text in every field of a dataset', () => {
  const d = hostileDataset();

  test('the dataset carries at least 30 payloads in every kind of text field', () => {
    expect(new Set(payloads).size).toBeGreaterThanOrEqual(30);
    const fields = [
      d.title,
      d.source.title,
      d.source.publisher,
      ...d.source.paragraphs,
      ...d.topics.flatMap((t) => [t.label, t.description]),
      ...d.actors.flatMap((a) => [a.name, a.nativeName, a.role, ...(a.aliases ?? [])]),
      ...d.relations.map((r) => r.summary),
      ...d.stances.map((s) => s.summary),
      ...[...d.relations, ...d.stances].flatMap((c) => c.evidence.map((e) => e.quote)),
    ];
    const used = new Set(payloads.filter((p) => fields.some((f) => f?.includes(fit(p, 120)))));
    expect(used.size).toBe(payloads.length);
  });

  test('renders as inert text in the graph, details, search, table, matrix and source', async ({ page }, testInfo) => {
    test.setTimeout(90_000);
    const errors = watchErrors(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      window.alert = () => ((window as unknown as { alerted: boolean }).alerted = true);
    });
    await openApp(page);
    const scripts = await page.evaluate(() => document.scripts.length);
    await loadHostile(page, d);
    expect(await statusNumbers(page)).toMatchObject({ totalActors: d.actors.length, totalRelations: d.relations.length });

    // The title bar: text, not markup.
    await expect(page.getByRole('heading', { level: 1 })).toContainText(d.title);

    // The graph draws the names as given (its labels are canvas text).
    const graph = await drawn(page);
    for (const a of d.actors) {
      const node = graph.nodes.find((n) => n.id === a.id);
      expect(node, a.id).toBeDefined();
      // The canvas may add invisible break points (U+200B) and cut a very long name with "…".
      const shown = plain(node!.label.split('\n')[0]!);
      if (shown.endsWith('…')) expect(plain(a.name).startsWith(shown.slice(0, -1)), a.id).toBe(true);
      else expect(shown).toBe(plain(a.name));
    }
    // Hovering each drawn person emphasises its neighbourhood and nothing else happens.
    const region = page.getByRole('region', { name: 'Relationship graph' });
    const box = (await region.boundingBox())!;
    const view = await drawn(page);
    for (const n of view.nodes.filter((node) => node.visible && !view.nodes.some((m) => m.parent === node.id)).slice(0, 8)) {
      const x = box.x + n.x * view.zoom + view.pan.x;
      const y = box.y + n.y * view.zoom + view.pan.y;
      if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) await page.mouse.move(x, y);
    }
    await page.mouse.move(box.x + 5, box.y + 5);
    await expectInert(page, scripts);

    // Tooltips: topic descriptions are title attributes, kept verbatim.
    const topics = page.getByRole('group', { name: 'Topics' });
    for (const t of d.topics.filter((t) => clean(t.label) && clean(t.description)).slice(0, 4)) {
      const label = topics.locator('label.check').filter({ has: page.getByRole('checkbox', { name: t.label, exact: true }) }).first();
      await expect(label).toHaveAttribute('title', t.description);
      await label.hover();
    }

    // Search results list hostile names as text; choosing one fills the details.
    const lee = d.actors.find((a) => a.kind === 'person' && clean(a.name) && clean(a.role) && d.relations.some((r) => r.source === a.id))!;
    const search = page.getByLabel('Search actors');
    await search.fill(lee.name);
    const options = page.getByRole('listbox', { name: 'Matching actors' }).getByRole('option');
    await expect(options.first()).toContainText(lee.name);
    await search.press('Enter');
    await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(lee.name);
    await expect(details(page)).toContainText(lee.role!);
    await expectInert(page, scripts);
    await expectLayout(page);
    await screenshot(page, testInfo, 'hostile-details');

    // A relation's details: its summary and evidence quote verbatim.
    const relation = d.relations.find((r) => clean(r.summary) && clean(r.evidence[0]!.quote) && r.evidence[0]!.quote.includes('<'))!;
    await page.getByRole('tab', { name: 'Table' }).click();
    const table = page.getByRole('region', { name: 'Relations table' });
    await expect(table.locator('tbody tr')).toHaveCount(d.relations.length);
    for (const r of d.relations.filter((r) => clean(r.summary)).slice(0, 6))
      await expect(table.getByRole('button', { name: r.summary, exact: true }).first()).toBeAttached();
    await expectInert(page, scripts);
    await expectLayout(page);
    await screenshot(page, testInfo, 'hostile-table');

    await page.getByRole('tab', { name: 'Stances' }).click();
    const matrix = page.getByRole('region', { name: 'Stance matrix' });
    for (const t of d.topics.filter((t) => clean(t.label) && d.stances.some((s) => s.topic === t.id)).slice(0, 4))
      await expect(matrix.getByRole('columnheader').filter({ hasText: t.label }).first()).toBeAttached();
    const nameOf = (id: string) => d.actors.find((a) => a.id === id)!.name;
    const labelOf = (id: string) => d.topics.find((t) => t.id === id)!.label;
    const stance = d.stances.find((st) => clean(st.summary) && clean(nameOf(st.actor)) && clean(labelOf(st.topic)))!;
    const position = stance.position[0]!.toUpperCase() + stance.position.slice(1);
    await matrix.getByRole('button', { name: `${nameOf(stance.actor)} on ${labelOf(stance.topic)}: ${position}`, exact: true }).click();
    await expect(details(page)).toContainText(stance.summary);
    await expectInert(page, scripts);
    await expectLayout(page);
    await screenshot(page, testInfo, 'hostile-stances');

    // The source view: paragraphs and the marked quote are the hostile text itself.
    await page.getByRole('tab', { name: 'Table' }).click();
    await table.getByRole('button', { name: relation.summary, exact: true }).first().click();
    await expect(details(page)).toContainText(relation.evidence[0]!.quote);
    await details(page).getByRole('button', { name: `¶ ${relation.evidence[0]!.paragraph}`, exact: true }).first().click();
    await expect(page.getByRole('tab', { name: 'Source' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { level: 2, name: d.source.title })).toBeVisible();
    const marks = page.locator(`#para-${relation.evidence[0]!.paragraph} mark`);
    await expect(marks.first()).toBeVisible();
    expect((await marks.allTextContents()).some((text) => text.includes(relation.evidence[0]!.quote))).toBe(true);
    await expect(page.getByRole('link', { name: /Read the original/ })).toHaveAttribute(
      'href',
      'https://example.org/story?a=%3Cscript%3Ealert(22)%3C/script%3E&b=%22quoted%22',
    );
    await expectInert(page, scripts);
    await expectLayout(page);
    await screenshot(page, testInfo, 'hostile-source');

    // The same views on a phone.
    await page.setViewportSize({ width: 375, height: 812 });
    for (const tab of ['Graph', 'Table', 'Stances', 'Source']) {
      await page.getByRole('tab', { name: tab }).click();
      await expectLayout(page);
    }
    await screenshot(page, testInfo, 'hostile-phone-source');

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test.describe('oversized and unsafe values', () => {
  const loadFailure = (page: Page) => page.getByRole('alert').filter({ hasText: 'The file was not loaded.' });
  // The first topic with a stance, so the label also heads a column of the stance matrix.
  const withTopicLabel = (label: string) => {
    const d = JSON.parse(bundled) as Dataset;
    d.id = 'long-label';
    const topic = d.topics.findIndex((t) => d.stances.some((s) => s.topic === t.id));
    d.topics[topic]!.label = label;
    return { d, topic };
  };

  test('a 1 MB topic label is refused with a short message naming the field', async ({ page }) => {
    await openApp(page);
    const before = await statusNumbers(page);
    const url = page.url();
    const label = `<script>alert(1)</script>${'L'.repeat(1024 * 1024)}`;
    const { d, topic } = withTopicLabel(label);
    await page.getByLabel('Load dataset').setInputFiles(asFile('huge-label.json', JSON.stringify(d)));
    await expect(loadFailure(page)).toContainText(`topics[${topic}].label`);
    await expect(loadFailure(page)).toContainText('120');
    // The message names the limit; it does not repeat the megabyte.
    expect(((await loadFailure(page).textContent()) ?? '').length).toBeLessThan(1000);
    expect(await statusNumbers(page)).toEqual(before);
    expect(page.url()).toBe(url);
  });

  test('the longest accepted label (120 characters, unbroken) loads and wraps in place', async ({ page }) => {
    await openApp(page);
    const label = `<b>${'W'.repeat(117)}`;
    expect([...label]).toHaveLength(120);
    const { d } = withTopicLabel(label);
    await page.getByLabel('Load dataset').setInputFiles(asFile('long-label.json', JSON.stringify(d)));
    await expect(page.getByRole('status').filter({ hasText: `of ${d.actors.length} actors` })).toBeVisible({ timeout: 15_000 });
    const checkbox = page.getByRole('group', { name: 'Topics' }).getByRole('checkbox', { name: label, exact: true });
    await expect(checkbox).toBeChecked();
    await expectLayout(page);
    await page.getByRole('tab', { name: 'Stances' }).click();
    await expect(page.getByRole('region', { name: 'Stance matrix' }).getByRole('columnheader').filter({ hasText: label })).toHaveCount(1);
    await expectLayout(page);
  });

  for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '//evil.example/x']) {
    test(`a source link to ${url.slice(0, 16)}… is refused`, async ({ page }) => {
      await openApp(page);
      const d = JSON.parse(bundled) as Dataset;
      d.id = 'bad-url';
      d.source.url = url;
      await page.getByLabel('Load dataset').setInputFiles(asFile('bad-url.json', JSON.stringify(d)));
      await expect(loadFailure(page)).toContainText('source.url');
      await expect(page).not.toHaveURL(/dataset=local/);
    });
  }
});
