import { create } from 'zustand';

/** Messages about things the app ignored or could not do; shown until dismissed. */
interface NoticeStore {
  linkNotice: string | null;
  /** Set when a link named a dataset that is not available, so the page can offer the default. */
  missingDataset: string | null;
}

export const useNoticeStore = create<NoticeStore>(() => ({ linkNotice: null, missingDataset: null }));

export const showLinkNotice = (linkNotice: string | null, missingDataset: string | null = null) =>
  useNoticeStore.setState({ linkNotice, missingDataset });

export const dismissLinkNotice = () => useNoticeStore.setState({ linkNotice: null, missingDataset: null });
