import { useQuery } from '@tanstack/react-query';
import { catalogQueryOptions, datasetQueryOptions, DatasetError } from './data/dataset-query.ts';
import type { CatalogEntry } from './data/catalog.ts';
import { useLayoutEffect } from 'react';
import { useView } from './view/view-store.ts';
import { applyLinkToDataset, useLinkApplied } from './url/history-sync.ts';
import { Explorer } from './shell/explorer.tsx';
import { LoadingSkeleton } from './shell/loading-skeleton.tsx';
import { formatProblem } from './data/validate.ts';

function ErrorPanel({ title, error, onRetry }: { title: string; error: Error; onRetry: () => void }) {
  const problems = error instanceof DatasetError ? error.problems : [];
  return (
    <main className="page-message">
      <div className="notice error" role="alert">
        <div>
          <h1>{title}</h1>
          <p>{error.message}</p>
          {problems.length > 0 && (
            <ul>
              {problems.slice(0, 8).map((p) => (
                <li key={p.path + p.message}>{formatProblem(p)}</li>
              ))}
              {problems.length > 8 && <li>and {problems.length - 8} more</li>}
            </ul>
          )}
          <button type="button" className="button primary" onClick={onRetry}>
            Retry
          </button>
        </div>
      </div>
    </main>
  );
}

const placeholderEntry: CatalogEntry = { id: '', title: '', file: 'none.json' };

export function App() {
  const catalog = useQuery(catalogQueryOptions());
  const datasetId = useView((s) => s.dataset);
  const entries = catalog.data?.datasets ?? [];
  const entry: CatalogEntry | undefined = entries.find((d) => d.id === datasetId) ?? entries[0];
  const dataset = useQuery({ ...datasetQueryOptions(entry ?? placeholderEntry), enabled: !!entry });
  const readyFor = useLinkApplied((s) => s.index);

  // A link is checked against the dataset it names before the graph first paints, so the first
  // frame already shows the linked view and nothing the dataset lacks.
  useLayoutEffect(() => {
    if (dataset.data && readyFor !== dataset.data) applyLinkToDataset(dataset.data, catalog.data?.datasets.map((e) => e.id) ?? []);
  }, [dataset.data, readyFor, catalog.data]);

  if (catalog.isError) return <ErrorPanel title="Could not load the datasets" error={catalog.error} onRetry={() => void catalog.refetch()} />;
  if (dataset.isError) return <ErrorPanel title="Could not load the dataset" error={dataset.error} onRetry={() => void dataset.refetch()} />;
  if (!entry || !dataset.data || readyFor !== dataset.data) return <LoadingSkeleton />;
  return <Explorer index={dataset.data} catalog={entries} />;
}
