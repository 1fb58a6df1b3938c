import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import { validateDataset } from '../data/validate.ts';
import { defaultViewState, type ViewState } from '../view/view-state.ts';
import { deriveVisible } from '../view/visible.ts';

// Server rendering reads a zustand store's initial state, so tests feed the view state directly.
const view: { state: ViewState } = { state: defaultViewState };
vi.mock('../view/view-store.ts', () => ({
  useView: <T,>(pick: (s: ViewState) => T) => pick(view.state),
  update: vi.fn(),
}));
const { DetailsPanel } = await import('./details-panel.tsx');
const { selectionDetails } = await import('./selection-details.tsx');

const result = validateDataset(JSON.parse(readFileSync(new URL('../../public/data/gyeongju-2025.json', import.meta.url), 'utf8')));
if (!result.ok) throw new Error('bundled dataset is invalid');
const index = buildIndex(result.dataset);

const escaped = (text: string) => renderToStaticMarkup(<>{text}</>);

const loading = '<p class="muted" role="status">Loading the details…</p>';

/** The panel's markup as a reader sees it once the selection's details (loaded after its first render) are in. */
function render(patch: Partial<ViewState>) {
  view.state = { ...defaultViewState, ...patch };
  const visible = deriveVisible(index, view.state);
  const panel = renderToStaticMarkup(<DetailsPanel index={index} visible={visible} />);
  const { selection } = view.state;
  if (selection === null) return panel;
  expect(panel).toContain(loading);
  return panel.replace(loading, renderToStaticMarkup(<>{selectionDetails(index, visible, selection)}</>));
}

describe('DetailsPanel', () => {
  beforeEach(() => {
    view.state = defaultViewState;
  });

  it('introduces the dataset when nothing is selected', () => {
    const html = render({});
    expect(html).toContain('<aside aria-label="Details" class="details-panel">');
    expect(html).toContain('<h2 tabindex="-1">Details</h2>');
    expect(html).toContain('Lee–Xi summit in Gyeongju (2025)');
    expect(html).toContain('1 November 2025');
    expect(html).not.toContain('Clear selection');
  });

  it('says the details are loading, with the way back, before their code has arrived', () => {
    view.state = { ...defaultViewState, selection: { kind: 'actor', id: 'lee-jae-myung' } };
    const html = renderToStaticMarkup(<DetailsPanel index={index} visible={deriveVisible(index, view.state)} />);
    expect(html).toContain('Clear selection');
    expect(html).toContain(loading);
    expect(html).not.toContain('Lee Jae Myung');
  });

  it('shows an actor with stances, relations by type and focus controls', () => {
    const html = render({ selection: { kind: 'actor', id: 'lee-jae-myung' } });
    expect(html).toContain('<h2 tabindex="-1">Lee Jae Myung</h2>');
    expect(html).toContain('lang="ko"');
    expect(html).toContain('Clear selection');
    expect(html).toContain('role="group" aria-label="Focus"');
    expect(html).toContain('<legend>Depth (hops)</legend>');
    expect(html).toMatch(/<button[^>]*>¶ 3<\/button>/);
    expect(html).toContain('>Dialogue</span></h4>');
    expect(html).not.toContain('Clear focus');
    expect(html).not.toContain('(hidden by filters)');
  });

  it('marks relations hidden by filters and shows an active focus', () => {
    const html = render({
      selection: { kind: 'actor', id: 'lee-jae-myung' },
      hiddenTypes: ['dialogue'],
      focus: { actor: 'lee-jae-myung', depth: 2 },
    });
    expect(html).toContain('(hidden by filters)');
    expect(html).toContain('Clear focus');
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*value="2"/);
  });

  it('shows a Chinese native name in Chinese', () => {
    expect(render({ selection: { kind: 'actor', id: 'xi-jinping' } })).toContain('lang="zh"');
  });

  it('shows a relation with its ends, direction and evidence', () => {
    const directed = render({ selection: { kind: 'relation', id: 'lee-asks-xi-help-with-north-korea' } });
    expect(directed).toContain('<h2 tabindex="-1">Lee Jae Myung → Xi Jinping</h2>');
    expect(directed).toContain('Directed: Lee Jae Myung acts towards Xi Jinping');
    expect(directed).toMatch(/<button[^>]*>¶ 9<\/button>/);
    const mutual = render({ selection: { kind: 'relation', id: 'lee-xi-gyeongju-summit' } });
    expect(mutual).toContain('<h2 tabindex="-1">Lee Jae Myung ↔ Xi Jinping</h2>');
    expect(mutual).toContain('Mutual');
  });

  it('shows a stance', () => {
    const html = render({ selection: { kind: 'stance', actor: 'lee-jae-myung', topic: 'nk-talks' } });
    expect(html).toContain('<h2 tabindex="-1">Lee Jae Myung on North Korea talks</h2>');
    expect(html).toContain('Open Lee Jae Myung');
  });

  it('links the codebook from the dataset card, relative to the page', () => {
    expect(render({ selection: null })).toContain('<a href="data/CODEBOOK.md">Codebook</a>');
  });

  it('says so when the selection is not in the dataset', () => {
    for (const selection of [
      { kind: 'actor', id: 'nobody' },
      { kind: 'relation', id: 'nothing' },
      { kind: 'stance', actor: 'lee-jae-myung', topic: 'nothing' },
    ] as const)
      expect(render({ selection })).toContain('This item is not in the dataset.');
  });

  it('renders every actor, relation and stance of the dataset', () => {
    for (const a of index.dataset.actors) expect(render({ selection: { kind: 'actor', id: a.id } })).toContain(escaped(a.name));
    for (const r of index.dataset.relations) expect(render({ selection: { kind: 'relation', id: r.id } })).toContain(escaped(r.summary));
    for (const s of index.dataset.stances)
      expect(render({ selection: { kind: 'stance', actor: s.actor, topic: s.topic } })).toContain(escaped(s.summary));
  });
});
