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
  cy.batch(() => {
    cy.elements().removeClass('faded emphasis chosen');
    const idOf = (sel: Selection | null) =>
      sel === null ? null : sel.kind === 'stance' ? sel.actor : sel.id;
    const chosenId = idOf(selection);
    const chosen = chosenId === null ? cy.collection() : cy.getElementById(chosenId);
    chosen.addClass('chosen');
    const focusEl = hover !== null ? cy.getElementById(hover) : chosen;
    if (focusEl.empty() || focusEl.hasClass('hidden')) return;
    let keep: Collection;
    if (focusEl.isEdge()) keep = focusEl.union(focusEl.connectedNodes());
    else {
      const node = focusEl as NodeSingular;
      const edges = node.connectedEdges().filter((e) => !e.hasClass('hidden'));
      keep = node.union(edges).union(edges.connectedNodes());
    }
    keep = keep.union(keep.nodes().ancestors());
    keep.edges().addClass('emphasis');
    cy.elements().difference(keep).addClass('faded');
  });
}
