import type { Collection, Core, SingularElementArgument, NodeSingular } from 'cytoscape';
import type { Visible } from '../view/visible.ts';
import type { Selection } from '../view/view-state.ts';

// The two patches every filter or selection change makes. They live apart from the component so
// the benchmark's bare Cytoscape page performs exactly the same Cytoscape work as the app.

/**
 * The elements whose visibility differs from `visible`, in one pass over the graph: actors first,
 * so relations appear with their ends when they are shown a slice at a time.
 */
export function visibilityChanges(cy: Core, visible: Pick<Visible, 'actorIds' | 'relationIds'>): SingularElementArgument[] {
  const changed: SingularElementArgument[] = [];
  cy.nodes().forEach((n) => {
    if (visible.actorIds.has(n.id()) === n.hasClass('hidden')) changed.push(n);
  });
  cy.edges().forEach((e) => {
    if (visible.relationIds.has(e.id()) === e.hasClass('hidden')) changed.push(e);
  });
  return changed;
}

/**
 * Paints visibility: only elements whose state changes are touched, all in one batch. A caller
 * that has just found the changes passes them, so the graph is not searched twice.
 */
export function applyVisible(cy: Core, visible: Pick<Visible, 'actorIds' | 'relationIds'>, changed: readonly SingularElementArgument[] = visibilityChanges(cy, visible)) {
  cy.batch(() => {
    for (const el of changed) el.toggleClass('hidden', !(el.isNode() ? visible.actorIds : visible.relationIds).has(el.id()));
  });
}

/** Selection (or hover) emphasises an element and its neighbours and fades the rest. */
export function applyHighlight(cy: Core, selection: Selection | null, hover: string | null) {
  const idOf = (sel: Selection | null) => (sel === null ? null : sel.kind === 'stance' ? sel.actor : sel.id);
  const chosenId = idOf(selection);
  const chosen = chosenId === null ? cy.collection() : cy.getElementById(chosenId);
  const focusEl = hover !== null ? cy.getElementById(hover) : chosen;
  let keep: Collection | null = null;
  if (!focusEl.empty() && !focusEl.hasClass('hidden')) {
    if (focusEl.isEdge()) keep = focusEl.union(focusEl.connectedNodes());
    else {
      const node = focusEl as NodeSingular;
      const edges = node.connectedEdges().filter((e) => !e.hasClass('hidden'));
      keep = node.union(edges).union(edges.connectedNodes());
    }
    keep = keep.union(keep.nodes().ancestors());
  }
  const emphasis = keep === null ? cy.collection() : keep.filter((e) => e.isEdge());
  // Everything outside `keep` fades, so on a 5,000-actor graph the faded set is nearly every
  // element: one pass that compares each element's classes with what it should have costs far
  // less than building and diffing collections of 25,000 elements for each class.
  const add = { chosen: cy.collection(), emphasis: cy.collection(), faded: cy.collection() };
  const remove = { chosen: cy.collection(), emphasis: cy.collection(), faded: cy.collection() };
  // `merge` grows the collection in place, so each changing element costs one insertion.
  const want = (cls: Emphasis, e: SingularElementArgument, on: boolean) => {
    if (on !== e.hasClass(cls)) (on ? add : remove)[cls].merge(e);
  };
  // Sets of ids: on 25,000 headless elements a string lookup brought a selection or hover change
  // from 170–220 ms to 8–12 ms; a collection's `has` was most of the difference.
  const ids = (c: Collection) => new Set(c.map((e) => e.id()));
  const chosenIds = ids(chosen);
  const emphasisIds = ids(emphasis);
  const keepIds = keep === null ? null : ids(keep);
  cy.elements().forEach((e) => {
    const id = e.id();
    want('chosen', e, chosenIds.has(id));
    want('emphasis', e, emphasisIds.has(id));
    want('faded', e, keepIds !== null && !keepIds.has(id));
  });
  // Only elements whose classes change are touched: Cytoscape restyles every element a class is
  // added to or removed from, whether it had the class or not, and clearing a class from all
  // 20,000 elements of a large graph restyled them all on every hover.
  cy.batch(() => {
    for (const cls of emphasisClasses) {
      if (remove[cls].nonempty()) remove[cls].removeClass(cls);
      if (add[cls].nonempty()) add[cls].addClass(cls);
    }
  });
}

const emphasisClasses = ['chosen', 'emphasis', 'faded'] as const;
type Emphasis = (typeof emphasisClasses)[number];
