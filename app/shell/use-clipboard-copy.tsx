import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Copying a link to the clipboard, shared by "Copy link" and "Copy link with data": a confirmation
 * that fades after a moment and is announced again on every copy, and, where the browser refuses
 * the clipboard, the link in a selected field to copy by hand.
 */
export function useClipboardCopy() {
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

  const copy = async (url: string) => {
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

  /** The announcement and the hand-copy field; `fieldId` must be unique on the page. */
  const feedback = (announce: string, fieldId: string): ReactNode => (
    <>
      <span role="status" className="visually-hidden">
        {copied ? <span key={copies}>{announce}</span> : ''}
      </span>
      {fallback !== null && (
        <div className="copy-fallback">
          <label htmlFor={fieldId}>Copying is not allowed here; copy this link yourself</label>
          <input id={fieldId} ref={fieldRef} readOnly value={fallback} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button small" onClick={() => setFallback(null)}>
            Close
          </button>
        </div>
      )}
    </>
  );

  return { copied, copy, feedback };
}
