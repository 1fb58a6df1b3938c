import { Suspense, lazy, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { CatalogEntry } from '../data/catalog.ts';
import { deriveVisible } from '../view/visible.ts';
import { update, useView, useViewStore } from '../view/view-store.ts';
import type { Visible } from '../view/visible.ts';
import { currentUrl } from '../url/history-sync.ts';
import { filterSummary } from './filter-summary.ts';
import { resetFilters, select } from '../view/view-actions.ts';
import { GraphView } from '../graph/graph-view.tsx';
import type { GraphController } from '../graph/controller.ts';
import { Legend } from '../graph/legend.tsx';
import { FilterSidebar } from '../sidebar/filter-sidebar.tsx';
import { SearchBox } from '../search/search-box.tsx';
import { DetailsPanel } from '../details/details-panel.tsx';
import { StatusLine } from './status-line.tsx';
import { ViewTabs, panelId, tabId } from './view-tabs.tsx';
import { LayoutControl } from './layout-control.tsx';
import { AppearanceControl } from '../graph/appearance-control.tsx';
import { FocusChip } from './focus-chip.tsx';
import { CopyLink } from './copy-link.tsx';
import { CopyDataLink } from './copy-data-link.tsx';
import { localHashOf } from '../load/local-datasets.ts';
import { ExportMenu, type RenderPng, type RenderSvg } from '../export/export-menu.tsx';
import { LoadControls } from '../load/load-controls.tsx';
import { LinkNotice } from './link-notice.tsx';
import { PanelBoundary } from './panel-boundary.tsx';
import { ReadStoryButton, StorySlot } from '../source/story-button.tsx';

// The graph is the first view; the others, and the export renderer, load when first asked for,
// which keeps the initial bundle close to what React and Cytoscape alone cost.
const RelationsTable = lazy(() => import('../table/relations-table.tsx').then((m) => ({ default: m.RelationsTable })));
const StanceMatrix = lazy(() => import('../stances/stance-matrix.tsx').then((m) => ({ default: m.StanceMatrix })));
const SourceView = lazy(() => import('../source/source-view.tsx').then((m) => ({ default: m.SourceView })));
/** The export draws from the graph it is handed: the controller GraphView created, if any. */
const pngRenderer =
  (graph: GraphController | null): RenderPng =>
  (options) =>
    graph ? import('../graph/graph-export.ts').then((m) => m.renderPng(graph, options)) : Promise.reject(new Error('The graph is not ready'));
const svgRenderer =
  (graph: GraphController | null): RenderSvg =>
  (options) =>
    graph ? import('../graph/graph-export.ts').then((m) => m.renderSvg(graph, options)) : Promise.reject(new Error('The graph is not ready'));

function ViewLoading() {
  return (
    <p className="view-loading" role="status">
      Loading this view…
    </p>
  );
}

function EmptyResult({ index }: { index: DatasetIndex }) {
  const showUnconnected = useView((s) => s.showUnconnected);
  // Filters cannot bring back relations that the dataset never had: say so, and offer no reset.
  if (index.dataset.relations.length === 0)
    return (
      <div className="empty-result">
        <p>
          This dataset records no relations.
          {showUnconnected ? ' Its actors are drawn without any.' : ' Tick “Show actors without visible relations” to see its actors.'}
        </p>
      </div>
    );
  return (
    <div className="empty-result">
      <p>No relations match these filters</p>
      <button type="button" className="button primary" onClick={() => update(resetFilters)}>
        Reset filters
      </button>
    </div>
  );
}

/** The details panel draws its own landmark; a failed one keeps the region and its grid area. */
const detailsFrame = (fallback: ReactNode) => (
  <aside aria-label="Details" className="details-panel">
    {fallback}
  </aside>
);

/** The graph, legend, status and a read-only filter summary, for a newsroom's <iframe>. */
function EmbeddedView({ index, visible, empty }: { index: DatasetIndex; visible: Visible; empty: boolean }) {
  const state = useViewStore((s) => s.state);
  const fullView = currentUrl({ ...state, embed: false }, false);
  return (
    <div className="embed-shell">
      <header className="embed-bar">
        <h1 className="dataset-title">{index.dataset.title}</h1>
        <a className="button small" href={fullView} target="_blank" rel="noopener">
          Open in Stancegraph
        </a>
      </header>
      <p className="filter-summary">
        <span className="muted">Filters: </span>
        {filterSummary(index, state)}
      </p>
      <LinkNotice />
      <StatusLine index={index} visible={visible} />
      <StorySlot index={index} compact />
      <section className="graph-region" aria-label="Relationship graph">
        <PanelBoundary panel="graph" name="Relationship graph">
          <GraphView index={index} visible={visible} />
        </PanelBoundary>
        {empty && (
          <div className="empty-result">
            <p>{index.dataset.relations.length === 0 ? 'This dataset records no relations.' : 'No relations match these filters'}</p>
          </div>
        )}
      </section>
      <Legend />
    </div>
  );
}

export function Explorer({ index, catalog }: { index: DatasetIndex; catalog: readonly CatalogEntry[] }) {
  const hiddenTopics = useView((s) => s.hiddenTopics);
  const hiddenTypes = useView((s) => s.hiddenTypes);
  const hiddenGroups = useView((s) => s.hiddenGroups);
  const showUnconnected = useView((s) => s.showUnconnected);
  const evidenceOnly = useView((s) => s.evidenceOnly);
  const focus = useView((s) => s.focus);
  const view = useView((s) => s.view);
  const embed = useView((s) => s.embed);
  const datasetIdForShare = useView((s) => s.dataset);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [graph, setGraph] = useState<GraphController | null>(null);

  // The one derivation every view reads: graph, table, matrix, status line and counts.
  const visible = useMemo(
    () => deriveVisible(index, { hiddenTopics, hiddenTypes, hiddenGroups, showUnconnected, evidenceOnly, focus }),
    [index, hiddenTopics, hiddenTypes, hiddenGroups, showUnconnected, evidenceOnly, focus],
  );
  // The graph and the status line that counts it draw a filter or a focus first. The panels around
  // them (the filters' counts, details, export, table, matrix) take the same visible set a render
  // later, at deferred priority, so their re-render does not hold the graph's frame back; each is
  // memoised, so the urgent render skips it.
  const shown = useDeferredValue(visible);
  const renderPng = useMemo(() => pngRenderer(graph), [graph]);
  const renderSvg = useMemo(() => svgRenderer(graph), [graph]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      update(select(null));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const { dataset } = index;
  const empty = visible.relationIds.size === 0;

  if (embed) return <EmbeddedView index={index} visible={visible} empty={empty} />;
  const panel = (v: typeof view) => ({
    role: 'tabpanel',
    id: panelId(v),
    'aria-labelledby': tabId(v),
    hidden: view !== v,
    className: `view-panel view-${v}`,
  });

  return (
    <div className="app-shell">
      <header className="topbar">
        <div className="brand-block">
          <span className="brand" aria-hidden="true">
            Stancegraph
          </span>
          <h1 className="dataset-title">
            <span className="visually-hidden">Stancegraph: </span>
            {dataset.title}
          </h1>
        </div>
        <SearchBox index={index} />
        <div className="top-actions">
          <LoadControls index={index} catalog={catalog} />
          <ExportMenu index={index} visible={shown} renderPng={renderPng} renderSvg={renderSvg} />
          <ReadStoryButton index={index} />
          <CopyLink />
          {localHashOf(datasetIdForShare) !== null && <CopyDataLink dataset={dataset} />}
          <button
            type="button"
            className="button filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="filters"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            Filters
          </button>
        </div>
      </header>
      <aside id="filters" className="sidebar" aria-label="Filters" data-open={filtersOpen}>
        <PanelBoundary panel="sidebar" name="Filters">
          <FilterSidebar index={index} visible={shown} />
          <LayoutControl index={index} />
          <AppearanceControl />
        </PanelBoundary>
      </aside>
      <main className="main">
        <div className="view-bar">
          <ViewTabs />
          <FocusChip index={index} />
        </div>
        <LinkNotice />
        <StatusLine index={index} visible={visible} />
        <div {...panel('graph')}>
          <StorySlot index={index} />
          <section className="graph-region" aria-label="Relationship graph">
            <PanelBoundary panel="graph" name="Relationship graph">
              <GraphView index={index} visible={visible} onController={setGraph} />
            </PanelBoundary>
            {empty && <EmptyResult index={index} />}
          </section>
          <Legend />
        </div>
        <div {...panel('table')}>
          {view === 'table' && (
            <PanelBoundary panel="table" name="Table">
              <Suspense fallback={<ViewLoading />}>
                <RelationsTable index={index} visible={shown} />
              </Suspense>
            </PanelBoundary>
          )}
        </div>
        <div {...panel('stances')}>
          {view === 'stances' && (
            <PanelBoundary panel="stances" name="Stances">
              <Suspense fallback={<ViewLoading />}>
                <StanceMatrix index={index} visible={shown} />
              </Suspense>
            </PanelBoundary>
          )}
        </div>
        <div {...panel('source')}>
          {view === 'source' && (
            <PanelBoundary panel="source" name="Source">
              <Suspense fallback={<ViewLoading />}>
                <SourceView index={index} />
              </Suspense>
            </PanelBoundary>
          )}
        </div>
      </main>
      <PanelBoundary panel="details" name="Details" frame={detailsFrame}>
        <DetailsPanel index={index} visible={shown} />
      </PanelBoundary>
    </div>
  );
}
