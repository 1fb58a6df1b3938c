import { readFileSync } from 'node:fs';
import type { NodeSingular } from 'cytoscape';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, type DatasetIndex } from '../data/dataset-index.ts';
import { relationTypes } from '../data/schema.ts';
import { validateDataset } from '../data/validate.ts';
import { parse, sanitize, serialize } from '../url/view-url.ts';
import { getViewState, update, useViewStore } from '../view/view-store.ts';
import * as act from '../view/view-actions.ts';
import { defaultViewState, focusDepths, layoutNames, sortColumns, viewNames, type ViewState } from '../view/view-state.ts';
import { deriveVisible } from '../view/visible.ts';
import { GraphController } from './controller.ts';
import { toElements } from './elements.ts';
import { layoutRoot } from './layout-query.ts';
import type { Positions } from './layouts.ts';

// Model-based test: random sequences of what a reader can do, applied to the real view store, the
// real link functions and the graph controller in headless Cytoscape, bound the way GraphView
// binds them. After every step: the drawn graph is exactly deriveVisible's, the link round-trips,
// and no filter ran a layout or rebuilt the instance.

const catalogIds = ['gyeongju-2025', 'les-miserables'];
const indexes = new Map<string, DatasetIndex>(
  catalogIds.map((id) => {
    const result = validateDataset(JSON.parse(readFileSync(new URL(`../../public/data/${id}.json`, import.meta.url), 'utf8')));
    if (!result.ok) throw new Error(`${id} is invalid`);
    return [id, buildIndex(result.dataset)];
  }),
);
const elementsOf = new Map([...indexes].map(([id, index]) => [id, toElements(index)]));
// Where the nodes go does not matter here, only when they move: each (dataset, layout, root) gets
// its own cheap, distinct positions instead of a real layout run.
const positionsCache = new Map<string, Positions>();
const positionsFor = (dataset: string, layout: ViewState['layout'], root: string | null) => {
  const key = `${dataset}|${layout}|${root ?? ''}`;
  let p = positionsCache.get(key);
  if (!p) {
    const turn = positionsCache.size;
    const out: Positions = new Map();
    indexes.get(dataset)!.dataset.actors.forEach((a, i) => out.set(a.id, { x: 300 * Math.cos(i + turn), y: 300 * Math.sin(i + turn) }));
    positionsCache.set(key, (p = out));
  }
  return p;
};

type Kind = 'filter' | 'select' | 'layout' | 'other' | 'dataset' | 'history';
interface Action {
  kind: Kind;
  label: string;
  /** The producer, given the dataset on screen; null when the action does not apply there. */
  producer?: (index: DatasetIndex) => act.Producer | null;
  step?: -1 | 1;
}

const pick = <T,>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
const nat = fc.nat(10_000);
const on = fc.boolean();

