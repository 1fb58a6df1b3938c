import { useEffect, useRef, useState } from 'react';
import { getViewState } from '../view/view-store.ts';
import { currentUrl } from '../url/history-sync.ts';

/** Copies the link to exactly this view, camera included; shows the link where copying is not allowed. */
export function CopyLink() {
  // A count rather than a flag: a second copy restarts the timer and is announced again.
  const [copies, setCopies] = useState(0);
  const [copied, setCopied] = useState(false);
  const [fallback, setFallback] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (copies === 0) return;
    const t = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(t);
  }, [copies]);

  useEffect(() => {
    if (fallback !== null) fieldRef.current?.select();
  }, [fallback]);

  const copy = async () => {
    const url = currentUrl(getViewState(), true);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setFallback(null);
      setCopied(true);
      setCopies((n) => n + 1);
    } catch {
      setFallback(url);
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={() => void copy()}>
        {copied ? 'Link copied' : 'Copy link'}
      </button>
      <span role="status" className="visually-hidden">
        {copied ? <span key={copies}>Link copied</span> : ''}
      </span>
      {fallback !== null && (
        <div className="copy-fallback">
          <label htmlFor="copy-fallback-field">Copying is not allowed here; copy this link yourself</label>
          <input id="copy-fallback-field" ref={fieldRef} readOnly value={fallback} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button small" onClick={() => setFallback(null)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
