import type { DatasetIndex } from '../data/dataset-index.ts';
import type { CatalogEntry } from '../data/catalog.ts';

// Placeholder mount point; the loading feature fills it in.
export function LoadControls(_props: { index: DatasetIndex; catalog: readonly CatalogEntry[] }) {
  return null;
}
