import type { Core } from 'cytoscape';

// Cytoscape reads two fingers that land less than 200 px apart as a context gesture ("cxttap"),
// and neither pans nor zooms until they are 150 px apart or 1.5 times as far apart as they
// started (see its touch handler's "context swipe cancelling"). Fingers of a two-finger drag are
// usually 40 to 100 px apart and stay so, so the graph never moved; a pinch inwards never zoomed
// out. While Cytoscape waits, this helper moves the camera as its own pinch would: the point
// between the fingers follows them, and the zoom follows their spread. When Cytoscape takes over
// it applies the whole gesture since the fingers landed, so the camera is first put back.
// The camera follows the fingers directly (no easing, no inertia), so there is no motion to
// reduce for readers who ask for less.

/** Cytoscape's thresholds (cytoscape/src/extensions/renderer/base/load-listeners.js). */
const contextStart = 200;
const contextCancel = 150;
const contextSpread = 1.5;

interface Fingers {
  /** The point between the two fingers, in the canvas' pixels. */
  x: number;
  y: number;
  /** How far apart they are. */
  spread: number;
}

/**
 * The camera after two fingers moved from `before` to `after`: the graph point that was under
 * the middle of the fingers stays under it, and the zoom scales with their spread (within limits).
 */
export function followFingers(
  camera: { zoom: number; pan: { x: number; y: number } },
  before: Fingers,
  after: Fingers,
  limits: { min: number; max: number },
): { zoom: number; pan: { x: number; y: number } } {
  const factor = before.spread > 0 && after.spread > 0 ? after.spread / before.spread : 1;
  const zoom = Math.min(limits.max, Math.max(limits.min, camera.zoom * factor));
  const gx = (before.x - camera.pan.x) / camera.zoom;
  const gy = (before.y - camera.pan.y) / camera.zoom;
  return { zoom, pan: { x: after.x - gx * zoom, y: after.y - gy * zoom } };
}

/** Two-finger pan (and pinch) where Cytoscape holds back; returns a function that removes the listeners. */
export function twoFingerGestures(cy: Core, container: HTMLElement): () => void {
  let gesture: { start: { zoom: number; pan: { x: number; y: number } }; first: number; last: Fingers } | null = null;
  const read = (e: TouchEvent): Fingers => {
    const box = container.getBoundingClientRect();
    const a = e.touches[0]!;
    const b = e.touches[1]!;
    return { x: (a.clientX + b.clientX) / 2 - box.left, y: (a.clientY + b.clientY) / 2 - box.top, spread: Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY) };
  };
  const start = (e: TouchEvent) => {
    gesture = null;
    if (e.touches.length !== 2) return;
    const fingers = read(e);
    if (fingers.spread < contextStart) gesture = { start: { zoom: cy.zoom(), pan: { ...cy.pan() } }, first: fingers.spread, last: fingers };
  };
  const move = (e: TouchEvent) => {
    if (!gesture) return;
    if (e.touches.length !== 2) {
      gesture = null;
      return;
    }
    const fingers = read(e);
    if (fingers.spread >= contextCancel || fingers.spread >= gesture.first * contextSpread) {
      // Cytoscape's own pinch takes over in this very event, from where the fingers landed.
      cy.viewport({ zoom: gesture.start.zoom, pan: gesture.start.pan });
      gesture = null;
      return;
    }
    if (cy.userPanningEnabled() && cy.userZoomingEnabled())
      cy.viewport(followFingers({ zoom: cy.zoom(), pan: cy.pan() }, gesture.last, fingers, { min: cy.minZoom(), max: cy.maxZoom() }));
    gesture.last = fingers;
  };
  const end = (e: TouchEvent) => {
    if (e.touches.length !== 2) gesture = null;
  };
  // On the canvas' element, so each runs before Cytoscape's touchmove (bound on the window) sees the event.
  const options = { passive: true } as const;
  container.addEventListener('touchstart', start, options);
  container.addEventListener('touchmove', move, options);
  container.addEventListener('touchend', end, options);
  container.addEventListener('touchcancel', end, options);
  return () => {
    container.removeEventListener('touchstart', start);
    container.removeEventListener('touchmove', move);
    container.removeEventListener('touchend', end);
    container.removeEventListener('touchcancel', end);
  };
}
