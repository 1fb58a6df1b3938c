/**
 * Hands the page over from the pre-rendered first view (app/test-support/build/first-view.ts) to the app. The
 * pre-rendered view is an overlay above the app's root; it goes in the frame in which the app has
 * something to show: the graph canvas's first drawing (Cytoscape draws in the animation frame
 * after it is created, before this check sees it), or any page without a canvas (an error, a
 * table). Nothing under it moves, so the swap is no layout shift.
 */
export function handOverFirstView(doc: Document = document): void {
  const overlay = doc.getElementById('first-view');
  const root = doc.getElementById('root');
  if (!overlay || !root) return;
  const started = performance.now();
  const check = () => {
    const shown = root.firstElementChild;
    const loading = shown === null || shown.getAttribute('aria-busy') === 'true';
    const canvas = root.querySelector('.graph-canvas');
    const drawn = canvas === null || canvas.querySelector('canvas') !== null;
    // A canvas that never draws (a hidden tab, a broken panel) must not keep the overlay forever.
    if ((!loading && drawn) || performance.now() - started > 20_000) overlay.remove();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
