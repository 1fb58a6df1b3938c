/**
 * A pair of CSV files (actors and relations) → a dataset v1. Also documented in CSV.md.
 *
 * actors.csv — one actor per row
 *   required: id, name, kind            kind is person, state, organisation (or organization) or group
 *   optional: native_name, aliases, role, parent
 *             aliases are separated by ";"; parent is the id of a state actor
 *
 * relations.csv — one relation per row
 *   required: source, target, type      source/target are actor ids; type is alliance, tension,
 *                                       agreement or dialogue
 *   optional: id, directed, topics, summary, label, weight, evidence_quote, evidence_paragraph
 *     id                  empty → r1, r2, … (skipping ids already used by actors or other rows)
 *     directed            true/false/yes/no/1/0, empty → false
 *     topics              topic ids separated by ";"; lower-cased, spaces become "-";
 *                         no column or an empty cell → the single topic "general"
 *     summary             empty → "<source name> – <type> – <target name>"
 *     label               at most 40 characters, drawn along the relation; empty → none
 *     weight              a number > 0 (e.g. a count), drawn as line width; empty → none
 *     evidence_quote      words quoted from the article
 *     evidence_paragraph  1-based paragraph of that quote, empty → 1
 *
 * Which file is which is told from the header row, not the file name. Header names are
 * case-insensitive; other columns are ignored. Lines are 1-based file lines, the header is line 1.
 *
 * A CSV pair carries no article, so the source is rebuilt from the quotes: paragraph N holds every
 * quote given with paragraph N (joined by " … "). A relation without a quote has no evidence (the
 * app says "No evidence given"); nothing is invented to stand in for it. Without any quotes the
 * source is one sentence, "Imported from <actors file> and <relations file>.", which nothing cites.
 */
import Papa from 'papaparse';
import { actorKinds, relationTypes, type Actor, type Dataset, type Evidence, type Relation, type Topic } from '../data/schema.ts';
import { validateDataset, type Problem } from '../data/validate.ts';
import { checkCounts } from './limits.ts';
import { plural } from '../ui/plural.ts';

export interface CsvFile {
  name: string;
  text: string;
}

export type CsvResult = { ok: true; dataset: Dataset } | { ok: false; reason: string; problems: string[] };

export const actorColumns = { required: ['id', 'name', 'kind'], optional: ['native_name', 'aliases', 'role', 'parent'] } as const;
export const relationColumns = {
  required: ['source', 'target', 'type'],
  optional: ['id', 'directed', 'topics', 'summary', 'label', 'weight', 'evidence_quote', 'evidence_paragraph'],
} as const;

export const defaultTopic = 'general';
/** A typo like 20250 must not make the rebuilt source allocate thousands of empty paragraphs. */
export const maxParagraphNumber = 10_000;

type Role = 'actors' | 'relations';

interface Row {
  /** File line where the row starts. */
  line: number;
  cells: Record<string, string>;
}

interface ParsedCsv {
  name: string;
  fields: string[];
  rows: Row[];
}

const roleColumns: Record<Role, readonly string[]> = {
  actors: ['name', 'kind', ...actorColumns.optional],
  relations: [...relationColumns.required, ...relationColumns.optional.filter((c) => c !== 'id')],
};

const fieldNames: Record<Role, Record<string, string>> = {
  actors: { nativeName: 'native_name' },
  relations: {},
};

const show = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
const clip = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');

/** Decided from the header row only: a ";" inside an aliases or topics cell must not win. */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  if (header.includes(',')) return ',';
  if (header.includes('\t')) return '\t';
  if (header.includes(';')) return ';';
  return ',';
}

