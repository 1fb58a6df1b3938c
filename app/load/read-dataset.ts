import type { Dataset } from '../data/schema.ts';
import { formatProblem, validateDataset } from '../data/validate.ts';
import { checkCounts, checkSize } from './limits.ts';
import { plural } from '../ui/plural.ts';

/** Structural, so a browser `File` fits and tests can pass plain objects. */
export interface InputFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** `problems` are display lines, each naming its place (a JSON path or a CSV line and column). */
/** `notices` say what a conversion decided for the user (e.g. a default relation type). */
export type LoadResult =
  | { ok: true; dataset: Dataset; hash: string; notices?: string[] }
  | { ok: false; reason: string; problems: string[] };

export const unsupportedFilesReason =
  'Stancegraph reads a dataset .json file, two .csv files (actors and relations), or one graph file: .gexf (Gephi), .graphml (yEd and others) or .cyjs (Cytoscape).';

const graphFormats = ['gexf', 'graphml', 'cyjs'] as const;

const fail = (reason: string, problems: string[] = []): LoadResult => ({ ok: false, reason, problems });
const extension = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/** Local date, since "today" for an imported dataset is the user's day. */
function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Sorted keys make the string, and so the hash, independent of how the file ordered them. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .flatMap((key) => {
      const v = (value as Record<string, unknown>)[key];
      return v === undefined ? [] : [`${JSON.stringify(key)}:${canonicalJson(v)}`];
    });
  return `{${entries.join(',')}}`;
}

/** First 16 hex characters of the SHA-256 of the canonical JSON. */
export async function contentHash(dataset: Dataset): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(dataset));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A successful read with its content hash beside the dataset; a failed one as it is. */
export async function withContentHash<T extends { ok: true; dataset: Dataset } | { ok: false }>(
  result: T,
): Promise<Exclude<T, { ok: true }> | (Extract<T, { ok: true }> & { hash: string })> {
  if (!result.ok) return result as Exclude<T, { ok: true }>;
  const ok = result as Extract<T, { ok: true }>;
  return { ...ok, hash: await contentHash(ok.dataset) };
}

/**
 * An unclosed string, object or array at the end of text that starts like JSON. Scanning beats
 * reading the parser's message, which differs between browsers.
 */
export function looksTruncated(text: string): boolean {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return inString || depth > 0;
}

