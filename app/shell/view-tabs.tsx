import { useRef } from 'react';
import { viewNames, type ViewName } from '../view/view-state.ts';
import { update, useView } from '../view/view-store.ts';
import { setView } from '../view/view-actions.ts';

export const viewLabels: Record<ViewName, string> = { graph: 'Graph', table: 'Table', stances: 'Stances', source: 'Source' };
export const tabId = (v: ViewName) => `tab-${v}`;
export const panelId = (v: ViewName) => `panel-${v}`;

/** WAI-ARIA tabs with automatic activation: arrows, Home and End move and select. */
export function ViewTabs() {
  const current = useView((s) => s.view);
  const refs = useRef<Partial<Record<ViewName, HTMLButtonElement | null>>>({});
  const go = (v: ViewName) => {
    update(setView(v));
    refs.current[v]?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = viewNames.indexOf(current);
    const n = viewNames.length;
    const next =
      e.key === 'ArrowRight' ? viewNames[(i + 1) % n] : e.key === 'ArrowLeft' ? viewNames[(i - 1 + n) % n] : e.key === 'Home' ? viewNames[0] : e.key === 'End' ? viewNames[n - 1] : undefined;
    if (next) {
      e.preventDefault();
      go(next);
    }
  };
  return (
    <div role="tablist" aria-label="Views" className="view-tabs" onKeyDown={onKeyDown}>
      {viewNames.map((v) => (
        <button
          key={v}
          ref={(el) => {
            refs.current[v] = el;
          }}
          type="button"
          role="tab"
          id={tabId(v)}
          aria-selected={current === v}
          aria-controls={panelId(v)}
          tabIndex={current === v ? 0 : -1}
          className="tab"
          onClick={() => update(setView(v))}
        >
          {viewLabels[v]}
        </button>
      ))}
    </div>
  );
}
