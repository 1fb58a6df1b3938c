import { MultiGraph } from 'graphology';
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import type { Attributes, default as Graph } from 'graphology-types';
import createGexfParser from 'graphology-gexf/common/parser.js';
import createGraphmlParser from 'graphology-graphml/common/parser.js';
import { actorKinds, relationTypes, type Actor, type ActorKind, type Dataset, type Relation, type RelationType } from '../data/schema.ts';
import { formatProblem, validateDataset } from '../data/validate.ts';
import { checkCounts } from './limits.ts';
import { plural } from '../ui/plural.ts';

/**
 * Graphs from other tools (Gephi's GEXF, GraphML from yEd and many libraries, Cytoscape's JSON)
 * as format v1. They carry no quotes, so their relations have no evidence and the app says so.
 * Loaded on demand: graphology and its parsers stay out of the first bundle.
 *
 * XML is read by xmldom, not the browser's DOMParser: Chromium builds its parse-error report with
 * an inline style, which the page's Content-Security-Policy reports as a violation; xmldom also
 * gives line numbers and never loads a DTD or an external entity.
 */
const xmlDom: XmlEnvironment = {
  DOMParser: XmlDomParser,
  Document: new XmlDomParser().parseFromString('<t/>', 'application/xml').constructor,
};

export type GraphFormat = 'gexf' | 'graphml' | 'cyjs';
export interface XmlEnvironment {
  DOMParser: unknown;
  Document: unknown;
}
export type ImportResult =
  | { ok: true; dataset: Dataset; notices: string[] }
  | { ok: false; reason: string; problems: string[] };

export const defaultRelationType: RelationType = 'dialogue';
const defaultKind: ActorKind = 'person';
const generalTopic = 'general';
const maxLabel = 40;

const fail = (reason: string, problems: string[] = []): ImportResult => ({ ok: false, reason, problems });
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const show = (value: unknown) => clip(JSON.stringify(value) ?? String(value), 60);

/** A short stable hash of the text, so the same file gets the same dataset id. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/** Ids from other tools may hold spaces or start with a symbol: make each a valid, unique v1 id. */
function idMaker(taken: Set<string>) {
  return (raw: string, fallback: string): string => {
    let id = idPattern.test(raw) && raw.length <= 200 ? raw : raw.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 180);
    if (id === '') id = fallback;
    let unique = id;
    for (let n = 2; taken.has(unique); n++) unique = `${id}-${n}`;
    taken.add(unique);
    return unique;
  };
}

const text = (value: unknown): string | null => {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
};

/** The first of `keys` (case-insensitive) that names a relation type. */
function relationTypeOf(attrs: Attributes): RelationType | null {
  for (const [key, value] of Object.entries(attrs)) {
    if (!['type', 'relation', 'interaction'].includes(key.toLowerCase())) continue;
    const named = typeof value === 'string' ? value.trim().toLowerCase() : '';
    const type = relationTypes.find((t) => t === named);
    if (type) return type;
  }
  return null;
}

function kindOf(attrs: Attributes): ActorKind {
  for (const [key, value] of Object.entries(attrs)) {
    if (!['kind', 'type'].includes(key.toLowerCase()) || typeof value !== 'string') continue;
    const named = value.trim().toLowerCase().replace('organization', 'organisation');
    const kind = actorKinds.find((k) => k === named);
    if (kind) return kind;
  }
  return defaultKind;
}

const coordinate = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e6 ? v : null);
const weightOf = (v: unknown) => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 && n <= 1e6 ? n : null;
};

/** One node or edge as the converter needs it, whichever format it came from. */
interface NodeIn {
  key: string;
  attrs: Attributes;
  where: string;
}
interface EdgeIn {
  key: string | null;
  source: string;
  target: string;
  directed: boolean;
  attrs: Attributes;
  where: string;
}

