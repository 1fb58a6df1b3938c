import Papa from 'papaparse';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Actor, Dataset, Relation } from '../data/schema.ts';
import type { Visible } from '../view/visible.ts';

const filteredSuffix = ' (filtered)';
const maxTitle = 300;

/**
 * What is on screen as a dataset of its own, valid v1, so it can be loaded back. It keeps the
 * dataset id (the subset is still about the same story) and the whole source, since evidence
 * cites paragraphs by number.
 */
export function visibleSubgraph(index: DatasetIndex, visible: Visible): Dataset {
  const { dataset } = index;
  const relations = [...visible.relations];

  const keep = new Set<string>(visible.actorIds);
  for (const r of relations) keep.add(r.source).add(r.target);
  // Parents are normally visible already; a missing one would make the export invalid.
  for (const id of [...keep]) {
    let parent = index.actorById.get(id)?.parent;
    while (parent !== undefined && !keep.has(parent)) {
      keep.add(parent);
      parent = index.actorById.get(parent)?.parent;
    }
  }
  const actors: Actor[] = dataset.actors.filter((a) => keep.has(a.id));
  const stances = dataset.stances.filter((s) => keep.has(s.actor) && visible.enabledTopics.has(s.topic));

  const usedTopics = new Set<string>(visible.enabledTopics);
  for (const r of relations) for (const t of r.topics) usedTopics.add(t);
  for (const s of stances) usedTopics.add(s.topic);
  let topics = dataset.topics.filter((t) => usedTopics.has(t.id));
  if (topics.length === 0) topics = dataset.topics; // the format needs at least one topic

  const title =
    dataset.title.length + filteredSuffix.length > maxTitle
      ? `${dataset.title.slice(0, maxTitle - filteredSuffix.length - 1)}…${filteredSuffix}`
      : `${dataset.title}${filteredSuffix}`;

  // Marks of outside knowledge travel with the values they mark, so the subset stays honest.
  const marks = dataset.outsideKnowledge?.filter((m) => m.actor === undefined || keep.has(m.actor));

  return {
    schemaVersion: 1,
    id: dataset.id,
    title,
    description: dataset.description,
    date: dataset.date,
    source: dataset.source,
    topics,
    actors,
    relations,
    stances,
    ...(marks === undefined ? {} : { outsideKnowledge: marks }),
  };
}

export const relationsCsvColumns = [
  'id',
  'source',
  'source_name',
  'type',
  'target',
  'target_name',
  'directed',
  'topics',
  'summary',
  'evidence',
] as const;

/**
 * A spreadsheet runs a cell starting with one of these as a formula; names and quotes come from
 * loaded files, so they are untrusted. The leading apostrophe makes the cell plain text.
 */
const formulaStart = /^[=+\-@\t\r]/;
export const guardFormula = (cell: string) => (formulaStart.test(cell) ? `'${cell}` : cell);

function relationRow(index: DatasetIndex, r: Relation): string[] {
  const name = (id: string) => index.actorById.get(id)?.name ?? id;
  return [
    r.id,
    r.source,
    name(r.source),
    r.type,
    r.target,
    name(r.target),
    String(r.directed),
    r.topics.join(';'),
    r.summary,
    r.evidence.map((e) => `¶${e.paragraph} “${e.quote}”`).join(' | '),
  ].map(guardFormula);
}

/** The visible relations as CSV text, without a byte-order mark (Excel wants one for non-ASCII names). */
export function relationsCsv(index: DatasetIndex, visible: Visible): string {
  return Papa.unparse({
    fields: [...relationsCsvColumns],
    data: visible.relations.map((r) => relationRow(index, r)),
  });
}

/** Local date: the file is named after the user's day. */
function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function sanitiseId(datasetId: string): string {
  const clean = datasetId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 80)
    .replace(/^-|-$/g, '');
  return clean === '' ? 'dataset' : clean;
}

/** `stancegraph-<datasetId>-<YYYY-MM-DD>.<ext>`, the id reduced to [a-z0-9-]. */
export function exportFileName(datasetId: string, kind: 'png' | 'svg' | 'json' | 'csv', date: Date): string {
  return `stancegraph-${sanitiseId(datasetId)}-${isoDay(date)}.${kind}`;
}
