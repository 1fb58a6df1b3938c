import { useState } from 'react';
import type { Dataset } from '../data/schema.ts';
import { getViewState } from '../view/view-store.ts';
import { dataLinkUrl } from '../url/history-sync.ts';
import { useClipboardCopy } from './use-clipboard-copy.tsx';

/**
 * "Copy link with data" for a dataset loaded from a file: the link carries the dataset itself in
 * its fragment, which browsers never send to a server, so it opens on any device.
 */
export function CopyDataLink({ dataset }: { dataset: Dataset }) {
  const { copied, copy, feedback } = useClipboardCopy();
  const [tooLong, setTooLong] = useState<string | null>(null);

  const copyWithData = async () => {
    // The encoder (fflate) loads on the first click: most readers never copy a link with data.
    const { encodeDataFragment } = await import('../url/data-fragment.ts');
    const encoded = encodeDataFragment(dataset);
    if (!encoded.ok) {
      setTooLong(encoded.reason);
      return;
    }
    setTooLong(null);
    await copy(dataLinkUrl(getViewState(), encoded.fragment));
  };

  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={() => void copyWithData()}>
        {copied ? 'Link with data copied' : 'Copy link with data'}
      </button>
      {tooLong !== null && (
        <div className="copy-fallback" role="alert">
          <p>{tooLong}</p>
          <button type="button" className="button small" onClick={() => setTooLong(null)}>
            Close
          </button>
        </div>
      )}
      {feedback('Link with data copied', 'copy-data-fallback-field')}
    </div>
  );
}
