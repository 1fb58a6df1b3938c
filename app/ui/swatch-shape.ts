import type { RelationType } from '../data/schema.ts';
import { relationStyles } from './relation-styles.ts';

/** One SVG element of a swatch: its tag and its attributes, in SVG's own (kebab-case) names. */
export interface SwatchPart {
  tag: 'line' | 'circle' | 'rect' | 'path';
  attrs: Record<string, string | number>;
}

/**
 * The legend's picture of a relation type — its line pattern and an end marker at each end — as
 * plain data, so the React legend and the build's pre-rendered legend draw the very same shapes.
 */
export function swatchParts(type: RelationType, width = 44): [line: SwatchPart, start: SwatchPart, end: SwatchPart] {
  const s = relationStyles[type];
  const y = 8;
  const end = width - 7;
  const marker = (x: number, flip: boolean): SwatchPart => {
    const d = flip ? -1 : 1;
    const fill = 'currentColor';
    switch (s.marker) {
      case 'circle':
        return { tag: 'circle', attrs: { cx: x, cy: y, r: 3.6, fill } };
      case 'tee':
        return { tag: 'rect', attrs: { x: x - 1.5, y: y - 6, width: 3, height: 12, fill } };
      case 'diamond':
        return { tag: 'path', attrs: { d: `M${x - 5} ${y} L${x} ${y - 4.5} L${x + 5} ${y} L${x} ${y + 4.5} Z`, fill } };
      case 'triangle':
        return { tag: 'path', attrs: { d: `M${x - 6 * d} ${y - 5} L${x} ${y} L${x - 6 * d} ${y + 5} Z`, fill } };
    }
  };
  const line: SwatchPart = {
    tag: 'line',
    attrs: {
      x1: 7,
      y1: y,
      x2: end,
      y2: y,
      stroke: 'currentColor',
      'stroke-width': Math.round(s.width * 0.75 * 100) / 100,
      'stroke-linecap': 'round',
      ...(s.dash.length ? { 'stroke-dasharray': s.dash.map((n) => Math.round(n * 0.6 * 100) / 100).join(' ') } : {}),
    },
  };
  return [line, marker(7, true), marker(end, false)];
}
