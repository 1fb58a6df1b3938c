import { memo } from 'react';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Visible } from '../view/visible.ts';

export function statusText(index: DatasetIndex, visible: Visible): string {
  const { actors, relations } = index.dataset;
  return `Showing ${visible.actorIds.size} of ${actors.length} actors · ${visible.relationIds.size} of ${relations.length} relations`;
}

export const StatusLine = memo(function StatusLine({ index, visible }: { index: DatasetIndex; visible: Visible }) {
  return (
    <p role="status" className="status-line">
      {statusText(index, visible)}
    </p>
  );
});