function headerOf(text: string): string[] {
  const result = Papa.parse<string[]>(text, { preview: 1, delimiter: delimiterOf(text) });
  return (result.data[0] ?? []).map(normaliseHeader);
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function parseCsv(file: CsvFile, problems: string[]): ParsedCsv {
  const text = normaliseText(file.text);
  const rows: Row[] = [];
  let fields: string[] = [];
  let counted = 0;
  let linesBefore = 1; // line number at offset `counted`
  const lineAt = (offset: number) => {
    const target = Math.max(offset, counted);
    linesBefore += countNewlines(text, counted, target);
    counted = target;
    return linesBefore;
  };

  Papa.parse<Record<string, unknown>>(text, {
    header: true,
    // 'greedy' also drops the ",,," rows spreadsheets write for blank lines.
    skipEmptyLines: 'greedy',
    delimiter: delimiterOf(text),
    transformHeader: normaliseHeader,
    step: (result) => {
      fields = result.meta.fields ?? fields;
      const cells: Record<string, string> = {};
      let extra: unknown[] = [];
      let newlinesInside = 0;
      for (const [key, value] of Object.entries(result.data)) {
        if (key === '__parsed_extra') {
          extra = Array.isArray(value) ? value : [];
          continue;
        }
        const cell = typeof value === 'string' ? value : '';
        newlinesInside += countNewlines(cell, 0, cell.length);
        cells[key] = cell.trim();
      }
      // The cursor is just past the row (and its line break); quoted line breaks move its start back.
      const cursor = result.meta.cursor;
      const endLine = lineAt(text[cursor - 1] === '\n' ? cursor - 1 : cursor);
      const line = endLine - newlinesInside;
      for (const error of result.errors) {
        if (error.code === 'TooFewFields') continue; // missing trailing cells read as empty
        if (error.code === 'TooManyFields') {
          if (extra.every((e) => typeof e !== 'string' || e.trim() === '')) continue; // trailing commas
          problems.push(`${file.name} line ${line}: this row has more cells than the header has columns (a "," inside a cell needs quotes)`);
          continue;
        }
        const at = 'index' in error && typeof error.index === 'number' ? 1 + countNewlines(text, 0, error.index) : line;
        problems.push(`${file.name} line ${at}: ${error.message}`);
      }
      rows.push({ line, cells });
    },
  });
  if (fields.length === 0) fields = headerOf(text);
  return { name: file.name, fields, rows };
}

/** How strongly the header says "actors" or "relations"; the file name only breaks ties. */
function roleScore(fields: readonly string[], name: string): number {
  const has = (c: string) => fields.includes(c);
  const score = roleColumns.relations.filter(has).length - roleColumns.actors.filter(has).length;
  const lower = name.toLowerCase();
  const hint = lower.includes('relation') ? 0.5 : lower.includes('actor') ? -0.5 : 0;
  return score + hint;
}

function missingColumns(parsed: ParsedCsv, required: readonly string[], problems: string[]) {
  for (const column of required)
    if (!parsed.fields.includes(column)) problems.push(`${parsed.name} line 1: missing column "${column}"`);
}

type Cell = (column: string, message: string) => void;

function rowReporter(fileName: string, line: number, problems: string[]): Cell {
  return (column, message) => problems.push(`${fileName} line ${line}, column "${column}": ${message}`);
}

function required(cells: Record<string, string>, column: string, report: Cell): string {
  const value = cells[column] ?? '';
  if (value === '') report(column, 'is empty');
  return value;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

// A Map, not an object: the cell is user text, and "constructor" must not find Object's member.
const kindAliases = new Map([['organization', 'organisation']]);

function toActor(row: Row, fileName: string, problems: string[]): Actor {
  const report = rowReporter(fileName, row.line, problems);
  const c = row.cells;
  const id = required(c, 'id', report);
  const name = required(c, 'name', report);
  const rawKind = required(c, 'kind', report);
  const lowered = rawKind.toLowerCase();
  const kind = kindAliases.get(lowered) ?? lowered;
  if (rawKind !== '' && !(actorKinds as readonly string[]).includes(kind))
    report('kind', `${show(rawKind)} is not one of ${actorKinds.join(', ')}`);
  const actor: Actor = { id, name, kind: kind as Actor['kind'] };
  if (c.native_name) actor.nativeName = c.native_name;
  const aliases = list(c.aliases);
  if (aliases.length > 0) actor.aliases = aliases;
  if (c.role) actor.role = c.role;
  if (c.parent) actor.parent = c.parent;
  return actor;
}

const truthy = new Set(['true', 'yes', '1']);
const falsy = new Set(['false', 'no', '0', '']);

export const topicIdOf = (value: string) => value.trim().toLowerCase().replace(/\s+/g, '-');

export function topicLabel(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return clip(words.charAt(0).toUpperCase() + words.slice(1), 120);
}

interface RelationDraft {
  id: string | null;
  source: string;
  target: string;
  type: Relation['type'];
  directed: boolean;
  topics: string[];
  summary: string;
  label: string;
  weight: number | null;
  quote: { paragraph: number; text: string } | null;
}

function toRelationDraft(row: Row, fileName: string, problems: string[]): RelationDraft {
  const report = rowReporter(fileName, row.line, problems);
  const c = row.cells;
  const source = required(c, 'source', report);
  const target = required(c, 'target', report);
  const rawType = required(c, 'type', report);
  const type = rawType.toLowerCase();
  if (rawType !== '' && !(relationTypes as readonly string[]).includes(type))
    report('type', `${show(rawType)} is not one of ${relationTypes.join(', ')}`);

  const rawDirected = (c.directed ?? '').toLowerCase();
  if (!truthy.has(rawDirected) && !falsy.has(rawDirected))
    report('directed', `${show(c.directed ?? '')} is not one of true, false, yes, no, 1, 0`);

  const topics = [...new Set(list(c.topics).map(topicIdOf))];

  const label = c.label ?? '';
  if (label.length > 40) report('label', `has ${label.length} characters; a label has at most 40`);
  const rawWeight = c.weight ?? '';
  const weight = rawWeight === '' ? null : Number(rawWeight);
  if (weight !== null && !(Number.isFinite(weight) && weight > 0 && weight <= 1e6))
    report('weight', `${show(rawWeight)} is not a number greater than 0 (at most 1000000)`);

  const quoteText = c.evidence_quote ?? '';
  const rawParagraph = c.evidence_paragraph ?? '';
  let paragraph = 1;
  if (rawParagraph !== '') {
    paragraph = /^\d+$/.test(rawParagraph) ? Number(rawParagraph) : NaN;
    if (!(paragraph >= 1 && paragraph <= maxParagraphNumber))
      report('evidence_paragraph', `${show(rawParagraph)} is not a paragraph number from 1 to ${maxParagraphNumber}`);
    else if (quoteText === '') report('evidence_quote', `is empty, but evidence_paragraph is ${paragraph}`);
  }

  return {
    id: c.id ? c.id : null,
    source,
    target,
    type: type as Relation['type'],
    directed: truthy.has(rawDirected),
    topics: topics.length > 0 ? topics : [defaultTopic],
    summary: c.summary ?? '',
    label,
    weight,
    quote: quoteText === '' ? null : { paragraph, text: quoteText },
  };
}

/** FNV-1a: a synchronous, stable short id; the content hash proper is computed after loading. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function finishRelations(drafts: RelationDraft[], actors: Actor[]): Relation[] {
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const taken = new Set<string>([...actors.map((a) => a.id), ...drafts.flatMap((d) => (d.id === null ? [] : [d.id]))]);
  let counter = 0;
  const nextId = () => {
    let id: string;
    do id = `r${++counter}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
  return drafts.map((d) => {
    const evidence: Evidence[] = d.quote ? [{ paragraph: d.quote.paragraph, quote: d.quote.text }] : [];
    return {
      id: d.id ?? nextId(),
      source: d.source,
      target: d.target,
      type: d.type,
      directed: d.directed,
      topics: d.topics,
      summary: d.summary !== '' ? d.summary : `${names.get(d.source) ?? d.source} – ${d.type} – ${names.get(d.target) ?? d.target}`,
      ...(d.label !== '' ? { label: d.label } : {}),
      ...(d.weight !== null ? { weight: d.weight } : {}),
      evidence,
    };
  });
}

function buildSource(drafts: RelationDraft[], note: string): string[] {
  const byParagraph = new Map<number, Set<string>>();
  for (const d of drafts) {
    if (!d.quote) continue;
    const quotes = byParagraph.get(d.quote.paragraph) ?? new Set<string>();
    quotes.add(d.quote.text);
    byParagraph.set(d.quote.paragraph, quotes);
  }
  const last = Math.max(0, ...byParagraph.keys());
  const paragraphs = Array.from({ length: last }, (_, i) => [...(byParagraph.get(i + 1) ?? [])].join(' … '));
  // The format needs one paragraph; the note describes the import and is evidence of nothing.
  if (paragraphs.length === 0) paragraphs.push(note);
  return paragraphs;
}

const pathPattern = /^(actors|relations)\[(\d+)\](?:\.([A-Za-z]+))?/;

function columnOf(role: Role, field: string | undefined): string | null {
  if (field === undefined) return null;
  if (role === 'relations' && field === 'evidence') return 'evidence_quote';
  return fieldNames[role][field] ?? field;
}

/** `relations[3].target` → `relations.csv line 5, column "target"`. */
function mapProblems(problems: Problem[], files: Record<Role, ParsedCsv>): string[] {
  const mapped: string[] = [];
  const others: string[] = [];
  const topicOnly: string[] = [];
  for (const p of problems) {
    const m = pathPattern.exec(p.path);
    const role = m?.[1] as Role | undefined;
    const row = role && m ? files[role].rows[Number(m[2])] : undefined;
    if (role && m && row) {
      let column = columnOf(role, m[3]);
      if (role === 'relations' && p.path.includes('.paragraph')) column = 'evidence_paragraph';
      const place = `${files[role].name} line ${row.line}`;
      // Messages cite other rows by path too ("first used at actors[1].id").
      const message = p.message.replace(/\b(actors|relations)\[(\d+)\](?:\.[A-Za-z]+)?/g, (whole, r: string, i: string) => {
        const cited = files[r as Role].rows[Number(i)];
        return cited ? `${r === role ? '' : `${files[r as Role].name} `}line ${cited.line}` : whole;
      });
      mapped.push(column ? `${place}, column "${column}": ${message}` : `${place}: ${message}`);
    } else if (p.path.startsWith('topics[')) {
      // Topics come from relation cells, which carry the same problem with a line number.
      topicOnly.push(`${p.path}: ${p.message}`);
    } else others.push(`${p.path}: ${p.message}`);
  }
  const all = [...mapped, ...others];
  return all.length > 0 ? all : topicOnly;
}

const failure = (problems: string[], what = 'The CSV files have'): CsvResult => ({
  ok: false,
  reason: `${what} ${plural(problems.length, 'problem')}; nothing was loaded.`,
  problems,
});

/**
 * Converts an actors/relations CSV pair, given in either order. `today` (an ISO date) becomes the
 * dataset date, passed in so results are reproducible.
 */
export function csvToDataset(files: readonly [CsvFile, CsvFile], today: string): CsvResult {
  const [a, b] = files;
  const scoreA = roleScore(headerOf(normaliseText(a.text)), a.name);
  const scoreB = roleScore(headerOf(normaliseText(b.text)), b.name);
  if (scoreA === scoreB)
    return {
      ok: false,
      reason: 'Could not tell which .csv file holds actors (columns id, name, kind) and which holds relations (columns source, target, type).',
      problems: [],
    };
  const [actorsFile, relationsFile] = scoreA < scoreB ? [a, b] : [b, a];

  const problems: string[] = [];
  const actorsCsv = parseCsv(actorsFile, problems);
  const relationsCsv = parseCsv(relationsFile, problems);
  missingColumns(actorsCsv, actorColumns.required, problems);
  missingColumns(relationsCsv, relationColumns.required, problems);
  if (problems.length > 0) return failure(problems);

  const tooMany = checkCounts(actorsCsv.rows.length, relationsCsv.rows.length);
  if (tooMany) return { ok: false, reason: tooMany, problems: [] };

  const actors = actorsCsv.rows.map((row) => toActor(row, actorsCsv.name, problems));
  const drafts = relationsCsv.rows.map((row) => toRelationDraft(row, relationsCsv.name, problems));
  if (problems.length > 0) return failure(problems);

  const names = `${clip(actorsFile.name, 120)} and ${clip(relationsFile.name, 120)}`;
  const note = `Imported from ${names}.`;
  const paragraphs = buildSource(drafts, note);
  const relations = finishRelations(drafts, actors);

  const topicIds = [...new Set(relations.flatMap((r) => r.topics))];
  if (topicIds.length === 0) topicIds.push(defaultTopic); // a dataset needs one topic even with no relations
  const topics: Topic[] = topicIds.map((id) => ({ id, label: topicLabel(id), description: '' }));

  const dataset = {
    schemaVersion: 1,
    id: `csv-${shortHash(`${normaliseText(actorsFile.text)}\u0000${normaliseText(relationsFile.text)}`)}`,
    title: names,
    description: 'Imported from CSV',
    date: today,
    source: { title: names, paragraphs },
    topics,
    actors,
    relations,
    stances: [],
  };
  const result = validateDataset(dataset);
  if (!result.ok) return failure(mapProblems(result.problems, { actors: actorsCsv, relations: relationsCsv }));
  return { ok: true, dataset: result.dataset };
}
