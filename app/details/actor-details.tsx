import { useId, useState, type ReactNode } from 'react';
import type { DatasetIndex } from '../data/dataset-index.ts';
import { relationTypes } from '../data/vocabulary.ts';
import type { Actor } from '../data/schema.ts';
import type { Visible } from '../view/visible.ts';
import { focusDepths, type FocusDepth } from '../view/view-state.ts';
import { clearFocus, select, setFocus } from '../view/view-actions.ts';
import { update, useView } from '../view/view-store.ts';
import { PositionBadge } from '../ui/position-badge.tsx';
import { RelationTypeBadge } from '../ui/relation-type-badge.tsx';
import { ActorButton, EvidenceList } from './details-parts.tsx';
import { directionFrom, directionGlyph, directionWord, guessLang, kindLabels, otherEnd } from './labels.ts';
import { plural } from '../ui/plural.ts';

export function ActorDetails({ index, visible, actor }: { index: DatasetIndex; visible: Visible; actor: Actor }) {
  const members = actor.kind === 'state' ? (index.childrenOf.get(actor.id) ?? []) : [];
  return (
    <>
      <header className="details-card details-head">
        <h2 tabIndex={-1}>{actor.name}</h2>
        {actor.nativeName && (
          <p className="native-name" lang={guessLang(actor.nativeName)}>
            {actor.nativeName}
          </p>
        )}
        <p className="actor-kind">
          <span className="kind-tag">{kindLabels[actor.kind]}</span>
          {actor.role && <span>{actor.role}</span>}
        </p>
        {actor.aliases && actor.aliases.length > 0 && <p className="muted">Also called {actor.aliases.join(', ')}</p>}
        {actor.parent !== undefined && (
          <p>
            Part of <ActorButton index={index} id={actor.parent} />
          </p>
        )}
        {!visible.actorIds.has(actor.id) && <p className="filter-note">Not shown with the current filters.</p>}
      </header>

      <FocusControls key={actor.id} index={index} actor={actor} />

      {members.length > 0 && (
        <DetailsSection title="Members">
          <ul className="chip-list">
            {members.map((id) => (
              <li key={id}>
                <ActorButton index={index} id={id} />
              </li>
            ))}
          </ul>
        </DetailsSection>
      )}

      <ActorStances index={index} visible={visible} actor={actor} />
      <ActorRelations index={index} visible={visible} actor={actor} />
    </>
  );
}

function DetailsSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="details-card" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function FocusControls({ index, actor }: { index: DatasetIndex; actor: Actor }) {
  const focus = useView((s) => s.focus);
  const [chosen, setChosen] = useState<FocusDepth>(1);
  const radioName = useId();
  const focusedHere = focus?.actor === actor.id;
  const depth = focusedHere ? focus.depth : chosen;
  const elsewhere = focus && !focusedHere ? index.actorById.get(focus.actor)?.name : undefined;

  const chooseDepth = (d: FocusDepth) => {
    setChosen(d);
    if (focusedHere) update(setFocus(d));
  };

  return (
    <div role="group" aria-label="Focus" className="details-card focus-controls">
      <fieldset className="depth-choice">
        <legend>Depth (hops)</legend>
        {focusDepths.map((d) => (
          <label key={d} className="depth-option">
            <input type="radio" name={radioName} value={d} checked={depth === d} onChange={() => chooseDepth(d)} />
            {String(d)}
          </label>
        ))}
      </fieldset>
      <div className="focus-actions">
        <button type="button" className="button small primary" onClick={() => update(setFocus(depth))}>
          Focus
        </button>
        {focusedHere && (
          <button type="button" className="button small" onClick={() => update(clearFocus)}>
            Clear focus
          </button>
        )}
      </div>
      <p className="focus-hint muted">
        {focusedHere
          ? `Showing only actors within ${plural(depth, 'hop', 'hops')} of ${actor.name}.`
          : elsewhere
            ? `Focus is on ${elsewhere}; Focus moves it to ${actor.name}.`
            : `Show only the actors within a few relations of ${actor.name}.`}
      </p>
    </div>
  );
}

function ActorStances({ index, visible, actor }: { index: DatasetIndex; visible: Visible; actor: Actor }) {
  const stances = index.stancesByActor.get(actor.id) ?? [];
  return (
    <DetailsSection title="Stances by topic">
      {stances.length === 0 ? (
        <p className="muted">No stances recorded.</p>
      ) : (
        <ul className="item-list">
          {stances.map((s) => (
            <li key={s.topic} className="stance-item">
              <div className="item-head">
                <button
                  type="button"
                  className="link-button topic-link"
                  onClick={() => update(select({ kind: 'stance', actor: s.actor, topic: s.topic }))}>
                  {index.topicById.get(s.topic)?.label ?? s.topic}
                </button>
                <PositionBadge position={s.position} />
              </div>
              {!visible.enabledTopics.has(s.topic) && <p className="filter-note">(topic hidden by filters)</p>}
              <p className="summary">{s.summary}</p>
              <EvidenceList evidence={s.evidence} />
            </li>
          ))}
        </ul>
      )}
    </DetailsSection>
  );
}

function ActorRelations({ index, visible, actor }: { index: DatasetIndex; visible: Visible; actor: Actor }) {
  const relations = index.relationsByActor.get(actor.id) ?? [];
  const types = relationTypes.filter((t) => relations.some((r) => r.type === t));
  return (
    <DetailsSection title="Relations">
      {types.length === 0 && <p className="muted">No relations recorded.</p>}
      {types.map((type) => (
        <div key={type} className="relation-group">
          <h4>
            <RelationTypeBadge type={type} />
          </h4>
          <ul className="item-list">
            {relations
              .filter((r) => r.type === type)
              .map((r) => {
                const direction = directionFrom(r, actor.id);
                const other = otherEnd(r, actor.id);
                const hidden = !visible.relationIds.has(r.id);
                return (
                  <li key={r.id}>
                    <button
                      type="button"
                      className={hidden ? 'relation-item hidden-by-filters' : 'relation-item'}
                      onClick={() => update(select({ kind: 'relation', id: r.id }))}>
                      <span className="relation-line">
                        <span className="direction" aria-hidden="true">
                          {directionGlyph[direction]}
                        </span>
                        <span className="visually-hidden">{directionWord[direction]} </span>
                        <span className="other-actor">{index.actorById.get(other)?.name ?? other}</span>
                        {hidden && <span className="filter-note"> (hidden by filters)</span>}
                        <span className="visually-hidden">: </span>
                      </span>
                      <span className="summary">{r.summary}</span>
                    </button>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </DetailsSection>
  );
}