const actions: fc.Arbitrary<Action>[] = [
  fc.tuple(nat, on).map(([n, o]) => ({ kind: 'filter', label: `topic #${n} ${o}`, producer: (ix) => act.setTopicOn(pick(ix.dataset.topics, n)!.id, o) })),
  fc.tuple(fc.constantFrom(...relationTypes), on).map(([t, o]) => ({ kind: 'filter', label: `type ${t} ${o}`, producer: () => act.setTypeOn(t, o) })),
  fc.tuple(nat, on).map(([n, o]) => ({ kind: 'filter', label: `group #${n} ${o}`, producer: (ix) => act.setGroupOn(pick(ix.groups, n)!.key, o) })),
  on.map((o) => ({ kind: 'filter', label: `all topics ${o}`, producer: (ix) => act.setAllTopics(ix.dataset.topics.map((t) => t.id), o) })),
  on.map((o) => ({ kind: 'filter', label: `all types ${o}`, producer: () => act.setAllTypes(relationTypes, o) })),
  on.map((o) => ({ kind: 'filter', label: `all groups ${o}`, producer: (ix) => act.setAllGroups(ix.groups.map((g) => g.key), o) })),
  on.map((o) => ({ kind: 'filter', label: `unconnected ${o}`, producer: () => act.setShowUnconnected(o) })),
  fc.constant<Action>({ kind: 'filter', label: 'reset', producer: () => act.resetFilters }),
  fc.option(fc.constantFrom(...focusDepths)).map((d) => ({ kind: 'filter', label: `focus ${d}`, producer: () => act.setFocus(d) })),
  fc.tuple(fc.constantFrom('actor', 'relation', 'none'), nat).map(([k, n]) => ({
    kind: 'select',
    label: `select ${k} #${n}`,
    producer: (ix) =>
      act.select(k === 'none' ? null : k === 'actor' ? { kind: 'actor', id: pick(ix.dataset.actors, n)!.id } : { kind: 'relation', id: pick(ix.dataset.relations, n)!.id }),
  })),
  fc.constantFrom(...layoutNames).map((l) => ({ kind: 'layout', label: `layout ${l}`, producer: (ix) => (l === 'preset' && !ix.hasSavedPositions ? null : act.setLayout(l)) })),
  fc.constantFrom(...viewNames).map((v) => ({ kind: 'other', label: `view ${v}`, producer: () => act.setView(v) })),
  fc.constantFrom(...sortColumns).map((c) => ({ kind: 'other', label: `sort ${c}`, producer: () => act.sortBy(c) })),
  fc.constantFrom('', 'kim', 'wi sunglac', '위성락', 'a&b=c#d', ' 100% ', 'Jean Valjean').map((q) => ({ kind: 'other', label: `search ${q}`, producer: () => act.setSearch(q) })),
  fc.constantFrom(...catalogIds).map((d) => ({ kind: 'dataset', label: `dataset ${d}`, producer: () => act.switchDataset(d) })),
  fc.constantFrom<-1 | 1>(-1, 1).map((step) => ({ kind: 'history', label: step < 0 ? 'back' : 'forward', step })),
];

/** The app as the test drives it: the store, the address bar's history, GraphView's binding. */
class App {
  dataset = catalogIds[0]!;
  graph!: GraphController;
  layoutKey = '';
  history = [serialize(defaultViewState)];
  at = 0;
  steps = 0;

  constructor() {
    useViewStore.setState({ state: defaultViewState, change: 'restore' });
    this.mount();
    this.bind();
  }

  get index() {
    return indexes.get(this.dataset)!;
  }

  /** GraphView's mount effect: one controller per dataset. */
  mount() {
    this.graph?.destroy();
    this.graph = new GraphController({ elements: elementsOf.get(this.dataset)!, container: null, headless: true, scheme: 'light', fast: false });
    this.layoutKey = '';
  }

  /** GraphView's effects, one per input, as they run after a render. */
  bind() {
    const state = getViewState();
    const dataset = state.dataset ?? catalogIds[0]!;
    if (dataset !== this.dataset) {
      this.dataset = dataset;
      this.mount();
    }
    this.graph.setVisible(deriveVisible(this.index, state));
    this.graph.setSelection(state.selection);
    const root = layoutRoot(state.layout, state.selection, this.index);
    const key = `${state.layout}|${root ?? ''}`;
    if (key !== this.layoutKey) {
      this.layoutKey = key;
      this.graph.setPositions(positionsFor(dataset, state.layout, root), { animate: true, fit: true });
    }
  }

  perform(action: Action): boolean {
    if (action.step) {
      const to = this.at + action.step;
      if (to < 0 || to >= this.history.length) return false;
      this.at = to;
      // Back and forward re-read the link and re-check it against the dataset it names.
      const { state } = parse(this.history[to]!);
      const index = indexes.get(state.dataset ?? catalogIds[0]!)!;
      useViewStore.setState({ state: sanitize(state, index, catalogIds).state, change: 'restore' });
    } else {
      const producer = action.producer!(this.index);
      if (!producer) return false;
      update(producer);
      if (action.kind === 'dataset') useViewStore.setState({ state: sanitize(getViewState(), indexes.get(getViewState().dataset!)!, catalogIds).state, change: 'restore' });
      const search = serialize(getViewState());
      if (search !== this.history[this.at]) {
        this.history = [...this.history.slice(0, this.at + 1), search];
        this.at += 1;
      }
    }
    this.bind();
    this.steps += 1;
    return true;
  }
}

