import type { DrawingProgress } from './controller.ts';

/**
 * Over the canvas while a large graph is drawn a slice at a time (chunked-add.ts): the canvas
 * keeps its last frame until the drawing is whole, so this says the work is moving.
 */
export function DrawingIndicator({ progress }: { progress: DrawingProgress }) {
  return (
    <div className="layout-indicator" role="status">
      <p>Drawing the graph… {Math.floor((100 * progress.done) / progress.total)} %</p>
      <progress max={progress.total} value={progress.done} aria-label="Drawing progress" />
    </div>
  );
}
