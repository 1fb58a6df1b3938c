import { z } from 'zod';
import './schema.ts'; // applies z.config({ jitless: true }) before this schema is built

export const catalogSchema = z.strictObject({
  datasets: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
        title: z.string().min(1),
        // A file name in public/data only: a catalog entry can never point elsewhere.
        file: z.string().regex(/^[a-z0-9][a-z0-9.-]*\.json$/),
      }),
    )
    .min(1),
});

export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogEntry = Catalog['datasets'][number];

/** The catalog entry a view names, or the catalog's first (default) one. */
export function pickEntry(catalog: Catalog, datasetId: string | null): CatalogEntry | undefined {
  return catalog.datasets.find((d) => d.id === datasetId) ?? catalog.datasets[0];
}
