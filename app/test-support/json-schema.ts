import * as z from 'zod/mini';
import { datasetSchema } from '../data/schema.ts';

/** Identity of the published JSON Schema (public/data/schema.json). */
export const datasetSchemaId = 'urn:stancegraph:dataset:1';
export const datasetSchemaTitle = 'Stancegraph dataset, version 1';

/** The JSON Schema of dataset format v1, generated from the zod schema in schema.ts. */
export function datasetJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(datasetSchema, { io: 'input', target: 'draft-2020-12' });
  return { $schema, $id: datasetSchemaId, title: datasetSchemaTitle, ...rest };
}

/** The exact text of public/data/schema.json: 2-space indent and a trailing newline. */
export function datasetJsonSchemaText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
}
