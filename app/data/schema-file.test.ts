import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { datasetJsonSchema, datasetJsonSchemaText, datasetSchemaId, datasetSchemaTitle } from '../test-support/json-schema.ts';
import { datasetSchema } from './schema.ts';

const schemaFile = fileURLToPath(new URL('../../public/data/schema.json', import.meta.url));
const writing = process.env.SCHEMA_WRITE === '1';

describe('public/data/schema.json', () => {
  it('is the zod dataset schema as JSON Schema, with an $id and title', () => {
    const generated = datasetJsonSchema();
    expect(generated).toEqual({
      ...z.toJSONSchema(datasetSchema, { io: 'input', target: 'draft-2020-12' }),
      $id: datasetSchemaId,
      title: datasetSchemaTitle,
    });
    expect(generated.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    // Input side: stances have a default, so a file may leave them out.
    expect(generated.required).not.toContain('stances');
    expect(generated.additionalProperties).toBe(false);
  });

  // `npm run schema` sets SCHEMA_WRITE=1: the same test then regenerates the file before checking it.
  it('is up to date with app/data/schema.ts', () => {
    if (writing) writeFileSync(schemaFile, datasetJsonSchemaText());
    const stale = 'public/data/schema.json is missing or stale: run `npm run schema` to regenerate it from app/data/schema.ts';
    expect(existsSync(schemaFile), stale).toBe(true);
    expect(readFileSync(schemaFile, 'utf8'), stale).toBe(datasetJsonSchemaText());
  });
});
