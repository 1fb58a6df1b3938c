import './relation-colours.css';
import type { CSSProperties } from 'react';
import type { RelationType } from '../data/schema.ts';
import { relationStyles } from './relation-styles.ts';

/** The line pattern and end marker of a relation type, drawn the same way as on the canvas. */
export function RelationSwatch({ type, width = 44 }: { type: RelationType; width?: number }) {
  const s = relationStyles[type];
  const y = 8;
  const end = width - 7;
  const marker = (x: number, flip: boolean) => {
    const d = flip ? -1 : 1;
    switch (s.marker) {
      case 'circle':
        return <circle cx={x} cy={y} r={3.6} fill="currentColor" />;
      case 'tee':
        return <rect x={x - 1.5} y={y - 6} width={3} height={12} fill="currentColor" />;
      case 'diamond':
        return <path d={`M${x - 5} ${y} L${x} ${y - 4.5} L${x + 5} ${y} L${x} ${y + 4.5} Z`} fill="currentColor" />;
      case 'triangle':
        return <path d={`M${x - 6 * d} ${y - 5} L${x} ${y} L${x - 6 * d} ${y + 5} Z`} fill="currentColor" />;
    }
  };
  return (
    <svg
      className="swatch"
      style={{ '--swatch-light': s.colour.light, '--swatch-dark': s.colour.dark } as CSSProperties}
      width={width} height={16} viewBox={`0 0 ${width} 16`} aria-hidden="true" focusable="false">
      <line
        x1={7}
        y1={y}
        x2={end}
        y2={y}
        stroke="currentColor"
        strokeWidth={s.width * 0.75}
        strokeLinecap="round"
        strokeDasharray={s.dash.length ? s.dash.map((n) => n * 0.6).join(' ') : undefined}
      />
      {marker(7, true)}
      {marker(end, false)}
    </svg>
  );
}
