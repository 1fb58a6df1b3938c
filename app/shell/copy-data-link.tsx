import { useEffect, useRef, useState } from 'react';
import type { Dataset } from '../data/schema.ts';
import { getViewState } from '../view/view-store.ts';
import { dataLinkUrl } from '../url/history-sync.ts';
import { encodeDataFragment } from '../url/data-fragment.ts';

/**
 * "Copy link with data" for a dataset loaded from a file: the link carries the dataset itself in
 * its fragment, which browsers never send to a server, so it opens on any device.
 */
export function CopyDataLink({ dataset }: { dataset: Dataset }) {
  const [copies, setCopies] = useState(0);
  const [copied, setCopied] = useState(false);
  const [fallback, setFallback] = useState<string | null>(null);
  const [tooLong, setTooLong] = useState<string | null>(null);
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
    const encoded = encodeDataFragment(dataset);
    if (!encoded.ok) {
      setTooLong(encoded.reason);
      return;
    }
    setTooLong(null);
    const url = dataLinkUrl(getViewState(), encoded.fragment);
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
        {copied ? 'Link with data copied' : 'Copy link with data'}
      </button>
      <span role="status" className="visually-hidden">
        {copied ? <span key={copies}>Link with data copied</span> : ''}
      </span>
      {tooLong !== null && (
        <div className="copy-fallback" role="alert">
          <p>{tooLong}</p>
          <button type="button" className="button small" onClick={() => setTooLong(null)}>
            Close
          </button>
        </div>
      )}
      {fallback !== null && (
        <div className="copy-fallback">
          <label htmlFor="copy-data-fallback-field">Copying is not allowed here; copy this link yourself</label>
          <input id="copy-data-fallback-field" ref={fieldRef} readOnly value={fallback} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button small" onClick={() => setFallback(null)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
