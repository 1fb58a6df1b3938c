import type { RelationType } from '../data/schema.ts';

export const viewNames = ['graph', 'table', 'stances', 'source'] as const;
export type ViewName = (typeof viewNames)[number];

/** 'preset' draws the positions saved in the dataset; sanitize refuses it for a dataset without any. */
export const layoutNames = ['fcose', 'concentric', 'circle', 'grid', 'breadthfirst', 'preset'] as const;
export type LayoutName = (typeof layoutNames)[number];

export const focusDepths = [1, 2, 3] as const;
export type FocusDepth = (typeof focusDepths)[number];

export const sortColumns = ['source', 'type', 'target', 'topics', 'summary', 'evidence'] as const;
export type SortColumn = (typeof sortColumns)[number];
export interface TableSort {
  column: SortColumn;
  dir: 'asc' | 'desc';
}

export type Selection =
  | { kind: 'actor'; id: string }
  | { kind: 'relation'; id: string }
  | { kind: 'stance'; actor: string; topic: string };

export interface Camera {
  zoom: number;
  x: number;
  y: number;
}

/**
 * Everything a user can see, as plain data. Filters are stored as what is switched *off*,
 * so that a dataset's topics, types and groups are on by default and the plain URL is the
 * default view.
 */
export interface ViewState {
  /** Catalog id (or `local:<hash>`); null means the catalog's first dataset. */
  dataset: string | null;
  hiddenTopics: readonly string[];
  hiddenTypes: readonly RelationType[];
  /** Actor group keys, see `groupOf` in data/dataset-index.ts. */
  hiddenGroups: readonly string[];
  showUnconnected: boolean;
  /** Hide relations that cite no quote (imported graphs carry none). */
  evidenceOnly: boolean;
  selection: Selection | null;
  focus: { actor: string; depth: FocusDepth } | null;
  layout: LayoutName;
  view: ViewName;
  /** Source paragraph highlighted in the Source view (1-based). */
  paragraph: number | null;
  sort: TableSort | null;
  camera: Camera | null;
  /** Text in the search field; kept so a link can reopen a search. */
  search: string;
  /** Compact, read-only presentation for an <iframe> in someone else's page. */
  embed: boolean;
  /** Open step of "Read the story" (1-based); null when the story is closed. */
  step: number | null;
  /** The story keeps earlier steps' relations at full strength. */
  build: boolean;
  /** Appearance: equal shapes and lines, without size by relations and width by weight. */
  plain: boolean;
}

export const defaultViewState: ViewState = Object.freeze({
  dataset: null,
  hiddenTopics: [],
  hiddenTypes: [],
  hiddenGroups: [],
  showUnconnected: false,
  evidenceOnly: false,
  selection: null,
  focus: null,
  layout: 'fcose',
  view: 'graph',
  paragraph: null,
  sort: null,
  camera: null,
  search: '',
  embed: false,
  step: null,
  build: false,
  plain: false,
});
