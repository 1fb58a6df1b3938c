import { describe, expect, it } from 'vitest';
import { relationTypes } from '../data/schema.ts';
import {
  clearFocus,
  resetFilters,
  select,
  setAllGroups,
  setAllTopics,
  setAllTypes,
  setCamera,
  setFocus,
  setGroupOn,
  setLayout,
  setSearch,
  setShowUnconnected,
  setTopicOn,
  setTypeOn,
  setView,
  showParagraph,
  sortBy,
  switchDataset,
  type Producer,
} from './view-actions.ts';
import { defaultViewState, type ViewState } from './view-state.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A busy state, deeply frozen, so that any mutation throws (test files run in strict mode). */
function busy(): ViewState {
  return deepFreeze<ViewState>({
    ...defaultViewState,
    dataset: 'gyeongju-2025',
    hiddenTopics: ['trade'],
    hiddenTypes: ['tension'],
    hiddenGroups: ['cn'],
    showUnconnected: true,
    selection: { kind: 'actor', id: 'xi' },
    focus: { actor: 'lee', depth: 2 },
    layout: 'circle',
    view: 'table',
    paragraph: 3,
    sort: { column: 'type', dir: 'asc' },
    camera: { zoom: 2, x: 10, y: -5 },
    search: 'xi',
  });
}

/** Applies the producer to a frozen state and checks the input did not change. */
function apply(p: Producer, s: ViewState = busy()): ViewState {
  const before = structuredClone(s);
  const out = p(s);
  expect(s).toEqual(before);
  return out;
}

describe('view actions are pure', () => {
  const producers: [string, Producer][] = [
    ['setTopicOn', setTopicOn('security', false)],
    ['setTopicOn', setTopicOn('trade', true)],
    ['setTypeOn', setTypeOn('alliance', false)],
    ['setGroupOn', setGroupOn('cn', true)],
    ['setAllTopics', setAllTopics(['trade', 'security'], false)],
    ['setAllTypes', setAllTypes(relationTypes, true)],
    ['setAllGroups', setAllGroups(['kr', 'cn'], false)],
    ['setShowUnconnected', setShowUnconnected(false)],
    ['resetFilters', resetFilters],
    ['select', select({ kind: 'relation', id: 'r1' })],
    ['setFocus', setFocus(1)],
    ['setFocus', setFocus(null)],
    ['clearFocus', clearFocus],
    ['setLayout', setLayout('grid')],
    ['setView', setView('stances')],
    ['showParagraph', showParagraph(2)],
    ['sortBy', sortBy('type')],
    ['setCamera', setCamera(null)],
    ['setSearch', setSearch('wang')],
    ['switchDataset', switchDataset('les-miserables')],
  ];
  it.each(producers)('%s leaves its input unchanged', (_name, p) => {
    expect(() => apply(p)).not.toThrow();
    expect(p(busy())).not.toBe(undefined);
  });

  it('does not share mutable filter lists with the input', () => {
    const s = busy();
    const out = setTopicOn('security', false)(s);
    expect(out.hiddenTopics).not.toBe(s.hiddenTopics);
    expect(s.hiddenTopics).toEqual(['trade']);
  });
});

