import type { RelationType } from '../data/schema.ts';
import { relationStyles } from './relation-styles.ts';
import { RelationSwatch } from './relation-swatch.tsx';
import './badges.css';

export function RelationTypeBadge({ type }: { type: RelationType }) {
  return (
    <span className="type-badge">
      <RelationSwatch type={type} width={28} />
      {relationStyles[type].label}
    </span>
  );
}
