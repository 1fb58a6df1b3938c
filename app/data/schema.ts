import { z } from 'zod';

// A strict Content-Security-Policy forbids `new Function`; zod's JIT fast path uses it.
z.config({ jitless: true });

/**
 * Dataset format, version 1. This file is the single definition of the public format:
 * the JSON Schema in public/data/schema.json is generated from it.
 */

const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'ids use letters, digits, "-", "_", "." or ":"');

const text = (max: number) => z.string().min(1).max(max);

export const evidenceSchema = z.strictObject({
  paragraph: z.number().int().min(1).describe('1-based number of the source paragraph'),
  quote: text(2000).describe('words quoted verbatim from that paragraph'),
});

export const topicSchema = z.strictObject({
  id,
  label: text(120),
  description: z.string().max(2000),
});

export const actorKinds = ['person', 'state', 'organisation', 'group'] as const;
export const actorSchema = z.strictObject({
  id,
  name: text(200),
  nativeName: text(200).optional(),
  aliases: z.array(text(200)).max(50).optional(),
  kind: z.enum(actorKinds),
  role: text(300).optional(),
  parent: id.optional().describe('id of the state actor this actor belongs to'),
});

export const relationTypes = ['alliance', 'tension', 'agreement', 'dialogue'] as const;
export const relationSchema = z.strictObject({
  id,
  source: id,
  target: id,
  type: z.enum(relationTypes),
  directed: z.boolean(),
  topics: z.array(id).min(1),
  summary: text(2000),
  evidence: z.array(evidenceSchema).min(1),
});

export const positions = ['supports', 'opposes', 'conditional', 'ambiguous'] as const;
export const stanceSchema = z.strictObject({
  actor: id,
  topic: id,
  position: z.enum(positions),
  summary: text(2000),
  evidence: z.array(evidenceSchema).min(1),
});

export const sourceSchema = z.strictObject({
  title: text(500),
  publisher: text(200).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  paragraphs: z.array(z.string().max(20000)).min(1),
});

const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }));

/** The shape alone; cross-references are checked in validate.ts. */
export const datasetSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id,
  title: text(300),
  description: z.string().max(5000),
  date: isoDate,
  source: sourceSchema,
  topics: z.array(topicSchema).min(1),
  actors: z.array(actorSchema),
  relations: z.array(relationSchema),
  stances: z.array(stanceSchema).default([]),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type ActorKind = Actor['kind'];
export type Relation = z.infer<typeof relationSchema>;
export type RelationType = Relation['type'];
export type Stance = z.infer<typeof stanceSchema>;
export type Position = Stance['position'];
export type Dataset = z.infer<typeof datasetSchema>;