describe('filter toggles', () => {
  it('switches a topic off and on', () => {
    const off = apply(setTopicOn('security', false));
    expect(off.hiddenTopics).toEqual(['trade', 'security']);
    const on = apply(setTopicOn('trade', true), off);
    expect(on.hiddenTopics).toEqual(['security']);
    // Idempotent either way.
    expect(apply(setTopicOn('security', false), off).hiddenTopics).toEqual(['trade', 'security']);
    expect(apply(setTopicOn('climate', true)).hiddenTopics).toEqual(['trade']);
  });

  it('switches a relation type off and on', () => {
    expect(apply(setTypeOn('alliance', false)).hiddenTypes).toEqual(['tension', 'alliance']);
    expect(apply(setTypeOn('tension', true)).hiddenTypes).toEqual([]);
    expect(apply(setTypeOn('tension', false)).hiddenTypes).toEqual(['tension']);
  });

  it('switches a group off and on', () => {
    expect(apply(setGroupOn('kr', false)).hiddenGroups).toEqual(['cn', 'kr']);
    expect(apply(setGroupOn('cn', true)).hiddenGroups).toEqual([]);
  });

  it('leaves the other filters alone', () => {
    const out = apply(setTopicOn('security', false));
    expect(out.hiddenTypes).toEqual(['tension']);
    expect(out.hiddenGroups).toEqual(['cn']);
    expect(out.focus).toEqual({ actor: 'lee', depth: 2 });
  });

  it('All and None', () => {
    expect(apply(setAllTopics(['trade', 'security'], false)).hiddenTopics).toEqual(['trade', 'security']);
    expect(apply(setAllTopics(['trade', 'security'], true)).hiddenTopics).toEqual([]);
    expect(apply(setAllTypes(relationTypes, false)).hiddenTypes).toEqual([...relationTypes]);
    expect(apply(setAllTypes(relationTypes, true)).hiddenTypes).toEqual([]);
    expect(apply(setAllGroups(['kr', 'cn', '_none'], false)).hiddenGroups).toEqual(['kr', 'cn', '_none']);
    expect(apply(setAllGroups(['kr', 'cn', '_none'], true)).hiddenGroups).toEqual([]);
  });

  it('setShowUnconnected', () => {
    expect(apply(setShowUnconnected(false)).showUnconnected).toBe(false);
    expect(apply(setShowUnconnected(true), defaultViewState).showUnconnected).toBe(true);
  });

  it('resetFilters clears filters and focus, and keeps the rest', () => {
    const out = apply(resetFilters);
    expect(out).toEqual({
      ...busy(),
      hiddenTopics: [],
      hiddenTypes: [],
      hiddenGroups: [],
      showUnconnected: false,
      focus: null,
    });
  });
});

describe('selection and focus', () => {
  it('select replaces the selection, and keeps the state when nothing changes', () => {
    expect(apply(select({ kind: 'relation', id: 'r1' })).selection).toEqual({ kind: 'relation', id: 'r1' });
    expect(apply(select(null)).selection).toBeNull();
    const s = busy();
    expect(select({ kind: 'actor', id: 'xi' })(s)).toBe(s);
  });

  it('setFocus focuses the selected actor at the given depth', () => {
    expect(apply(setFocus(1)).focus).toEqual({ actor: 'xi', depth: 1 });
    expect(apply(setFocus(3), { ...busy(), focus: null }).focus).toEqual({ actor: 'xi', depth: 3 });
  });

  it('setFocus without a selected actor only changes the depth of the current focus', () => {
    const relationSelected = deepFreeze<ViewState>({ ...busy(), selection: { kind: 'relation', id: 'r1' } });
    expect(apply(setFocus(3), relationSelected).focus).toEqual({ actor: 'lee', depth: 3 });
    const nothing = deepFreeze<ViewState>({ ...busy(), selection: null, focus: null });
    expect(apply(setFocus(2), nothing).focus).toBeNull();
  });

  it('setFocus(null) and clearFocus clear the focus', () => {
    expect(apply(setFocus(null)).focus).toBeNull();
    expect(apply(clearFocus).focus).toBeNull();
    expect(apply(setFocus(null)).selection).toEqual({ kind: 'actor', id: 'xi' });
  });
});

describe('views, table and dataset', () => {
  it('sortBy sorts ascending on a new column and toggles the direction on the same one', () => {
    const s0 = deepFreeze<ViewState>({ ...busy(), sort: null });
    const s1 = apply(sortBy('source'), s0);
    expect(s1.sort).toEqual({ column: 'source', dir: 'asc' });
    const s2 = apply(sortBy('source'), deepFreeze(s1));
    expect(s2.sort).toEqual({ column: 'source', dir: 'desc' });
    const s3 = apply(sortBy('source'), deepFreeze(s2));
    expect(s3.sort).toEqual({ column: 'source', dir: 'asc' });
    expect(apply(sortBy('summary'), deepFreeze(s2)).sort).toEqual({ column: 'summary', dir: 'asc' });
  });

  it('sets layout, view, paragraph, camera and search', () => {
    expect(apply(setLayout('grid')).layout).toBe('grid');
    expect(apply(setView('stances')).view).toBe('stances');
    const para = apply(showParagraph(2));
    expect(para.view).toBe('source');
    expect(para.paragraph).toBe(2);
    expect(apply(setCamera({ zoom: 1, x: 0, y: 0 })).camera).toEqual({ zoom: 1, x: 0, y: 0 });
    expect(apply(setSearch('wang')).search).toBe('wang');
  });

  it('switchDataset starts from the default view, keeping only the layout', () => {
    expect(apply(switchDataset('les-miserables'))).toEqual({ ...defaultViewState, dataset: 'les-miserables', layout: 'circle' });
    expect(apply(switchDataset(null))).toEqual({ ...defaultViewState, layout: 'circle' });
  });
});
