/**
 * How the app's Cytoscape instance behaves, apart from its elements and style: read by the graph
 * controller and by the benchmark's bare page, so both measure the same renderer settings.
 * Large-graph mode (`fast`) hides edges and labels while the camera moves.
 */
export const instanceOptions = (fast: boolean) =>
  ({
    minZoom: 0.05,
    maxZoom: 20,
    autoungrabify: true,
    boxSelectionEnabled: false,
    selectionType: 'single',
    autounselectify: true,
    hideEdgesOnViewport: fast,
    hideLabelsOnViewport: fast,
  }) as const;
