import type { DatasetIndex } from '../data/dataset-index.ts';
import { relationStyles } from '../ui/relation-styles.ts';
import type { ViewState } from '../view/view-state.ts';

type Filters = Pick<ViewState, 'hiddenTopics' | 'hiddenTypes' | 'hiddenGroups' | 'showUnconnected' | 'focus'> & Partial<Pick<ViewState, 'evidenceOnly'>>;

const listed = (names: string[], max = 3) =>
  names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;

/** A one-line, read-only account of the filters, for the embedded view that has no sidebar. */
export function filterSummary(index: DatasetIndex, f: Filters): string {
  const parts: string[] = [];
  const topics = index.dataset.topics;
  const hiddenTopics = topics.filter((t) => f.hiddenTopics.includes(t.id));
  if (hiddenTopics.length === 0) parts.push('All topics');
  else if (hiddenTopics.length === topics.length) parts.push('No topics');
  else if (hiddenTopics.length * 2 > topics.length)
    parts.push(`Only ${listed(topics.filter((t) => !f.hiddenTopics.includes(t.id)).map((t) => t.label))}`);
  else parts.push(`All topics except ${listed(hiddenTopics.map((t) => t.label))}`);

  if (f.hiddenTypes.length === 0) parts.push('all relation types');
  else if (f.hiddenTypes.length === 4) parts.push('no relation types');
  else parts.push(`without ${f.hiddenTypes.map((t) => relationStyles[t].label.toLowerCase()).join(', ')}`);

  const hiddenGroups = index.groups.filter((g) => f.hiddenGroups.includes(g.key));
  if (hiddenGroups.length > 0) parts.push(`hiding ${listed(hiddenGroups.map((g) => g.label))}`);
  if (f.showUnconnected) parts.push('showing actors without relations');
  if (f.evidenceOnly) parts.push('only relations with evidence');
  if (f.focus) {
    const name = index.actorById.get(f.focus.actor)?.name ?? f.focus.actor;
    parts.push(`focused on ${name} (${f.focus.depth} ${f.focus.depth === 1 ? 'hop' : 'hops'})`);
  }
  return parts.join(' · ');
}
