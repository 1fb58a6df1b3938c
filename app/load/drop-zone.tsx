import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { openFiles } from './load-state.ts';
import './load-controls.css';

/** Dragged text, links and page elements are left to the browser; only files are ours. */
const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * The whole window accepts dropped files. Mounted for the app's lifetime (also on error and
 * loading pages) because a file dropped where nobody listens makes the browser navigate to it.
 */
export function DropZone() {
  const queryClient = useQueryClient();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; the count is zero only outside the page.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser refuses the drop (or opens the file).
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void openFiles(Array.from(e.dataTransfer?.files ?? []), queryClient);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [queryClient]);

  if (!dragging) return null;
  return (
    <div className="drop-overlay">
      <p className="drop-message">Drop a dataset file to load it</p>
    </div>
  );
}
