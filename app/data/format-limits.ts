/**
 * Limits of the dataset format that keep every view responsive (issue #17). Each is a shape the
 * app cannot draw fast beyond it: Cytoscape's compound boxes and fcose's nesting grow much faster
 * than the depth, a stance matrix and a topic list grow with topics × actors, and thousands of
 * lines between one pair draw as one smear while costing seconds. The schema (and so the JSON
 * Schema) states the counts; validate.ts checks depth and pairs with JSON paths.
 */
/**
 * Actors and relations: what the canvas draws and filters with no task over 1 s on a 2-core
 * machine. The drawing costs grow with both together: 25,000 (20,000 actors and 5,000 relations,
 * 12,500 and 12,500, 5,000 and 20,000) took 0.56-0.63 s at most, 40,000 (20,000 and 20,000) about
 * 1.0 s, 50,000 (10,000 and 40,000) 0.8-1.2 s (e2e/stress, "graph at the size limits"). Files over
 * a count are refused before they are parsed (app/load/limits.ts); the schema states the counts.
 */
export const maxActors = 20_000;
export const maxRelations = 20_000;
/** Actors and relations together. */
export const maxElements = 25_000;
export const maxTopics = 200;
export const maxStances = 20_000;
/** States above any actor: its parent, that state's parent, and so on. */
export const maxNestingDepth = 10;
/** Relations between the same two actors, in either direction. A weight can say "many". */
export const maxRelationsPerPair = 100;
