import { useQuery } from '@tanstack/react-query';
import { catalogQueryOptions, DatasetError } from './data/dataset-query.ts';
import { datasetQueryFor, LocalDatasetMissingError } from './load/local-dataset-query.ts';
import { useDeferredValue, type ReactNode } from 'react';
import { update, useView, useViewStore } from './view/view-store.ts';
import { switchDataset } from './view/view-actions.ts';
import { recheck } from './url/link-check.ts';
import { Explorer } from './shell/explorer.tsx';
import { LoadingSkeleton } from './shell/loading-skeleton.tsx';
import { formatProblem } from './data/problem.ts';
import { localHashOf } from './load/local-datasets.ts';
import { DropZone } from './load/drop-zone.tsx';
import { LoadMessages } from './load/load-messages.tsx';
import { FileLoadButton } from './load/load-controls.tsx';
import { LinkDataNotice } from './shell/link-data-notice.tsx';
import { useLinkData } from './url/link-data.ts';

const openDefault = () => update(switchDataset(null));

function ErrorPanel({
  title,
  error,
  onRetry,
  offerDefault = false,
}: {
  title: string;
  error: Error;
  onRetry: () => void;
  offerDefault?: boolean;
}) {
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
          <div className="page-actions">
            <button type="button" className="button primary" onClick={onRetry}>
              Retry
            </button>
            {offerDefault && (
              <button type="button" className="button" onClick={openDefault}>
                Open the bundled dataset
              </button>
            )}
          </div>
        </div>
      </div>
    </main>
  );
}

/** A `local:` link opened where that file was never loaded: say so, and offer a way on. */
function MissingLocalDataset({ error }: { error: LocalDatasetMissingError }) {
  return (
    <main className="page-message">
      <div className="notice" role="alert">
        <div>
          {error.unsavedHere ? (
            <>
              <h1>This dataset was loaded here but could not be kept on this device.</h1>
              <p>Browser storage refused it when it was loaded, so reloading the page lost it. Load the file again to open this link.</p>
            </>
          ) : (
            <>
              <h1>This link refers to a dataset loaded on another device.</h1>
              <p>
                Datasets loaded from a file stay in the browser that loaded them; they are never uploaded. If you have the file,
                load it here to open this link, or open the bundled dataset.
              </p>
            </>
          )}
          {error.storageNote !== null && <p>{error.storageNote}</p>}
          <div className="page-actions">
            <button type="button" className="button primary" onClick={openDefault}>
              Open the bundled dataset
            </button>
            <FileLoadButton />
          </div>
        </div>
      </div>
    </main>
  );
}

function Content() {
  const catalog = useQuery(catalogQueryOptions());
  const datasetId = useView((s) => s.dataset);
  // A dataset in the link's fragment is still being read: the query names it, this tab does not hold it yet.
  const linkDataPending = useLinkData((s) => s.pending);
  const dataset = useQuery({ ...datasetQueryFor(datasetId, catalog.data), enabled: !linkDataPending });
  // Set until the view has been checked against its dataset (url/link-check.ts), which happens
  // where the dataset resolves: the first frame already shows the checked view.
  const checking = useViewStore((s) => s.pendingCheck !== null);
  // The explorer's first render is the page's largest: rendered at deferred priority, React splits
  // it into short tasks (the skeleton, or the pre-rendered view over it, stays until it commits).
  // Going back to the skeleton is never deferred.
  const ready = Boolean(catalog.data && dataset.data && !checking);
  const readyDeferred = useDeferredValue(ready);
  const retry = (query: { refetch: () => Promise<unknown> }) => () => {
    recheck();
    void query.refetch();
  };

  if (linkDataPending) return <LoadingSkeleton />;
  if (catalog.isError) return <ErrorPanel title="Could not load the datasets" error={catalog.error} onRetry={retry(catalog)} />;
  if (dataset.isError) {
    if (dataset.error instanceof LocalDatasetMissingError) return <MissingLocalDataset error={dataset.error} />;
    return (
      <ErrorPanel
        title="Could not load the dataset"
        error={dataset.error}
        onRetry={retry(dataset)}
        offerDefault={localHashOf(datasetId) !== null}
      />
    );
  }
  if (!catalog.data || !dataset.data || checking || !readyDeferred) return <LoadingSkeleton />;
  return <Explorer index={dataset.data} catalog={catalog.data.datasets} />;
}

export function App(): ReactNode {
  return (
    <>
      <Content />
      <LoadMessages />
      <LinkDataNotice />
      <DropZone />
    </>
  );
}
