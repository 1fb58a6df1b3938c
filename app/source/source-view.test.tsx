import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import { validateDataset } from '../data/validate.ts';
import { defaultViewState, type ViewState } from '../view/view-state.ts';

// Server rendering reads a zustand store's initial state, so tests feed the view state directly.
const view: { state: ViewState } = { state: defaultViewState };
vi.mock('../view/view-store.ts', () => ({
  useView: <T,>(pick: (s: ViewState) => T) => pick(view.state),
  update: vi.fn(),
}));
const { SourceView } = await import('./source-view.tsx');

const result = validateDataset(JSON.parse(readFileSync(new URL('../../public/data/gyeongju-2025.json', import.meta.url), 'utf8')));
if (!result.ok) throw new Error('bundled dataset is invalid');
const index = buildIndex(result.dataset);

function render(patch: Partial<ViewState>) {
  view.state = { ...defaultViewState, view: 'source', ...patch };
  return renderToStaticMarkup(<SourceView index={index} />);
}

/** The markup of paragraph n's list item. */
const paragraph = (html: string, n: number) => html.slice(html.indexOf(`id="para-${n}"`), html.indexOf(`id="para-${n + 1}"`) >>> 0);

describe('SourceView', () => {
  beforeEach(() => {
    view.state = defaultViewState;
  });

  it('lists every paragraph with its marker and claim count', () => {
    const html = render({});
    for (let n = 1; n <= index.dataset.source.paragraphs.length; n++) expect(html).toContain(`id="para-${n}"`);
    expect(html).toContain('<span class="para-marker">¶ 1</span>');
    expect(html).toMatch(/aria-expanded="false"[^>]*>Supports \d+ claims/);
    expect(html).not.toContain('<mark>');
    expect(html).not.toContain('aria-current');
  });

  it('marks the selected relation’s quotes in the current paragraph', () => {
    const html = render({ selection: { kind: 'relation', id: 'lee-xi-gyeongju-summit' }, paragraph: 1 });
    const p1 = paragraph(html, 1);
    expect(p1).toContain('aria-current="true"');
    expect(p1).toContain('<mark>using their summit in Gyeongju</mark>');
    expect(p1).toContain('<mark>The meeting marked Xi’s first trip to South Korea in more than a decade</mark>');
    expect(paragraph(html, 9)).toContain('cited');
    expect(paragraph(html, 2)).not.toContain('<mark>');
    expect(html).toContain('Previous cited paragraph');
  });

  it('marks every quote of an actor and tags the paragraphs it cites', () => {
    const html = render({ selection: { kind: 'actor', id: 'kim-jong-un' } });
    expect(html).toContain('cited-tag');
    expect(html).toContain('<mark>');
  });

  it('finds every quote of the dataset in its paragraph', () => {
    for (const r of index.dataset.relations) {
      const html = render({ selection: { kind: 'relation', id: r.id } });
      for (const e of r.evidence) expect(paragraph(html, e.paragraph)).toContain(`<mark>`);
    }
  });

  it('copes with a paragraph outside the source', () => {
    expect(render({ paragraph: 99 })).toContain('Paragraph 99 is not in this source');
  });

  it('links to the original only at an http(s) address', () => {
    const withUrl = (url: string | undefined) => {
      view.state = { ...defaultViewState, view: 'source' };
      const dataset = { ...index.dataset, source: { ...index.dataset.source, url } };
      return renderToStaticMarkup(<SourceView index={buildIndex(dataset)} />);
    };
    expect(withUrl('https://example.org/story?a=1&b=2')).toContain('href="https://example.org/story?a=1&amp;b=2"');
    // The schema refuses these already; the view must not rely on that.
    for (const url of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>', '/relative', undefined]) {
      const html = withUrl(url);
      expect(html, String(url)).not.toContain('Read the original');
      expect(html, String(url)).not.toMatch(/href="[^"]*script:/i);
    }
  });
});
