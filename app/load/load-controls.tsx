import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { CatalogEntry } from '../data/catalog.ts';
import { localDatasetsQueryOptions } from './local-dataset-query.ts';
import { update, useView } from '../view/view-store.ts';
import { switchDataset } from '../view/view-actions.ts';
import { localHashOf, localId, withCurrent } from './local-datasets.ts';
import { distinctLabels } from './distinct-labels.ts';
import { openFiles, removeLocalDataset, useLoadState } from './load-state.ts';
import './load-controls.css';

export const loadInputId = 'load-dataset-input';
const acceptedFiles = '.json,.csv,.gexf,.graphml,.cyjs,application/json,text/csv';

/**
 * A real file input inside its label: the label looks like a button, the input keeps focus and
 * keyboard operation, and its accessible name is the label text.
 */
export function FileLoadButton() {
  const queryClient = useQueryClient();
  const busy = useLoadState((s) => s.busy);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const files = Array.from(input.files ?? []);
    // Cleared so that choosing the same file again (after fixing it) fires another change.
    input.value = '';
    void openFiles(files, queryClient);
  };
  return (
    <label className="button load-button" aria-busy={busy}>
      <input id={loadInputId} type="file" multiple accept={acceptedFiles} className="visually-hidden" onChange={onChange} />
      Load dataset
    </label>
  );
}

function DatasetSelect({ index, catalog }: { index: DatasetIndex; catalog: readonly CatalogEntry[] }) {
  const current = useView((s) => s.dataset);
  const listed = useQuery(localDatasetsQueryOptions());
  const hash = localHashOf(current);
  const locals = withCurrent(listed.data ?? [], hash, index.dataset.title, {
    actors: index.dataset.actors.length,
    relations: index.dataset.relations.length,
  });
  const labels = distinctLabels(locals);
  const value = current ?? catalog[0]?.id ?? '';
  return (
    <div className="dataset-select">
      <label htmlFor="dataset-select" className="visually-hidden">
        Dataset
      </label>
      <select id="dataset-select" value={value} onChange={(e) => update(switchDataset(e.currentTarget.value))}>
        {catalog.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.title}
          </option>
        ))}
        {locals.length > 0 && (
          <optgroup label="Loaded on this device">
            {locals.map((entry) => (
              <option key={entry.hash} value={localId(entry.hash)}>
                {labels.get(entry.hash)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </div>
  );
}

/** Asks inline rather than with window.confirm, which blocks the page and cannot be styled or tested by role. */
function RemoveLocal({ hash, title }: { hash: string; title: string }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const askRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (asked.current) askRef.current?.focus();
  }, [confirming]);

  const ask = (on: boolean) => {
    asked.current = true;
    setConfirming(on);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    // Escape here means "cancel", not "clear the selection" as elsewhere on the page.
    e.preventDefault();
    ask(false);
  };

  if (!confirming)
    return (
      <button ref={askRef} type="button" className="button" onClick={() => ask(true)}>
        {/* Short on screen to spare the top bar; the full name is what a screen reader hears. */}
        Remove<span className="visually-hidden"> from this device</span>
      </button>
    );
  return (
    <div className="remove-confirm" role="group" aria-label={`Remove “${title}” from this device?`} onKeyDown={onKeyDown}>
      <button type="button" className="button danger" onClick={() => void removeLocalDataset(hash, queryClient)}>
        Remove
      </button>
      <button ref={cancelRef} type="button" className="button" onClick={() => ask(false)}>
        Cancel
      </button>
    </div>
  );
}

/** Top-bar controls: load a file, pick a dataset, forget a loaded one. */
export function LoadControls({ index, catalog }: { index: DatasetIndex; catalog: readonly CatalogEntry[] }) {
  const hash = localHashOf(useView((s) => s.dataset));
  return (
    <div className="load-controls">
      <FileLoadButton />
      <DatasetSelect index={index} catalog={catalog} />
      {hash !== null && <RemoveLocal key={hash} hash={hash} title={index.dataset.title} />}
    </div>
  );
}
