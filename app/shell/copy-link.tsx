import { getViewState } from '../view/view-store.ts';
import { currentUrl } from '../url/history-sync.ts';
import { useClipboardCopy } from './use-clipboard-copy.tsx';

/** Copies the link to exactly this view, camera included; shows the link where copying is not allowed. */
export function CopyLink() {
  const { copied, copy, feedback } = useClipboardCopy();
  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={() => void copy(currentUrl(getViewState(), true))}>
        {copied ? 'Link copied' : 'Copy link'}
      </button>
      {feedback('Link copied', 'copy-fallback-field')}
    </div>
  );
}