function toDataset(fileName: string, fileText: string, nodes: NodeIn[], edges: EdgeIn[], today: string, format: GraphFormat): ImportResult {
  const tooMany = checkCounts(nodes.length, edges.length);
  if (tooMany) return fail(`${fileName}: ${tooMany}`);
  const makeId = idMaker(new Set());
  const idOf = new Map<string, string>();
  const problems: string[] = [];
  const actors: Actor[] = nodes.map((n, i) => {
    if (idOf.has(n.key)) problems.push(`${fileName}, ${n.where}: the node id ${show(n.key)} is used twice`);
    const id = makeId(n.key, `n${i + 1}`);
    idOf.set(n.key, id);
    const name = text(n.attrs.label) ?? text(n.attrs.name) ?? text(n.attrs.Label) ?? text(n.attrs.Name) ?? n.key;
    const x = coordinate(n.attrs.x);
    const y = coordinate(n.attrs.y);
    return {
      id,
      name: clip(name, 200),
      kind: kindOf(n.attrs),
      ...(x !== null && y !== null ? { position: { x, y } } : {}),
    };
  });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  let defaulted = 0;
  const relations: Relation[] = [];
  edges.forEach((e, i) => {
    const source = idOf.get(e.source);
    const target = idOf.get(e.target);
    if (source === undefined || target === undefined) {
      const missing = source === undefined ? `source ${show(e.source)}` : `target ${show(e.target)}`;
      problems.push(`${fileName}, ${e.where}: its ${missing} is not a node in the file`);
      return;
    }
    let type = relationTypeOf(e.attrs);
    if (type === null) {
      type = defaultRelationType;
      defaulted++;
    }
    const label = text(e.attrs.label) ?? text(e.attrs.name);
    const weight = weightOf(e.attrs.weight);
    relations.push({
      id: makeId(e.key ?? `r${i + 1}`, `r${i + 1}`),
      source,
      target,
      type,
      directed: e.directed,
      topics: [generalTopic],
      summary: `${names.get(source)} – ${type} – ${names.get(target)}`,
      ...(label !== null ? { label: clip(label, maxLabel) } : {}),
      ...(weight !== null ? { weight } : {}),
      evidence: [],
    });
  });
  if (problems.length > 0) return fail(`${fileName} could not be read as a graph: ${plural(problems.length, 'problem')}; nothing was loaded.`, problems);

  const title = clip(fileName, 300);
  const result = validateDataset({
    schemaVersion: 1,
    id: `${format}-${shortHash(fileText)}`,
    title,
    description: `Imported from ${format === 'cyjs' ? 'Cytoscape JSON' : format.toUpperCase()}. The file carries no quotes, so no relation has evidence.`,
    date: today,
    source: { title, paragraphs: [`Imported from ${clip(fileName, 200)}.`] },
    topics: [{ id: generalTopic, label: 'General', description: '' }],
    actors,
    relations,
    stances: [],
  });
  if (!result.ok)
    return fail(`${fileName}: the converted dataset has ${plural(result.problems.length, 'problem')}; nothing was loaded.`, result.problems.map(formatProblem));
  const notices =
    defaulted > 0
      ? [
          `${plural(defaulted, 'relation', 'relations')} in ${fileName} named no relation type (alliance, tension, agreement or dialogue) in a "type", "relation" or "interaction" attribute, so ${defaulted === 1 ? 'it was' : 'they were'} given the type Dialogue.`,
        ]
      : [];
  return { ok: true, dataset: result.dataset, notices };
}

/** Entity declarations can expand without bound or reach outside; no graph file needs them. */
const declaresEntities = (xml: string) => /<!ENTITY/i.test(xml);

function parseXml(fileName: string, xml: string, env: XmlEnvironment): { doc: Document } | { error: ImportResult } {
  if (declaresEntities(xml)) return { error: fail(`${fileName}: the file declares XML entities (<!ENTITY …>), which Stancegraph does not read.`) };
  let doc: Document;
  const Parser = env.DOMParser as { new (): DOMParser };
  const errors: string[] = [];
  try {
    // xmldom reports through an error handler; browsers put a <parsererror> element in the document.
    const parser = new (Parser as unknown as new (options?: unknown) => DOMParser)({
      locator: {},
      onError: (level: string, message: string) => {
        if (level !== 'warning') errors.push(message);
      },
      errorHandler: {
        warning: () => undefined,
        error: (m: string) => errors.push(m),
        fatalError: (m: string) => errors.push(m),
      },
    });
    doc = parser.parseFromString(xml, 'application/xml');
  } catch (error) {
    return { error: fail(`${fileName} is not well-formed XML: ${xmlMessage(error instanceof Error ? error.message : String(error))}`) };
  }
  const parserError = doc.getElementsByTagName('parsererror')[0];
  if (parserError || errors.length > 0)
    return { error: fail(`${fileName} is not well-formed XML: ${xmlMessage(errors[0] ?? parserError?.textContent ?? '')}`) };
  return { doc };
}

