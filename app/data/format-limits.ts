/**
 * Limits of the dataset format that keep every view responsive (issue #17). Each is a shape the
 * app cannot draw fast beyond it: Cytoscape's compound boxes and fcose's nesting grow much faster
 * than the depth, a stance matrix and a topic list grow with topics × actors, and thousands of
 * lines between one pair draw as one smear while costing seconds. The schema (and so the JSON
 * Schema) states the counts; validate.ts checks depth and pairs with JSON paths.
 */
export const maxTopics = 200;
export const maxStances = 20_000;
/** States above any actor: its parent, that state's parent, and so on. */
export const maxNestingDepth = 10;
/** Relations between the same two actors, in either direction. A weight can say "many". */
export const maxRelationsPerPair = 100;
