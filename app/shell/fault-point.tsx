import { useLayoutEffect, type ReactNode } from 'react';

/** The panels that have their own error boundary. */
export type PanelId = 'graph' | 'details' | 'sidebar' | 'table' | 'stances' | 'source';

/*
 * A test-only switch: the end-to-end suite sets this key to `<panel>` (fails on every render)
 * or `<panel>:once` (fails once, so "Reload this panel" can be seen to recover). It exists only
 * in builds made with `--mode e2e`; in a production build `FaultPoint` is the constant `null`, so
 * the bundler drops this code and the key, which e2e/production-bundle.spec.ts checks.
 */
const faultKey = 'stancegraph:e2e-fault';

function armed(panel: PanelId): 'always' | 'once' | null {
  let value: string | null;
  try {
    value = localStorage.getItem(faultKey);
  } catch {
    return null;
  }
  if (value === panel) return 'always';
  if (value === `${panel}:once`) return 'once';
  return null;
}

function InjectedFault({ panel }: { panel: PanelId }): ReactNode {
  const mode = armed(panel);
  // A one-shot fault throws while committing: React retries a failed render once, which would
  // consume the fault before any boundary saw it.
  useLayoutEffect(() => {
    if (mode !== 'once') return;
    localStorage.removeItem(faultKey);
    throw new Error(`Test fault in the ${panel} panel (once)`);
  }, [mode, panel]);
  if (mode === 'always') throw new Error(`Test fault in the ${panel} panel`);
  return null;
}

export const FaultPoint: ((props: { panel: PanelId }) => ReactNode) | null = import.meta.env.MODE === 'e2e' ? InjectedFault : null;
