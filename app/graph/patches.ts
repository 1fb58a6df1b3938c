import type { Collection, Core, NodeSingular } from 'cytoscape';
import type { Visible } from '../view/visible.ts';
import type { Selection } from '../view/view-state.ts';

// The two patches every filter or selection change makes. They live apart from the component so
// the benchmark's bare Cytoscape page performs exactly the same Cytoscape work as the app.

/** Paints visibility: only elements whose state changes are touched, all in one batch. */
export function applyVisible(cy: Core, visible: Pick<Visible, 'actorIds' | 'relationIds'>) {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const hide = !visible.actorIds.has(n.id());
      if (hide !== n.hasClass('hidden')) n.toggleClass('hidden', hide);
    });
    cy.edges().forEach((e) => {
      const hide = !visible.relationIds.has(e.id());
      if (hide !== e.hasClass('hidden')) e.toggleClass('hidden', hide);
    });
  });
}

/** Selection (or hover) emphasises an element and its neighbours and fades the rest. */
export function applyHighlight(cy: Core, selection: Selection | null, hover: string | null) {
  const idOf = (sel: Selection | null) => (sel === null ? null : sel.kind === 'stance' ? sel.actor : sel.id);
  const chosenId = idOf(selection);
  const chosen = chosenId === null ? cy.collection() : cy.getElementById(chosenId);
  const focusEl = hover !== null ? cy.getElementById(hover) : chosen;
  let emphasis: Collection = cy.collection();
  let faded: Collection = cy.collection();
  if (!focusEl.empty() && !focusEl.hasClass('hidden')) {
    let keep: Collection;
    if (focusEl.isEdge()) keep = focusEl.union(focusEl.connectedNodes());
    else {
      const node = focusEl as NodeSingular;
      const edges = node.connectedEdges().filter((e) => !e.hasClass('hidden'));
      keep = node.union(edges).union(edges.connectedNodes());
    }
    keep = keep.union(keep.nodes().ancestors());
    emphasis = keep.filter((e) => e.isEdge());
    faded = cy.elements().difference(keep);
  }
  cy.batch(() => {
    setClass(cy, 'chosen', chosen);
    setClass(cy, 'emphasis', emphasis);
    setClass(cy, 'faded', faded);
  });
}

/**
 * Gives `cls` to exactly `want`, touching only elements that change: Cytoscape restyles every
 * element a class is added to or removed from, whether it had the class or not, and clearing a
 * class from all 20,000 elements of a large graph restyled them all on every hover.
 */
function setClass(cy: Core, cls: 'chosen' | 'emphasis' | 'faded', want: Collection) {
  const have = cy.elements().filter((e) => e.hasClass(cls));
  have.difference(want).removeClass(cls);
  want.difference(have).addClass(cls);
}
