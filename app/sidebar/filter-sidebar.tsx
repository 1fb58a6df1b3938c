import { memo, useId, type ReactNode } from 'react';
import { noStateGroup, type DatasetIndex } from '../data/dataset-index.ts';
import { relationTypes } from '../data/vocabulary.ts';
import type { Visible } from '../view/visible.ts';
import { update, useView } from '../view/view-store.ts';
import {
  resetFilters,
  setAllGroups,
  setAllTopics,
  setAllTypes,
  setGroupOn,
  setEvidenceOnly,
  setShowUnconnected,
  setTopicOn,
  setTypeOn,
} from '../view/view-actions.ts';
import { relationStyles } from '../ui/relation-styles.ts';
import { RelationSwatch } from '../ui/relation-swatch.tsx';
import './filter-sidebar.css';

interface GroupProps {
  legend: string;
  hint?: string;
  onAll: () => void;
  onNone: () => void;
  children: ReactNode;
}

function FilterGroup({ legend, hint, onAll, onNone, children }: GroupProps) {
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      <div className="group-actions">
        <button type="button" className="button small" onClick={onAll}>
          All
        </button>
        <button type="button" className="button small" onClick={onNone}>
          None
        </button>
        {hint && <span className="muted hint">{hint}</span>}
      </div>
      <ul className="check-list">{children}</ul>
    </fieldset>
  );
}

function Check(props: {
  label: string;
  count: number;
  checked: boolean;
  onChange: (on: boolean) => void;
  lead?: ReactNode;
  title?: string | undefined;
}) {
  const countId = useId();
  // The count is a description, not part of the name, so "Alliance" stays the checkbox's name.
  return (
    <li>
      <label className="check" title={props.title}>
        <input
          type="checkbox"
          checked={props.checked}
          aria-describedby={countId}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        {props.lead}
        <span className="check-label">{props.label}</span>
        <span className="count" aria-hidden="true">
          {props.count}
        </span>
        <span id={countId} hidden>
          {props.count} {props.count === 1 ? 'relation' : 'relations'}
        </span>
      </label>
    </li>
  );
}

export const FilterSidebar = memo(function FilterSidebar({ index, visible }: { index: DatasetIndex; visible: Visible }) {
  const hiddenTopics = useView((s) => s.hiddenTopics);
  const hiddenTypes = useView((s) => s.hiddenTypes);
  const hiddenGroups = useView((s) => s.hiddenGroups);
  const showUnconnected = useView((s) => s.showUnconnected);
  const evidenceOnly = useView((s) => s.evidenceOnly);
  const topicIds = index.dataset.topics.map((t) => t.id);
  const groupKeys = index.groups.map((g) => g.key);

  return (
    <div className="filter-sidebar">
      <FilterGroup
        legend="Topics"
        onAll={() => update(setAllTopics(topicIds, true))}
        onNone={() => update(setAllTopics(topicIds, false))}
      >
        {index.dataset.topics.map((t) => (
          <Check
            key={t.id}
            label={t.label}
            title={t.description || undefined}
            count={visible.counts.topics.get(t.id) ?? 0}
            checked={!hiddenTopics.includes(t.id)}
            onChange={(on) => update(setTopicOn(t.id, on))}
          />
        ))}
      </FilterGroup>
      <FilterGroup
        legend="Relation types"
        onAll={() => update(setAllTypes(relationTypes, true))}
        onNone={() => update(setAllTypes(relationTypes, false))}
      >
        {relationTypes.map((type) => (
          <Check
            key={type}
            label={relationStyles[type].label}
            title={relationStyles[type].description}
            lead={<RelationSwatch type={type} width={36} />}
            count={visible.counts.types.get(type) ?? 0}
            checked={!hiddenTypes.includes(type)}
            onChange={(on) => update(setTypeOn(type, on))}
          />
        ))}
      </FilterGroup>
      {/* With no states there is only one group, and hiding it would hide everything. */}
      {index.groups.some((g) => g.key !== noStateGroup) && (
        <FilterGroup
          legend="Actors by state"
          onAll={() => update(setAllGroups(groupKeys, true))}
          onNone={() => update(setAllGroups(groupKeys, false))}
        >
          {index.groups.map((g) => (
            <Check
              key={g.key}
              label={g.label}
              title={`${g.members.length} actor${g.members.length === 1 ? '' : 's'}`}
              count={visible.counts.groups.get(g.key) ?? 0}
              checked={!hiddenGroups.includes(g.key)}
              onChange={(on) => update(setGroupOn(g.key, on))}
            />
          ))}
        </FilterGroup>
      )}
      <label className="check toggle">
        <input type="checkbox" checked={showUnconnected} onChange={(e) => update(setShowUnconnected(e.currentTarget.checked))} />
        <span className="check-label">Show actors without visible relations</span>
      </label>
      <label className="check toggle">
        <input type="checkbox" checked={evidenceOnly} onChange={(e) => update(setEvidenceOnly(e.currentTarget.checked))} />
        <span className="check-label">Only relations with evidence</span>
      </label>
      <button type="button" className="button" onClick={() => update(resetFilters)}>
        Reset filters
      </button>
      <p className="muted hint">Numbers count the relations each choice keeps, or would add, with the other filters as they are.</p>
    </div>
  );
});
