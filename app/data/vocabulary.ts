/**
 * The format's closed word lists, without zod: views that only need the words (the legend, the
 * filters, the link parser) import them from here, so the first view's bundle leaves the schema
 * and its validator to a chunk loaded beside the data. schema.ts builds its enums from these.
 */
export const actorKinds = ['person', 'state', 'organisation', 'group'] as const;
export const relationTypes = ['alliance', 'tension', 'agreement', 'dialogue'] as const;
