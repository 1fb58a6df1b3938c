import { dismissLinkNotice, useNoticeStore } from '../view/notice-store.ts';

/** Says what a link asked for that was ignored; the text is rendered as text, never as HTML. */
export function LinkNotice() {
  const notice = useNoticeStore((s) => s.linkNotice);
  const missing = useNoticeStore((s) => s.missingDataset);
  if (!notice) return null;
  return (
    <div className="notice link-notice" role="alert">
      <p>
        {missing !== null && (
          <>
            <strong>This link names a dataset that is not available here, so the default dataset is shown.</strong>{' '}
          </>
        )}
        {notice}
      </p>
      <button type="button" className="button small" onClick={dismissLinkNotice}>
        Dismiss
      </button>
    </div>
  );
}
