import { useView } from '../view/view-store.ts';
import { ProblemList } from './problem-list.tsx';
import { localHashOf } from './local-datasets.ts';
import { useEffect, useState } from 'react';
import { cancelLoad, dismissFailure, dismissSuperseded, dismissWarning, useLoadState, type LoadingFiles } from './load-state.ts';
import { loadInputId } from './load-controls.tsx';
import './load-controls.css';

/** Dismissing removes the focused button; the load control is where the user would go next. */
function returnFocus() {
  document.getElementById(loadInputId)?.focus();
}

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

/**
 * A load under way: which file, how big, which step and for how long, so a long one reads as work
 * in progress; Cancel keeps the dataset on screen. Validation takes roughly a second per 5 MB.
 */
function LoadingNotice({ loading }: { loading: LoadingFiles }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, now - loading.started) / 1000;
  const estimate = Math.max(1, Math.round(loading.bytes / (5 * 1024 * 1024)));
  return (
    <div className="notice load-busy">
      <p>
        Loading {loading.names} ({sizeText(loading.bytes)}): {loading.step.toLowerCase()}…
        {/* The clock ticks four times a second; a live region must not read each tick aloud. */}
        <span aria-hidden="true"> {elapsed.toFixed(1)} s</span>
        {loading.bytes > 2 * 1024 * 1024 && ` Usually about ${estimate} s for a file this size.`}
      </p>
      <button type="button" className="button small" onClick={cancelLoad}>
        Cancel loading
      </button>
    </div>
  );
}

/**
 * Why a file was not loaded, or that a loaded one could not be kept. Mounted once, outside the
 * explorer, so it stays put while the page swaps datasets. Text from files is rendered as text.
 */
export function LoadMessages() {
  const loading = useLoadState((s) => s.loading);
  const superseded = useLoadState((s) => s.superseded);
  const failure = useLoadState((s) => s.failure);
  const warning = useLoadState((s) => s.warning);
  const shownHash = localHashOf(useView((s) => s.dataset));
  const warn = warning !== null && warning.hash === shownHash ? warning : null;

  return (
    <div className="load-messages">
      {failure && (
        <div className="notice error load-failure" role="alert">
          <div className="load-message-body">
            <p className="load-reason">
              <strong>The file was not loaded.</strong> {failure.reason}
            </p>
            <ProblemList problems={failure.problems} />
          </div>
          <button
            type="button"
            className="button small"
            onClick={() => {
              dismissFailure();
              returnFocus();
            }}
          >
            Dismiss
          </button>
        </div>
      )}
      {/* Always present: a live region announces changes, not its own arrival. */}
      <div role="status" className="load-status">
        {loading && <LoadingNotice loading={loading} />}
        {superseded && (
          <div className="notice load-superseded">
            <p>{superseded}</p>
            <button
              type="button"
              className="button small"
              onClick={() => {
                dismissSuperseded();
                returnFocus();
              }}
            >
              Dismiss
            </button>
          </div>
        )}
        {warn && (
          <div className="notice load-warning">
            <p>{warn.message}</p>
            <button
              type="button"
              className="button small"
              onClick={() => {
                dismissWarning();
                returnFocus();
              }}
            >
              Dismiss
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
