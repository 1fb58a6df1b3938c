import type { RelationType } from '../data/schema.ts';
import type { Camera, FocusDepth, LayoutName, Selection, SortColumn, ViewName, ViewState } from './view-state.ts';
import { defaultViewState } from './view-state.ts';

/** Pure producers: each returns a function from the old view state to the new one. */
export type Producer = (s: ViewState) => ViewState;

const toggled = <T>(list: readonly T[], item: T, hidden: boolean): T[] =>
  hidden ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);

export const setTopicOn =
  (topic: string, on: boolean): Producer =>
  (s) => ({ ...s, hiddenTopics: toggled(s.hiddenTopics, topic, !on) });

export const setTypeOn =
  (type: RelationType, on: boolean): Producer =>
  (s) => ({ ...s, hiddenTypes: toggled(s.hiddenTypes, type, !on) });

export const setGroupOn =
  (group: string, on: boolean): Producer =>
  (s) => ({ ...s, hiddenGroups: toggled(s.hiddenGroups, group, !on) });

export const setAllTopics =
  (all: readonly string[], on: boolean): Producer =>
  (s) => ({ ...s, hiddenTopics: on ? [] : [...all] });

export const setAllTypes =
  (all: readonly RelationType[], on: boolean): Producer =>
  (s) => ({ ...s, hiddenTypes: on ? [] : [...all] });

export const setAllGroups =
  (all: readonly string[], on: boolean): Producer =>
  (s) => ({ ...s, hiddenGroups: on ? [] : [...all] });

export const setShowUnconnected =
  (on: boolean): Producer =>
  (s) => ({ ...s, showUnconnected: on });

export const setEvidenceOnly =
  (on: boolean): Producer =>
  (s) => ({ ...s, evidenceOnly: on });

export const resetFilters: Producer = (s) => ({
  ...s,
  hiddenTopics: [],
  hiddenTypes: [],
  hiddenGroups: [],
  showUnconnected: false,
  evidenceOnly: false,
  focus: null,
});

const sameSelection = (a: Selection | null, b: Selection | null) => JSON.stringify(a) === JSON.stringify(b);

export const select =
  (selection: Selection | null): Producer =>
  (s) => (sameSelection(s.selection, selection) ? s : { ...s, selection });

/** Focus follows the selected actor; focusing nothing (or a relation) clears it. */
export const setFocus =
  (depth: FocusDepth | null): Producer =>
  (s) =>
    depth !== null && s.selection?.kind === 'actor'
      ? { ...s, focus: { actor: s.selection.id, depth } }
      : depth !== null && s.focus
        ? { ...s, focus: { ...s.focus, depth } }
        : { ...s, focus: null };

export const clearFocus: Producer = (s) => ({ ...s, focus: null });

export const setLayout =
  (layout: LayoutName): Producer =>
  (s) => ({ ...s, layout });

export const setPlain =
  (plain: boolean): Producer =>
  (s) => ({ ...s, plain });

export const setView =
  (view: ViewName): Producer =>
  (s) => ({ ...s, view });

export const showParagraph =
  (paragraph: number): Producer =>
  (s) => ({ ...s, view: 'source', paragraph });

export const sortBy =
  (column: SortColumn): Producer =>
  (s) => ({
    ...s,
    sort: s.sort?.column === column ? { column, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' } : { column, dir: 'asc' },
  });

export const setCamera =
  (camera: Camera | null): Producer =>
  (s) => ({ ...s, camera });

export const setSearch =
  (search: string): Producer =>
  (s) => ({ ...s, search });

/** Switching dataset starts from the default view of the new one. */
export const switchDataset =
  (dataset: string | null): Producer =>
  (s) => ({ ...defaultViewState, dataset, layout: s.layout, embed: s.embed });

/** The story is read on the graph, so opening it (or moving to a step) shows the graph. */
export const goToStep =
  (step: number): Producer =>
  (s) => (s.step === step && s.view === 'graph' ? s : { ...s, step, view: 'graph' });

export const openStory: Producer = goToStep(1);

/** Closing puts back the tab and selection the reader had when the story opened. */
export const closeStory =
  (before: Pick<ViewState, 'view' | 'selection'> | null = null): Producer =>
  (s) => ({ ...s, step: null, build: false, ...(before ? { view: before.view, selection: before.selection } : {}) });

export const setBuild =
  (build: boolean): Producer =>
  (s) => ({ ...s, build });
