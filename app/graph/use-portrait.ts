import { useLayoutEffect, useState, type RefObject } from 'react';
import { portraitCanvas } from './legibility.ts';

/**
 * Whether the graph's canvas is tall (a phone's), for a graph small enough to get its own picture
 * there (see computePositions). Measured before the first paint and again when the canvas
 * changes shape, so the layout asked for is the one the canvas will show.
 */
export function usePortraitCanvas(container: RefObject<HTMLElement | null>, roomy: boolean): boolean {
  const [portrait, setPortrait] = useState(() => roomy && portraitCanvas(window.innerWidth, window.innerHeight * 0.72));
  useLayoutEffect(() => {
    const el = container.current;
    if (!roomy || !el) return;
    const measure = () => {
      if (el.clientWidth > 0 && el.clientHeight > 0) setPortrait(portraitCanvas(el.clientWidth, el.clientHeight));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [container, roomy]);
  return roomy && portrait;
}
