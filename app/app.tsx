import { useQuery } from '@tanstack/react-query';
import { catalogQueryOptions, datasetQueryOptions, DatasetError } from './data/dataset-query.ts';
import { localDatasetQueryOptions, LocalDatasetMissingError } from './load/local-dataset-query.ts';
import { pickEntry, type CatalogEntry } from './data/catalog.ts';
import { useLayoutEffect, type ReactNode } from 'react';
import { update, useView } from './view/view-store.ts';
import { switchDataset } from './view/view-actions.ts';
import { applyLinkToDataset, useLinkApplied } from './url/history-sync.ts';
import { Explorer } from './shell/explorer.tsx';
import { LoadingSkeleton } from './shell/loading-skeleton.tsx';
import { formatProblem } from './data/validate.ts';
import { localHashOf } from './load/local-datasets.ts';
import { DropZone } from './load/drop-zone.tsx';
import { LoadMessages } from './load/load-messages.tsx';
import { FileLoadButton } from './load/load-controls.tsx';

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

const placeholderEntry: CatalogEntry = { id: '', title: '', file: 'none.json' };

function Content() {
  const catalog = useQuery(catalogQueryOptions());
  const datasetId = useView((s) => s.dataset);
  const entries = catalog.data?.datasets ?? [];
  const localHash = localHashOf(datasetId);
  const entry: CatalogEntry | undefined = localHash === null && catalog.data ? pickEntry(catalog.data, datasetId) : undefined;
  const bundled = useQuery({ ...datasetQueryOptions(entry ?? placeholderEntry), enabled: !!entry });
  const local = useQuery({ ...localDatasetQueryOptions(localHash ?? ''), enabled: localHash !== null });
  const dataset = localHash === null ? bundled : local;
  const readyFor = useLinkApplied((s) => s.index);

  // A link is checked against the dataset it names before the graph first paints, so the first
  // frame already shows the linked view and nothing the dataset lacks. `sanitize` accepts
  // `local:` ids by their form, so loaded datasets pass through the same check.
  useLayoutEffect(() => {
    if (dataset.data && readyFor !== dataset.data) applyLinkToDataset(dataset.data, catalog.data?.datasets.map((e) => e.id) ?? []);
  }, [dataset.data, readyFor, catalog.data]);

  if (catalog.isError) return <ErrorPanel title="Could not load the datasets" error={catalog.error} onRetry={() => void catalog.refetch()} />;
  if (dataset.isError) {
    if (dataset.error instanceof LocalDatasetMissingError) return <MissingLocalDataset error={dataset.error} />;
    return (
      <ErrorPanel
        title="Could not load the dataset"
        error={dataset.error}
        onRetry={() => void dataset.refetch()}
        offerDefault={localHash !== null}
      />
    );
  }
  if (!catalog.data || !dataset.data || readyFor !== dataset.data) return <LoadingSkeleton />;
  return <Explorer index={dataset.data} catalog={entries} />;
}

export function App(): ReactNode {
  return (
    <>
      <Content />
      <LoadMessages />
      <DropZone />
    </>
  );
}
