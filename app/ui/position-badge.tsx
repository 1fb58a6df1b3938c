import type { Position } from '../data/schema.ts';
import './badges.css';

/** Stance positions carry a glyph and a word, so colour is never the only signal. */
export const positionInfo: Record<Position, { label: string; glyph: string }> = {
  supports: { label: 'Supports', glyph: '✓' },
  opposes: { label: 'Opposes', glyph: '✕' },
  conditional: { label: 'Conditional', glyph: '◐' },
  ambiguous: { label: 'Ambiguous', glyph: '?' },
};

export function PositionBadge({ position }: { position: Position }) {
  const info = positionInfo[position];
  return (
    <span className={`position-badge position-${position}`}>
      <span className="glyph" aria-hidden="true">
        {info.glyph}
      </span>
      {info.label}
    </span>
  );
}