const sorted = <T extends string>(list: readonly T[]) => [...list].sort();
const canonical = (s: ViewState): ViewState => ({ ...s, hiddenTopics: sorted(s.hiddenTopics), hiddenTypes: sorted(s.hiddenTypes), hiddenGroups: sorted(s.hiddenGroups) });

class Step implements fc.Command<object, App> {
  constructor(readonly action: Action) {}
  check = () => true;
  run(_: object, app: App) {
    const before = { instance: app.graph.instance, runs: app.graph.layoutRuns, key: app.layoutKey };
    if (!app.perform(this.action)) return;
    const state = getViewState();
    const cy = app.graph.instance!;

    // What is drawn is what deriveVisible says, element for element.
    const visible = deriveVisible(app.index, state);
    // Read from the classes the controller set (the stylesheet gives \`hidden\` display: none, which
    // hides a state's members too, and an edge whose end is not drawn): cheaper than asking
    // headless Cytoscape for computed styles, ten thousand times.
    const shown = (n: NodeSingular) => !n.hasClass('hidden') && n.ancestors('.hidden').empty();
    const drawnActors = new Set(cy.nodes().filter(shown).map((n) => n.id()));
    const drawnRelations = new Set(cy.edges().filter((e) => !e.hasClass('hidden') && shown(e.source()) && shown(e.target())).map((e) => e.id()));
    expect(drawnActors, `${this.action.label}: actors`).toEqual(visible.actorIds);
    expect(drawnRelations, `${this.action.label}: relations`).toEqual(visible.relationIds);

    // The link holds the whole view (its lists in the link's canonical, sorted order).
    const reread = parse(serialize(state));
    expect(reread.problems, this.action.label).toEqual([]);
    expect(reread.state, this.action.label).toEqual(canonical(state));

    // Filters, selection and the rest patch classes; only a new layout (or root) moves the nodes.
    if (this.action.kind !== 'dataset' && this.action.kind !== 'history') {
      expect(app.graph.instance === before.instance, `${this.action.label}: the same instance`).toBe(true);
      const moved = app.layoutKey !== before.key ? 1 : 0;
      expect(app.graph.layoutRuns, this.action.label).toBe(before.runs + moved);
      if (this.action.kind === 'filter' || this.action.kind === 'other') expect(moved, this.action.label).toBe(0);
    }
  }
  toString() {
    return this.action.label;
  }
}

describe('random reader sessions (model-based)', () => {
  it('keep the drawing, the link and the layout count consistent over at least 10,000 actions', () => {
    let total = 0;
    // fast-check's report carries the App (and its Cytoscape instance); Vitest would try to
    // serialise it whole. The message names the failing steps.
    const report = (e: unknown) => {
      const cause = e instanceof Error && e.cause instanceof Error ? `\n${e.cause.message.slice(0, 3000)}` : '';
      return new Error(e instanceof Error ? `${e.message.slice(0, 2000)}${cause}` : String(e));
    };
    try {
    fc.assert(
      fc.property(fc.commands(actions.map((a) => a.map((action) => new Step(action))), { maxCommands: Number(process.env.MODEL_COMMANDS ?? 250), size: 'max' }), (commands) => {
        const app = new App();
        try {
          fc.modelRun(() => ({ model: {}, real: app }), commands);
        } finally {
          total += app.steps;
          app.graph.destroy();
        }
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 100), seed: 20251101 },
    );
    } catch (e) {
      throw report(e);
    }
    expect(total).toBeGreaterThanOrEqual(10_000);
  }, 600_000);
});
