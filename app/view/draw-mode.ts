import { create } from 'zustand';

/**
 * Large-graph mode trades detail for speed: straight "haystack" edges without arrows, labels only
 * once zoomed in, edges hidden while panning, and a rougher force layout. It is a property of the
 * device and the graph's size rather than of the view, so it stays out of links.
 */
export type DrawChoice = 'auto' | 'fast' | 'full';

/** Above either number a default-style redraw takes long enough on a laptop to feel sluggish. */
export const largeGraph = { actors: 1000, relations: 4000 } as const;

export const isLargeGraph = (actors: number, relations: number) => actors > largeGraph.actors || relations > largeGraph.relations;

export function fastDrawing(choice: DrawChoice, actors: number, relations: number): boolean {
  return choice === 'auto' ? isLargeGraph(actors, relations) : choice === 'fast';
}

export const useDrawChoice = create<{ choice: DrawChoice }>(() => ({ choice: 'auto' }));

/** The checkbox sets an explicit choice; "auto" only holds until the user decides. */
export const setDrawChoice = (choice: DrawChoice) => useDrawChoice.setState({ choice });
