import { useId } from 'react';
import { layoutNames, type LayoutName } from '../view/view-state.ts';
import { update, useView } from '../view/view-store.ts';
import { setLayout } from '../view/view-actions.ts';

const layoutLabels: Record<LayoutName, string> = {
  fcose: 'Force-directed',
  concentric: 'Concentric (by degree)',
  circle: 'Circle',
  grid: 'Grid',
  breadthfirst: 'Breadth-first from selected actor',
};

export function LayoutControl() {
  const layout = useView((s) => s.layout);
  const id = useId();
  return (
    <div className="layout-control">
      <label htmlFor={id}>Layout</label>
      <select id={id} value={layout} onChange={(e) => update(setLayout(e.currentTarget.value as LayoutName))}>
        {layoutNames.map((l) => (
          <option key={l} value={l}>
            {layoutLabels[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