/** "error on line 3 at column 5: …" (Chromium) or "[xmldom error] … @#[line:3,col:5]": keep one line. */
function xmlMessage(message: string): string {
  const line = /line[^\d]{0,3}(\d+)/i.exec(message)?.[1];
  const firstLine = message.replace(/\s+/g, ' ').replace(/^This page contains the following errors:\s*/i, '').trim();
  const short = clip(firstLine, 160);
  return line !== undefined && !/^line \d/i.test(short) ? `line ${line}: ${short}` : short;
}

function fromGraph(graph: Graph, tagWhere: (kind: 'node' | 'edge', key: string) => string): { nodes: NodeIn[]; edges: EdgeIn[] } {
  const nodes: NodeIn[] = graph.mapNodes((key, attrs) => ({ key, attrs, where: tagWhere('node', key) }));
  const edges: EdgeIn[] = graph.mapEdges((key, attrs, source, target, _sa, _ta, undirected) => ({
    key,
    source,
    target,
    directed: !undirected,
    attrs,
    where: tagWhere('edge', key),
  }));
  return { nodes, edges };
}

function xmlToDataset(format: 'gexf' | 'graphml', fileName: string, xml: string, today: string, env: XmlEnvironment): ImportResult {
  const parsed = parseXml(fileName, xml, env);
  if ('error' in parsed) return parsed.error;
  const { doc } = parsed;
  const root = doc.documentElement?.nodeName.toLowerCase() ?? '';
  if (root !== format)
    return fail(`${fileName}: this is not a ${format.toUpperCase()} file; its top element is <${clip(root, 40)}>, not <${format}>.`);
  if (doc.getElementsByTagName('graph').length === 0) return fail(`${fileName}: the file has no <graph> element.`);
  // Counted before graphology builds anything: a huge file is refused cheaply.
  const tooMany = checkCounts(doc.getElementsByTagName('node').length, doc.getElementsByTagName('edge').length);
  if (tooMany) return fail(`${fileName}: ${tooMany}`);
  // Checked here, where the element can be named; graphology's own errors cannot say which one.
  const nodeIds = new Set<string>();
  for (const tag of ['node', 'edge'] as const) {
    const elements = doc.getElementsByTagName(tag);
    for (let i = 0; i < elements.length; i++) {
      const el = elements[i]!;
      const id = el.getAttribute('id');
      const named = `<${tag}> number ${i + 1}${id ? ` (id ${show(id)})` : ''}`;
      if (tag === 'node') {
        if (!id) return fail(`${fileName}: <node> number ${i + 1} has no id attribute.`);
        nodeIds.add(id);
      } else
        for (const end of ['source', 'target']) {
          const value = el.getAttribute(end);
          if (!value) return fail(`${fileName}: ${named} has no ${end} attribute.`);
          if (!nodeIds.has(value)) return fail(`${fileName}: ${named} has ${end} ${show(value)}, which is not a node in the file.`);
        }
    }
  }
  let graph: Graph;
  try {
    const parse = (format === 'gexf' ? createGexfParser : createGraphmlParser)(env.DOMParser, env.Document);
    graph = parse(MultiGraph as never, doc, { addMissingNodes: false, allowUndeclaredAttributes: true, respectInputGraphType: true });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/^graphology-[a-z]+\/parser:\s*/, '');
    return fail(`${fileName} could not be read as ${format.toUpperCase()}: ${clip(message.replace(/^Graph\.\w+:\s*/, ''), 200)}`);
  }
  const { nodes, edges } = fromGraph(graph, (kind, key) => `<${kind} id=${show(key)}>`);
  return toDataset(fileName, xml, nodes, edges, today, format);
}

