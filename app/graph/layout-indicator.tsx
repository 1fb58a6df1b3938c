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
  const { started, delay } = wait;
  useEffect(() => {
    // Every change here is a paint of the page, on the main thread the layout was moved off: the
    // clock wakes only when its text changes (the delay's end, then each whole second), once a
    // second where it used to wake five times.
    let timer: ReturnType<typeof setTimeout>;
    const schedule = (at: number) => {
      const elapsed = at - started;
      const next = elapsed < delay ? delay : (Math.floor(elapsed / 1000) + 1) * 1000;
      timer = setTimeout(() => {
        const t = performance.now();
        setNow(t);
        schedule(t);
      }, next - elapsed);
    };
    schedule(performance.now());
    return () => clearTimeout(timer);
  }, [started, delay]);
  const elapsed = now - started;
  const seconds = Math.floor(elapsed / 1000);
  if (elapsed < delay) return null;
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
        {seconds > 0 && <span className="layout-time"> {seconds} s</span>}
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