/** Parser messages quote the input, which may hold line breaks or binary: keep one printable line. */
function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  let line = '';
  for (const ch of message) line += ch.charCodeAt(0) < 32 || ch === '\u007f' ? ' ' : ch;
  line = line.replace(/ {2,}/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? 'a string' : `a ${typeof value}`;

/** `label` names the file when there are two, so the reason says which one failed. */
async function readText(file: InputFile, label: string): Promise<{ text: string } | { error: LoadResult }> {
  const tooBig = checkSize(file.size);
  if (tooBig) return { error: fail(`${label}${tooBig}`) };
  if (file.size === 0) return { error: fail(`${label}The file is empty.`) };
  try {
    const text = (await file.text()).replace(/^\uFEFF/, '');
    if (text.trim() === '') return { error: fail(`${label}The file is empty.`) };
    return { text };
  } catch (error) {
    return { error: fail(`${file.name} could not be read: ${shortMessage(error)}`) };
  }
}

async function finish(dataset: Dataset, notices: string[] = []): Promise<LoadResult> {
  try {
    return { ok: true, dataset, hash: await contentHash(dataset), ...(notices.length > 0 ? { notices } : {}) };
  } catch (error) {
    return fail(`The dataset could not be hashed: ${shortMessage(error)}`);
  }
}

/** What a parser off the page hands back: with the content hash, computed there too. */
export type ParsedJson = ReturnType<typeof parseDatasetJson> | { ok: true; dataset: Dataset; hash: string };

/** Every check that can run before the (slow) full schema, then the schema itself. */
export function parseDatasetJson(text: string): { ok: true; dataset: Dataset } | { ok: false; reason: string; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (looksTruncated(text)) return { ok: false, reason: 'The file ends unexpectedly; it looks truncated (cut off before its end).', problems: [] };
    return { ok: false, reason: `This file is not JSON: ${shortMessage(error)}`, problems: [] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, reason: `This JSON file is not a dataset: its top level is ${kindOf(data)}, not an object.`, problems: [] };

  const record = data as Record<string, unknown>;
  // A future format would fail the v1 schema in many places; one clear line says more.
  if (record.schemaVersion !== 1) {
    const says = 'schemaVersion' in record ? `the file says ${JSON.stringify(record.schemaVersion) ?? 'nothing'}` : 'the file has none';
    return {
      ok: false,
      reason: 'This dataset is in a format version this app does not read; nothing was loaded.',
      problems: [`schemaVersion: this app reads version 1; ${says}`],
    };
  }
  const count = (key: string) => {
    const value = record[key];
    return Array.isArray(value) ? value.length : 0;
  };
  const tooMany = checkCounts(count('actors'), count('relations'), count('topics'), count('stances'));
  if (tooMany) return { ok: false, reason: tooMany, problems: [] };

  const result = validateDataset(data);
  if (!result.ok)
    return {
      ok: false,
      reason: `The dataset has ${plural(result.problems.length, 'problem')}; nothing was loaded.`,
      problems: result.problems.map(formatProblem),
    };
  return { ok: true, dataset: result.dataset };
}

/**
 * Turns what the user picked or dropped into a validated dataset. Never throws: every failure is
 * a one-line reason plus problem lines to show.
 */
export async function loadFiles(
  files: readonly InputFile[],
  options: {
    today?: string;
    /** Where the dataset JSON is parsed and validated; the page passes a worker (parse-client.ts). */
    parse?: (text: string) => Promise<ParsedJson>;
  } = {},
): Promise<LoadResult> {
  const exts = files.map((f) => extension(f.name));
  const first = files[0];
  const second = files[1];

  const graphFormat = graphFormats.find((f) => f === exts[0]);
  if (files.length === 1 && first && graphFormat) {
    const read = await readText(first, `${first.name}: `);
    if ('error' in read) return read.error;
    return importGraphFile(graphFormat, first.name, read.text, options.today ?? todayIso());
  }

  if (files.length === 1 && first && exts[0] === 'json') {
    const read = await readText(first, '');
    if ('error' in read) return read.error;
    // `cy.json()` output saved as .json: no schemaVersion, an "elements" object.
    if (/^\s*\{/.test(read.text) && read.text.includes('"elements"')) {
      const { looksLikeCytoscape } = await import('./graph-import.ts');
      if (looksLikeCytoscape(read.text)) return importGraphFile('cyjs', first.name, read.text, options.today ?? todayIso());
    }
    const parsed = options.parse ? await options.parse(read.text) : parseDatasetJson(read.text);
    if (!parsed.ok) return parsed;
    return 'hash' in parsed && parsed.hash ? { ok: true, dataset: parsed.dataset, hash: parsed.hash } : finish(parsed.dataset);
  }

  if (files.length === 2 && first && second && exts.every((e) => e === 'csv')) {
    for (const file of files) {
      const tooBig = checkSize(file.size);
      if (tooBig) return fail(`${file.name}: ${tooBig}`);
    }
    const readA = await readText(first, `${first.name}: `);
    if ('error' in readA) return readA.error;
    const readB = await readText(second, `${second.name}: `);
    if ('error' in readB) return readB.error;
    // CSV parsing (and papaparse) loads only for the few who bring CSV files.
    const { csvToDataset } = await import('./csv-dataset.ts');
    const converted = csvToDataset(
      [
        { name: first.name, text: readA.text },
        { name: second.name, text: readB.text },
      ],
      options.today ?? todayIso(),
    );
    return converted.ok ? finish(converted.dataset) : converted;
  }

  return fail(unsupportedFilesReason);
}

/** Graph formats load their parsers (graphology) only for the few who bring such a file. */
async function importGraphFile(format: (typeof graphFormats)[number], name: string, text: string, today: string): Promise<LoadResult> {
  const { importGraph } = await import('./graph-import.ts');
  const converted = importGraph(format, { name, text }, today);
  return converted.ok ? finish(converted.dataset, converted.notices) : converted;
}