/** Cytoscape desktop's .cyjs and `cy.json()`: elements as { nodes, edges } or one array with `group`. */
function cyjsToDataset(fileName: string, json: string, today: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return fail(`${fileName} is not JSON: ${clip(error instanceof Error ? error.message : String(error), 160)}`);
  }
  const elements = (data as { elements?: unknown } | null)?.elements;
  const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  let nodeList: unknown[];
  let edgeList: unknown[];
  if (Array.isArray(elements)) {
    nodeList = elements.filter((e) => isRecord(e) && e.group === 'nodes');
    edgeList = elements.filter((e) => isRecord(e) && e.group === 'edges');
  } else if (isRecord(elements)) {
    nodeList = Array.isArray(elements.nodes) ? elements.nodes : [];
    edgeList = Array.isArray(elements.edges) ? elements.edges : [];
  } else return fail(`${fileName}: a Cytoscape file has an "elements" object with "nodes" and "edges"; this one has none.`);
  const tooMany = checkCounts(nodeList.length, edgeList.length);
  if (tooMany) return fail(`${fileName}: ${tooMany}`);

  const problems: string[] = [];
  const nodes: NodeIn[] = [];
  const edges: EdgeIn[] = [];
  const arrayName = (kind: string, i: number) => (Array.isArray(elements) ? `elements[${i}]` : `elements.${kind}[${i}]`);
  nodeList.forEach((raw, i) => {
    const where = arrayName('nodes', Array.isArray(elements) ? elements.indexOf(raw) : i);
    const d = isRecord(raw) && isRecord(raw.data) ? raw.data : null;
    const key = d ? text(d.id) : null;
    if (d === null || key === null) return void problems.push(`${fileName}, ${where}: a node needs data.id`);
    const attrs: Attributes = { ...d, label: d.name ?? d.label ?? d.shared_name };
    const pos = isRecord(raw) && isRecord(raw.position) ? raw.position : null;
    if (pos) Object.assign(attrs, { x: pos.x, y: pos.y });
    nodes.push({ key, attrs, where: `${where} (id ${show(key)})` });
  });
  edgeList.forEach((raw, i) => {
    const where = arrayName('edges', Array.isArray(elements) ? elements.indexOf(raw) : i);
    const d = isRecord(raw) && isRecord(raw.data) ? raw.data : null;
    const source = d ? text(d.source) : null;
    const target = d ? text(d.target) : null;
    if (d === null || source === null || target === null) return void problems.push(`${fileName}, ${where}: an edge needs data.source and data.target`);
    const key = text(d.id);
    // Cytoscape's edges always run source → target, but say nothing about meaning: directed only when the file says so.
    edges.push({ key, source, target, directed: d.directed === true, attrs: { ...d, label: d.label ?? d.name }, where: `${where}${key ? ` (id ${show(key)})` : ''}` });
  });
  if (problems.length > 0) return fail(`${fileName} could not be read as a Cytoscape graph: ${plural(problems.length, 'problem')}; nothing was loaded.`, problems);
  return toDataset(fileName, json, nodes, edges, today, 'cyjs');
}

/** True for a .json file that is Cytoscape output rather than a Stancegraph dataset. */
export function looksLikeCytoscape(json: string): boolean {
  try {
    const data = JSON.parse(json) as unknown;
    return data !== null && typeof data === 'object' && !Array.isArray(data) && 'elements' in data && !('schemaVersion' in data);
  } catch {
    return false;
  }
}

export function importGraph(
  format: GraphFormat,
  file: { name: string; text: string },
  today: string,
  env: XmlEnvironment = xmlDom,
): ImportResult {
  try {
    if (format === 'cyjs') return cyjsToDataset(file.name, file.text, today);
    return xmlToDataset(format, file.name, file.text, today, env);
  } catch (error) {
    // The parsers are third-party code: whatever they throw becomes a reason, never a page error.
    return fail(`${file.name} could not be read: ${clip(error instanceof Error ? error.message : String(error), 200)}`);
  }
}
