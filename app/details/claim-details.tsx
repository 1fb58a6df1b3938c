import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Relation, Stance } from '../data/schema.ts';
import type { Visible } from '../view/visible.ts';
import { select } from '../view/view-actions.ts';
import { update } from '../view/view-store.ts';
import { PositionBadge } from '../ui/position-badge.tsx';
import { RelationTypeBadge } from '../ui/relation-type-badge.tsx';
import { ActorButton, EvidenceList } from './details-parts.tsx';

const nameOf = (index: DatasetIndex, id: string) => index.actorById.get(id)?.name ?? id;

export function RelationDetails({ index, visible, relation: r }: { index: DatasetIndex; visible: Visible; relation: Relation }) {
  const source = nameOf(index, r.source);
  const target = nameOf(index, r.target);
  return (
    <>
      <header className="details-card details-head">
        <h2 tabIndex={-1}>{`${source} ${r.directed ? '→' : '↔'} ${target}`}</h2>
        <p>
          <RelationTypeBadge type={r.type} />
        </p>
        <dl className="facts">
          <div>
            <dt>{r.directed ? 'From' : 'Between'}</dt>
            <dd>
              <ActorButton index={index} id={r.source} />
            </dd>
          </div>
          <div>
            <dt>{r.directed ? 'To' : 'And'}</dt>
            <dd>
              <ActorButton index={index} id={r.target} />
            </dd>
          </div>
          <div>
            <dt>Direction</dt>
            <dd>{r.directed ? `Directed: ${source} acts towards ${target}` : 'Mutual'}</dd>
          </div>
          <div>
            <dt>{r.topics.length === 1 ? 'Topic' : 'Topics'}</dt>
            <dd>
              <ul className="chip-list topics">
                {r.topics.map((t) => (
                  <li key={t} className={visible.enabledTopics.has(t) ? 'topic-chip' : 'topic-chip off'}>
                    {index.topicById.get(t)?.label ?? t}
                    {!visible.enabledTopics.has(t) && <span className="visually-hidden"> (hidden by filters)</span>}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
        {!visible.relationIds.has(r.id) && <p className="filter-note">Hidden by the current filters.</p>}
      </header>
      <section className="details-card" aria-label="Summary and evidence">
        <p className="summary lead">{r.summary}</p>
        <h3>Evidence</h3>
        <EvidenceList evidence={r.evidence} />
      </section>
    </>
  );
}

export function StanceDetails({ index, visible, stance: s }: { index: DatasetIndex; visible: Visible; stance: Stance }) {
  const actor = nameOf(index, s.actor);
  const topic = index.topicById.get(s.topic);
  const others = index.dataset.stances.filter((o) => o.topic === s.topic && o.actor !== s.actor);
  return (
    <>
      <header className="details-card details-head">
        <h2 tabIndex={-1}>{`${actor} on ${topic?.label ?? s.topic}`}</h2>
        <p>
          <PositionBadge position={s.position} />
        </p>
        {topic?.description && <p className="muted">{topic.description}</p>}
        {!visible.enabledTopics.has(s.topic) && <p className="filter-note">This topic is hidden by the current filters.</p>}
        {index.actorById.has(s.actor) && (
          <p>
            <button type="button" className="button small" onClick={() => update(select({ kind: 'actor', id: s.actor }))}>
              {`Open ${actor}`}
            </button>
          </p>
        )}
      </header>
      <section className="details-card" aria-label="Summary and evidence">
        <p className="summary lead">{s.summary}</p>
        <h3>Evidence</h3>
        <EvidenceList evidence={s.evidence} />
      </section>
      {others.length > 0 && (
        <section className="details-card" aria-label="Others on this topic">
          <h3>Others on this topic</h3>
          <ul className="item-list compact">
            {others.map((o) => (
              <li key={o.actor}>
                <button
                  type="button"
                  className="relation-item other-stance"
                  onClick={() => update(select({ kind: 'stance', actor: o.actor, topic: o.topic }))}>
                  <span className="other-actor">{nameOf(index, o.actor)}</span>
                  <span className="visually-hidden">: </span>
                  <PositionBadge position={o.position} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
