import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app.tsx';
import { ErrorBoundary } from './shell/error-boundary.tsx';
import { rootErrorOptions } from './shell/report-error.ts';
import { startHistorySync } from './url/history-sync.ts';
import { openLocationLink, startLinkCheck } from './url/link-check.ts';
import { openLinkData } from './url/link-data.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/first-view.css';
import 'virtual:stancegraph-first-view.css';
import { handOverFirstView } from './shell/first-view.ts';

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false } },
});

openLocationLink('link');
// History sync first: a dataset switch is pushed to the address before its check settles it.
startHistorySync();
// A dataset carried in the link's fragment must be in this tab before the link is checked against it.
void openLinkData(queryClient).finally(() => startLinkCheck(queryClient));
handOverFirstView();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root, rootErrorOptions()).render(
  <StrictMode>
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
