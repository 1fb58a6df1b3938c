import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Visible } from '../view/visible.ts';

// Placeholder mount point; the export feature fills it in.
export function ExportMenu(_props: { index: DatasetIndex; visible: Visible }) {
  return null;
}
