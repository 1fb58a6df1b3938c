import './relation-colours.css';
import { createElement, type CSSProperties } from 'react';
import type { RelationType } from '../data/schema.ts';
import { relationStyles } from './relation-styles.ts';
import { swatchParts } from './swatch-shape.ts';

// React spells SVG attributes in camelCase.
const reactName = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The line pattern and end marker of a relation type, drawn the same way as on the canvas. */
export function RelationSwatch({ type, width = 44 }: { type: RelationType; width?: number }) {
  const s = relationStyles[type];
  return (
    <svg
      className="swatch"
      style={{ '--swatch-light': s.colour.light, '--swatch-dark': s.colour.dark } as CSSProperties}
      width={width} height={16} viewBox={`0 0 ${width} 16`} aria-hidden="true" focusable="false">
      {swatchParts(type, width).map((part, i) =>
        createElement(part.tag, { key: i, ...Object.fromEntries(Object.entries(part.attrs).map(([k, v]) => [reactName(k), v])) }),
      )}
    </svg>
  );
}
