import { useView } from '../view/view-store.ts';
import { capProblems } from './limits.ts';
import { localHashOf } from './local-datasets.ts';
import { dismissFailure, dismissWarning, useLoadState } from './load-state.ts';
import { loadInputId } from './load-controls.tsx';
import './load-controls.css';

/** Dismissing removes the focused button; the load control is where the user would go next. */
function returnFocus() {
  document.getElementById(loadInputId)?.focus();
}

/**
 * Why a file was not loaded, or that a loaded one could not be kept. Mounted once, outside the
 * explorer, so it stays put while the page swaps datasets. Text from files is rendered as text.
 */
export function LoadMessages() {
  const busy = useLoadState((s) => s.busy);
  const failure = useLoadState((s) => s.failure);
  const warning = useLoadState((s) => s.warning);
  const shownHash = localHashOf(useView((s) => s.dataset));
  const warn = warning !== null && warning.hash === shownHash ? warning : null;
  const capped = failure ? capProblems(failure.problems) : null;

  return (
    <div className="load-messages">
      {failure && capped && (
        <div className="notice error load-failure" role="alert">
          <div className="load-message-body">
            <p className="load-reason">
              <strong>The file was not loaded.</strong> {failure.reason}
            </p>
            {capped.shown.length > 0 && (
              <ul className="load-problems">
                {capped.shown.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
                {capped.more > 0 && <li className="muted">and {capped.more} more</li>}
              </ul>
            )}
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
        {busy && <p className="load-busy">Reading the file…</p>}
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
