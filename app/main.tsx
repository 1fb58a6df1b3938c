import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app.tsx';
import { ErrorBoundary } from './shell/error-boundary.tsx';
import { rootErrorOptions } from './shell/report-error.ts';
import { restoreFromLocation, startHistorySync } from './url/history-sync.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/first-view.css';
import 'virtual:stancegraph-first-view.css';
import { handOverFirstView } from './shell/first-view.ts';

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false } },
});

restoreFromLocation();
startHistorySync();
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
