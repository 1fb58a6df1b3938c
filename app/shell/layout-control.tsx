import { memo, useId } from 'react';
import { layoutNames, type LayoutName } from '../view/view-state.ts';
import { update, useView } from '../view/view-store.ts';
import { setLayout } from '../view/view-actions.ts';
import { fastDrawing, largeGraph, setDrawChoice, useDrawChoice } from '../view/draw-mode.ts';
import type { DatasetIndex } from '../data/dataset-index.ts';
import { formatCount } from '../ui/format.ts';
import { warmLayoutWorker } from '../graph/layout-client.ts';

const layoutLabels: Record<LayoutName, string> = {
  fcose: 'Force-directed',
  concentric: 'Concentric (by degree)',
  circle: 'Circle',
  grid: 'Grid',
  breadthfirst: 'Breadth-first from selected actor',
  preset: 'Saved positions (from the dataset)',
};

/** Memoised: the explorer re-renders on every filter change, and nothing here depends on it. */
export const LayoutControl = memo(function LayoutControl({ index }: { index: DatasetIndex }) {
  const layout = useView((s) => s.layout);
  const choice = useDrawChoice((s) => s.choice);
  const id = useId();
  const { actors, relations } = index.dataset;
  const fast = fastDrawing(choice, actors.length, relations.length);
  // Offered only where it means something: a dataset that saved no positions has none to show.
  const offered = layoutNames.filter((l) => l !== 'preset' || index.hasSavedPositions);
  return (
    <div className="layout-control">
      <label htmlFor={`${id}-layout`}>Layout</label>
      <select
        id={`${id}-layout`}
        value={layout}
        onPointerEnter={warmLayoutWorker}
        onFocus={warmLayoutWorker}
        onChange={(e) => update(setLayout(e.currentTarget.value as LayoutName))}
      >
        {offered.map((l) => (
          <option key={l} value={l}>
            {layoutLabels[l]}
          </option>
        ))}
      </select>
      <div className="fast-drawing">
        <input
          id={`${id}-fast`}
          type="checkbox"
          checked={fast}
          aria-describedby={`${id}-fast-help`}
          onChange={(e) => setDrawChoice(e.currentTarget.checked ? 'fast' : 'full')}
        />
        <label htmlFor={`${id}-fast`}>Large-graph mode</label>
        <p id={`${id}-fast-help`} className="hint">
          {choice === 'auto' && fast ? 'On because this graph is large: ' : ''}
          straight edges without arrowheads, names and line patterns only when zoomed in, edges hidden while panning, a quicker layout. On by
          default above {formatCount(largeGraph.actors)} actors or {formatCount(largeGraph.relations)} relations.
        </p>
      </div>
    </div>
  );
});
