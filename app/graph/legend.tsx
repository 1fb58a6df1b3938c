import { relationTypes } from '../data/vocabulary.ts';
import { relationStyles } from '../ui/relation-styles.ts';
import { RelationSwatch } from '../ui/relation-swatch.tsx';

/** Explains the canvas: every relation type by colour, line pattern and end marker; actor kinds by shape. */
export function Legend() {
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend-title">
        Legend
      </h2>
      <ul className="legend-list">
        {relationTypes.map((t) => (
          <li key={t}>
            <RelationSwatch type={t} />
            <span>{relationStyles[t].label}</span>
            <span className="visually-hidden">: {relationStyles[t].description}</span>
          </li>
        ))}
      </ul>
      <ul className="legend-list kinds" aria-label="Actor kinds">
        <li>
          <span className="shape person" aria-hidden="true" /> Person
        </li>
        <li>
          <span className="shape organisation" aria-hidden="true" /> Organisation
        </li>
        <li>
          <span className="shape group" aria-hidden="true" /> Group
        </li>
        <li>
          <span className="shape state" aria-hidden="true" /> State (contains its people)
        </li>
      </ul>
      <p className="legend-note muted">One end marker: directed. Both ends: mutual.</p>
      <p className="legend-note muted">
        Larger shape: more relations shown. Wider line: stronger relation (its weight, else its number of quotes).
      </p>
    </section>
  );
}
