import { useEffect, useState } from 'react';
import type { LayoutProgress } from './layout-client.ts';
import { formatCount } from '../ui/format.ts';

export interface LayoutWait {
  actors: number;
  /** performance.now() when the layout was requested. */
  started: number;
  /** Milliseconds before showing anything: a small graph usually finishes first. */
  delay: number;
  progress: LayoutProgress | null;
}

/**
 * Shown over the canvas while a layout is computed, with the phase the worker reports and the
 * time so far, so a long wait on a large graph reads as work in progress rather than a hang.
 */
export function LayoutIndicator({ wait, onCancel }: { wait: LayoutWait; onCancel?: () => void }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(timer);
  }, []);
  const elapsed = now - wait.started;
  if (elapsed < wait.delay) return null;
  const { progress } = wait;
  const step = progress?.step ?? 0;
  const steps = progress?.steps ?? 3;
  return (
    <div className="layout-indicator" role="status">
      <p>
        Laying out {formatCount(wait.actors)} actors…
        {progress && (
          <span className="layout-step">
            {' '}
            Step {step} of {steps}: {progress.label.toLowerCase()}
          </span>
        )}
        <span className="layout-time"> {(elapsed / 1000).toFixed(1)} s</span>
      </p>
      <progress max={steps} value={step} aria-label="Layout progress" />
      {onCancel && (
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
