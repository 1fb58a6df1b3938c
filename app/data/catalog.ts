import type * as z from 'zod/mini';
import type { catalogSchema } from './catalog-schema.ts';

// The schema itself lives in catalog-schema.ts, loaded with the validator beside the data
// (data/checks.ts): the views that only pick an entry need no zod in the first view's bundle.

export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogEntry = Catalog['datasets'][number];

/** The catalog entry a view names, or the catalog's first (default) one. */
export function pickEntry(catalog: Catalog, datasetId: string | null): CatalogEntry | undefined {
  return catalog.datasets.find((d) => d.id === datasetId) ?? catalog.datasets[0];
}
