import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app.tsx';
import { ErrorBoundary } from './shell/error-boundary.tsx';
import { rootErrorOptions } from './shell/report-error.ts';
import { restoreFromLocation, startHistorySync } from './url/history-sync.ts';
import { openLinkData } from './url/link-data.ts';
import './styles/base.css';
import './styles/layout.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false } },
});

restoreFromLocation();
void openLinkData();
startHistorySync();

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
