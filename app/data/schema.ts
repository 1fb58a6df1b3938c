import * as z from 'zod/mini';
import { maxActors, maxElements, maxNestingDepth, maxRelations, maxRelationsPerPair, maxStances, maxTopics } from './format-limits.ts';
import { actorKinds, relationTypes } from './vocabulary.ts';

export { actorKinds, relationTypes } from './vocabulary.ts';

// A strict Content-Security-Policy forbids `new Function`; zod's JIT fast path uses it.
// zod/mini (a fraction of the classic build's size) loads no messages by default: use English.
z.config({ jitless: true, ...z.locales.en() });

/**
 * Dataset format, version 1. This file is the single definition of the public format:
 * the JSON Schema in public/data/schema.json is generated from it.
 */

const id = z
  .string()
  .check(z.minLength(1), z.maxLength(200), z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'ids use letters, digits, "-", "_", "." or ":"'));

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, { description });
  return schema;
};

export const evidenceSchema = z.strictObject({
  paragraph: described(z.int().check(z.minimum(1)), '1-based number of the source paragraph'),
  quote: described(text(2000), 'words quoted verbatim from that paragraph'),
});

/**
 * Quotes that prove a claim. Optional since imported graphs (GEXF, GraphML, Cytoscape) carry none:
 * the app then says "No evidence given" rather than inventing a citation. An empty list is the same.
 */
const claimEvidence = () => z._default(z.array(evidenceSchema), []);

export const topicSchema = z.strictObject({
  id,
  label: text(120),
  description: z.string().check(z.maxLength(2000)),
});

// Bounded so a saved layout cannot push the camera to absurd zooms; z.number() already refuses NaN and ±Infinity.
const coordinate = z.number().check(z.minimum(-1e6), z.maximum(1e6));

export const actorSchema = z.strictObject({
  id,
  name: text(200),
  nativeName: z.optional(text(200)),
  aliases: z.optional(z.array(text(200)).check(z.maxLength(50))),
  kind: z.enum(actorKinds),
  role: z.optional(text(300)),
  parent: z.optional(
    described(id.clone(), `id of the state actor this actor belongs to; at most ${maxNestingDepth} states above any actor`),
  ),
  position: z.optional(
    described(
      z.strictObject({ x: coordinate, y: coordinate }),
      'where the "Saved positions" layout draws this actor, in graph units; ignored for a state with members',
    ),
  ),
});

export const relationSchema = z.strictObject({
  id,
  source: id,
  target: id,
  type: z.enum(relationTypes),
  directed: z.boolean(),
  topics: z.array(id).check(z.minLength(1)),
  summary: text(2000),
  label: z.optional(described(text(40), 'a short label drawn along the relation, in the source\'s words where possible')),
  weight: z.optional(
    described(
      z.number().check(z.positive(), z.maximum(1e6)),
      'strength of the relation (e.g. a count); drawn as line width. Without it, the number of evidence quotes',
    ),
  ),
  evidence: claimEvidence(),
});

export const positions = ['supports', 'opposes', 'conditional', 'ambiguous'] as const;
export const stanceSchema = z.strictObject({
  actor: id,
  topic: id,
  position: z.enum(positions),
  summary: text(2000),
  evidence: claimEvidence(),
});

export const sourceSchema = z.strictObject({
  title: text(500),
  publisher: z.optional(text(200)),
  url: z.optional(z.url({ protocol: /^https?$/ })),
  paragraphs: z.array(z.string().check(z.maxLength(20000))).check(z.minLength(1)),
});

/** Fields that may carry well-known public facts the source does not state (see public/data/CODEBOOK.md). */
export const outsideDatasetFields = ['title', 'description', 'date'] as const;
export const outsideActorFields = ['name', 'nativeName', 'aliases', 'role', 'parent'] as const;
export const outsideKnowledgeSchema = z.strictObject({
  actor: z.optional(described(id.clone(), 'id of the actor whose field is marked; absent for a dataset-level field')),
  field: described(
    z.enum([...outsideDatasetFields, ...outsideActorFields]),
    'the marked field: title, description or date of the dataset; name, nativeName, aliases, role or parent of the actor',
  ),
  note: described(text(300), 'what in the value comes from outside the source, and from where'),
});

export const storyStepSchema = z.strictObject({
  title: text(200),
  text: described(text(2000), 'a few sentences telling this step, in the author\'s words'),
  actors: z.optional(described(z.array(id).check(z.maxLength(500)), 'ids of the actors this step stresses')),
  relations: z.optional(described(z.array(id).check(z.maxLength(500)), 'ids of the relations this step stresses')),
  evidence: z.optional(z.array(evidenceSchema)),
});

/** An authored walk through the dataset; without one, the app makes a step of each cited paragraph. */
export const storySchema = z.strictObject({
  steps: z.array(storyStepSchema).check(z.minLength(1), z.maxLength(1000)),
});

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** The shape alone; cross-references are checked in validate.ts. */
export const datasetSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id,
  title: text(300),
  description: z.string().check(z.maxLength(5000)),
  date: isoDate,
  source: sourceSchema,
  topics: z.array(topicSchema).check(z.minLength(1), z.maxLength(maxTopics)),
  actors: z.array(actorSchema).check(z.maxLength(maxActors)),
  relations: described(
    z.array(relationSchema).check(z.maxLength(maxRelations)),
    `at most ${maxRelationsPerPair} relations between the same two actors (either direction); use weight to say "many". At most ${maxElements} actors and relations together`,
  ),
  stances: z._default(z.array(stanceSchema).check(z.maxLength(maxStances)), []),
  outsideKnowledge: z.optional(
    described(
      z.array(outsideKnowledgeSchema).check(z.maxLength(10000)),
      'values that state well-known public facts beyond the source (native names, official romanisation, roles, the date)',
    ),
  ),
  story: z.optional(storySchema),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type ActorKind = Actor['kind'];
export type Relation = z.infer<typeof relationSchema>;
export type RelationType = Relation['type'];
export type Stance = z.infer<typeof stanceSchema>;
export type Position = Stance['position'];
export type StoryStepSpec = z.infer<typeof storyStepSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
export type OutsideKnowledge = z.infer<typeof outsideKnowledgeSchema>;
