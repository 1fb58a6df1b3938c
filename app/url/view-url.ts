import type { DatasetIndex } from '../data/dataset-index.ts';
import { noStateGroup } from '../data/dataset-index.ts';
import { relationTypes } from '../data/vocabulary.ts';
import type { RelationType } from '../data/schema.ts';
import { hasStory, storySteps } from '../view/story.ts';
import { formatCount as count } from '../ui/format.ts';
import {
  defaultViewState,
  focusDepths,
  layoutNames,
  sortColumns,
  viewNames,
  type Camera,
  type FocusDepth,
  type LayoutName,
  type Selection,
  type SortColumn,
  type TableSort,
  type ViewName,
  type ViewState,
} from '../view/view-state.ts';

/**
 * The view state as a short query string, and back.
 *
 * Grammar (every key optional; a missing key means the default, and serialize omits defaults):
 *
 *   dataset=<id>                     catalog id or `local:<hex>`
 *   view=table|stances|source        (graph is the default)
 *   layout=concentric|circle|grid|breadthfirst|preset   (fcose is the default; preset = saved positions)
 *   topics=-<id>,-<id>,…             hidden topics; `-` means "switched off"
 *   types=-<relationType>,…          hidden relation types
 *   groups=-<groupKey>,…             hidden actor groups (`_none` = actors of no state)
 *   all=1                            show unconnected actors
 *   embed=1                          compact read-only view for an <iframe>
 *   plain=1                          equal shapes and lines (the Appearance control)
 *   sel=<actorId>                    selected actor
 *   sel=a:<actorId>                  same, used when the id itself starts with `a:`, `r:` or `s:`
 *   sel=r:<relationId>               selected relation
 *   sel=s:<actorId>~<topicId>        selected stance
 *   focus=<depth>                    focus on the selected actor, depth 1..3
 *   focus=<actorId>~<depth>          focus on another actor
 *   p=<n>                            source paragraph, 1..100000
 *   sort=<column> | sort=-<column>   table sort, `-` = descending
 *   cam=<zoom>,<x>,<y>               zoom 0.05..20 (3 decimals), pan ±1e6 (1 decimal)
 *   q=<text>                         search field
 *   step=<n>                         open step of "Read the story", 1..100000
 *   build=1                          the story keeps earlier steps at full strength
 *
 * Ids match /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, so `,` and `~` can never occur inside one and are
 * safe separators. Characters outside [A-Za-z0-9_.:-] are percent-encoded; `+` reads as a space.
 */

export interface UrlProblem {
  param: string;
  value: string;
  reason: string;
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const maxIdLength = 200;
const isId = (s: string): boolean => s.length <= maxIdLength && idPattern.test(s);

const localDatasetPattern = /^local:[0-9a-fA-F]{1,128}$/;

/** A hand-edited or hostile link is bounded here, so parsing cost stays linear and small. */
const maxParams = 100;
const maxValueLength = 2000;
// Filter lists legitimately grow with the dataset (hiding all but one of 200 topics).
const maxListValueLength = 20000;
const maxListEntries = 500;
// No known key is this long; longer keys are reported without being decoded.
const maxKeyLength = 32;
// Problems keep a clipped copy of what they report, so a 100 KB value is not held on to.
const maxProblemText = 200;

const minZoom = 0.05;
const maxZoom = 20;
const maxPan = 1e6;
const maxParagraph = 100000;
const maxStep = 100000;

const reasons = {
  unknownParameter: 'unknown parameter',
  repeated: 'repeated parameter',
  badEncoding: 'bad percent-encoding in',
  overlong: 'overlong value for',
  tooMany: 'too many parameters',
  tooManyEntries: 'too many entries in',
  invalidValue: 'invalid value for',
} as const;

/** Reasons about a parameter as a whole: their message quotes the parameter, not the value. */
const parameterReasons: ReadonlySet<string> = new Set([
  reasons.unknownParameter,
  reasons.repeated,
  reasons.badEncoding,
  reasons.overlong,
  reasons.tooManyEntries,
  reasons.invalidValue,
]);

function clip(s: string, max = maxProblemText): string {
  if (s.length <= max) return s;
  // Do not cut a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return `${s.slice(0, end)}…`;
}

const problem = (param: string, value: string, reason: string): UrlProblem => ({
  param: clip(param),
  value: clip(value),
  reason,
});

// ---------------------------------------------------------------------------------------------
// Encoding

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent throws on lone surrogates; a half-pasted emoji must not break a link. */
const wellFormed = (s: string): string => s.replace(loneSurrogate, '\uFFFD');

/** Percent-encodes everything outside [A-Za-z0-9_.:-]. */
function encode(s: string): string {
  return encodeURIComponent(wellFormed(s))
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%3A/g, ':');
}

/**
 * `+` means space in a query string; returns null on malformed percent-encoding. Lone surrogates
 * (only possible when a caller passes raw text) become U+FFFD, as serialize would write them.
 */
function decode(raw: string): string | null {
  const s = wellFormed(raw.includes('+') ? raw.replace(/\+/g, ' ') : raw);
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

const decimalPattern = /^-?\d+(?:\.\d+)?$/;
/** Strict: no exponent, hex, whitespace, sign `+`, Infinity or NaN — only what serialize writes. */
const parseDecimal = (s: string): number | null => (decimalPattern.test(s) ? Number(s) : null);

// -0 would print as "0" and then fail a strict equality after a round trip.
const noNegativeZero = (n: number): number => (n === 0 ? 0 : n);
const roundTo = (n: number, factor: number): number => noNegativeZero(Math.round(n * factor) / factor);
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

export const roundZoom = (zoom: number): number => roundTo(zoom, 1000);
export const roundPan = (pan: number): number => roundTo(pan, 10);

// ---------------------------------------------------------------------------------------------
// Parse

const knownKeys = ['dataset', 'view', 'layout', 'topics', 'types', 'groups', 'all', 'evidence', 'sel', 'focus', 'p', 'sort', 'cam', 'q', 'embed', 'step', 'build', 'plain'] as const;
type Key = (typeof knownKeys)[number];
const knownKeySet: ReadonlySet<string> = new Set(knownKeys);
const isKnownKey = (k: string): k is Key => knownKeySet.has(k);
const listKeys: ReadonlySet<Key> = new Set<Key>(['topics', 'types', 'groups']);

const includes = <T extends string>(list: readonly T[], s: string): s is T => (list as readonly string[]).includes(s);

/** Canonical list order, shared by parse and serialize so a link has one spelling. */
const sortedUnique = <T extends string>(list: Iterable<T>): T[] => [...new Set(list)].sort();

function parseList<T extends string>(
  key: Key,
  value: string,
  accept: (entry: string) => entry is T,
  rejectReason: string,
  report: (p: UrlProblem) => void,
): T[] {
  const out: T[] = [];
  let count = 0;
  for (const entry of value.split(',')) {
    if (entry === '') continue; // a trailing or doubled comma carries no meaning
    if (++count > maxListEntries) {
      report(problem(key, '', reasons.tooManyEntries));
      break;
    }
    if (!entry.startsWith('-')) {
      // Reserved: a bare entry might one day mean "only this one on".
      report(problem(key, entry, 'expected "-" before'));
      continue;
    }
    const id = entry.slice(1);
    if (accept(id)) out.push(id);
    else report(problem(key, entry, rejectReason));
  }
  return sortedUnique(out);
}

const isRelationType = (s: string): s is RelationType => includes(relationTypes, s);
const isGroupKey = (s: string): s is string => s === noStateGroup || isId(s);
const isIdEntry = (s: string): s is string => isId(s);

/** Prefixes that mark a non-actor selection; an actor id that starts with one is written `a:<id>`. */
const selectionPrefixes = ['a:', 'r:', 's:'] as const;

function parseSelection(value: string): Selection | null {
  if (value.startsWith('r:')) {
    const id = value.slice(2);
    return isId(id) ? { kind: 'relation', id } : null;
  }
  if (value.startsWith('s:')) {
    const parts = value.slice(2).split('~');
    const [actor, topic] = parts;
    return parts.length === 2 && actor !== undefined && topic !== undefined && isId(actor) && isId(topic)
      ? { kind: 'stance', actor, topic }
      : null;
  }
  const id = value.startsWith('a:') ? value.slice(2) : value;
  return isId(id) ? { kind: 'actor', id } : null;
}

function parseCamera(value: string, report: (p: UrlProblem) => void): Camera | null {
  const parts = value.split(',');
  if (parts.length !== 3) {
    report(problem('cam', value, 'expected zoom,x,y in camera'));
    return null;
  }
  const [zoomText = '', xText = '', yText = ''] = parts;
  const zoom = parseDecimal(zoomText);
  const x = parseDecimal(xText);
  const y = parseDecimal(yText);
  let ok = true;
  if (zoom === null) {
    report(problem('cam', zoomText, 'zoom is not a number'));
    ok = false;
  } else if (!(zoom >= minZoom && zoom <= maxZoom)) {
    report(problem('cam', zoomText, 'zoom out of range'));
    ok = false;
  }
  for (const [text, n, axis] of [
    [xText, x, 'x'],
    [yText, y, 'y'],
  ] as const) {
    if (n === null) {
      report(problem('cam', text, `pan ${axis} is not a number`));
      ok = false;
    } else if (!(Math.abs(n) <= maxPan)) {
      report(problem('cam', text, `pan ${axis} out of range`));
      ok = false;
    }
  }
  return ok && zoom !== null && x !== null && y !== null ? { zoom: roundZoom(zoom), x: roundPan(x), y: roundPan(y) } : null;
}

const isFocusDepth = (s: string): boolean => focusDepths.some((d) => String(d) === s);

/**
 * `URLSearchParams` splits the query (on `&`, then the first `=`, skipping empty pieces) but
 * decodes leniently: it keeps `%zz` as text and turns broken UTF-8 into U+FFFD, so a damaged link
 * would read as a different value. Escaping `%` and `+` first makes it hand back the raw text of
 * each key and value, which `decode` then reads strictly.
 */
const rawPairs = (search: string): [key: string, value: string][] =>
  [...new URLSearchParams(search.replace(/[%+]/g, (c) => (c === '%' ? '%25' : '%2B')))];

/** The query's first occurrence of each known key, reporting everything dropped. */
function readParams(search: string, report: (at: number, p: UrlProblem) => void): Map<Key, { value: string; at: number }> {
  const values = new Map<Key, { value: string; at: number }>();
  // Keys already seen, including ones whose value was rejected, so a repeat is never used instead.
  const seen = new Set<Key>();
  const pairs = rawPairs(search);
  for (const [i, [rawKey, rawValue]] of pairs.entries()) {
    const at = i + 1;
    if (at > maxParams) {
      report(at, problem('', String(pairs.length - maxParams), reasons.tooMany));
      break;
    }
    if (rawKey.length > maxKeyLength) {
      report(at, problem(rawKey, rawValue, reasons.unknownParameter));
      continue;
    }
    const key = decode(rawKey);
    if (key === null) {
      report(at, problem(rawKey, rawValue, reasons.badEncoding));
      continue;
    }
    if (!isKnownKey(key)) {
      report(at, problem(key, rawValue, reasons.unknownParameter));
      continue;
    }
    if (seen.has(key)) {
      report(at, problem(key, rawValue, reasons.repeated));
      continue;
    }
    seen.add(key);
    if (rawValue.length > (listKeys.has(key) ? maxListValueLength : maxValueLength)) {
      report(at, problem(key, rawValue, reasons.overlong));
      continue;
    }
    const value = decode(rawValue);
    if (value === null) {
      report(at, problem(key, rawValue, reasons.badEncoding));
      continue;
    }
    values.set(key, { value, at });
  }
  return values;
}

/** Reads a query string (`location.search`, with or without `?`). Never throws. */
export function parse(search: string): { state: ViewState; problems: UrlProblem[] } {
  // Problems are listed in the order their parameters appear in the link, which is how a reader scans it.
  const located: { at: number; problem: UrlProblem }[] = [];
  const params = readParams(typeof search === 'string' ? search : '', (at, p) => located.push({ at, problem: p }));
  const get = (key: Key): string | undefined => params.get(key)?.value;
  const sink =
    (key: Key) =>
    (p: UrlProblem): void => {
      located.push({ at: params.get(key)?.at ?? 0, problem: p });
    };
  const fail = (key: Key, value: string, reason: string): void => sink(key)(problem(key, value, reason));
  const state: ViewState = { ...defaultViewState };

  const dataset = get('dataset');
  if (dataset !== undefined) {
    if (isId(dataset)) state.dataset = dataset;
    else fail('dataset', dataset, 'invalid dataset id');
  }

  const view = get('view');
  if (view !== undefined) {
    if (includes<ViewName>(viewNames, view)) state.view = view;
    else fail('view', view, 'unknown view');
  }

  const layout = get('layout');
  if (layout !== undefined) {
    if (includes<LayoutName>(layoutNames, layout)) state.layout = layout;
    else fail('layout', layout, 'unknown layout');
  }

  const topics = get('topics');
  if (topics !== undefined) state.hiddenTopics = parseList('topics', topics, isIdEntry, 'invalid topic id', sink('topics'));
  const types = get('types');
  if (types !== undefined) state.hiddenTypes = parseList('types', types, isRelationType, 'unknown relation type', sink('types'));
  const groups = get('groups');
  if (groups !== undefined) state.hiddenGroups = parseList('groups', groups, isGroupKey, 'invalid group id', sink('groups'));

  const all = get('all');
  if (all !== undefined) {
    if (all === '1') state.showUnconnected = true;
    else fail('all', all, reasons.invalidValue);
  }

  const evidence = get('evidence');
  if (evidence !== undefined) {
    if (evidence === '1') state.evidenceOnly = true;
    else fail('evidence', evidence, reasons.invalidValue);
  }
  const plain = get('plain');
  if (plain !== undefined) {
    if (plain === '1') state.plain = true;
    else fail('plain', plain, reasons.invalidValue);
  }

  const embed = get('embed');
  if (embed !== undefined) {
    if (embed === '1') state.embed = true;
    else fail('embed', embed, reasons.invalidValue);
  }

  const sel = get('sel');
  if (sel !== undefined) {
    state.selection = parseSelection(sel);
    if (state.selection === null) fail('sel', sel, 'invalid selection');
  }

  const focus = get('focus');
  if (focus !== undefined) {
    const tilde = focus.indexOf('~');
    const actor = tilde < 0 ? (state.selection?.kind === 'actor' ? state.selection.id : null) : focus.slice(0, tilde);
    const depth = tilde < 0 ? focus : focus.slice(tilde + 1);
    if (!isFocusDepth(depth)) fail('focus', focus, 'invalid focus depth');
    else if (actor === null) fail('focus', focus, 'focus without a selected actor');
    else if (!isId(actor)) fail('focus', focus, 'invalid focus actor');
    else state.focus = { actor, depth: Number(depth) as FocusDepth };
  }

  const p = get('p');
  if (p !== undefined) {
    if (/^[1-9]\d{0,5}$/.test(p) && Number(p) <= maxParagraph) state.paragraph = Number(p);
    else fail('p', p, 'invalid paragraph');
  }

  const sort = get('sort');
  if (sort !== undefined) {
    const desc = sort.startsWith('-');
    const column = desc ? sort.slice(1) : sort;
    if (includes<SortColumn>(sortColumns, column)) state.sort = { column, dir: desc ? 'desc' : 'asc' };
    else fail('sort', sort, 'unknown sort column');
  }

  const cam = get('cam');
  if (cam !== undefined) state.camera = parseCamera(cam, sink('cam'));

  const q = get('q');
  if (q !== undefined) state.search = q;

  const step = get('step');
  if (step !== undefined) {
    if (/^[1-9]\d{0,5}$/.test(step) && Number(step) <= maxStep) state.step = Number(step);
    else fail('step', step, 'invalid story step');
  }

  const build = get('build');
  if (build !== undefined) {
    if (build === '1') state.build = true;
    else fail('build', build, reasons.invalidValue);
  }

  // Array.prototype.sort is stable, so problems of one parameter keep their own order.
  return { state, problems: located.sort((a, b) => a.at - b.at).map((l) => l.problem) };
}

// ---------------------------------------------------------------------------------------------
// Serialize

const formatNumber = (n: number): string => String(noNegativeZero(n));

function serializeSelection(sel: Selection): string {
  switch (sel.kind) {
    case 'relation':
      return `r:${encode(sel.id)}`;
    case 'stance':
      return `s:${encode(sel.actor)}~${encode(sel.topic)}`;
    case 'actor':
      return selectionPrefixes.some((prefix) => sel.id.startsWith(prefix)) ? `a:${encode(sel.id)}` : encode(sel.id);
  }
}

const serializeList = (list: readonly string[]): string =>
  sortedUnique(list)
    .map((id) => `-${encode(id)}`)
    .join(',');

const serializeSort = (sort: TableSort): string => `${sort.dir === 'desc' ? '-' : ''}${sort.column}`;

function serializeCamera(cam: Camera): string | null {
  if (!Number.isFinite(cam.zoom) || !Number.isFinite(cam.x) || !Number.isFinite(cam.y)) return null;
  // Clamped rather than dropped: the graph may allow a zoom the link cannot carry.
  const zoom = roundZoom(clamp(cam.zoom, minZoom, maxZoom));
  const x = roundPan(clamp(cam.x, -maxPan, maxPan));
  const y = roundPan(clamp(cam.y, -maxPan, maxPan));
  return `${formatNumber(zoom)},${formatNumber(x)},${formatNumber(y)}`;
}

/**
 * The query string for a view state: `''` for the default view, else `?k=v&…` in a fixed key order.
 * The camera is only written on request ("Copy link"): it changes with every pan.
 */
export function serialize(state: ViewState, options: { camera?: boolean } = {}): string {
  const parts: string[] = [];
  const add = (key: Key, value: string) => parts.push(`${key}=${value}`);

  if (state.dataset !== null) add('dataset', encode(state.dataset));
  if (state.view !== defaultViewState.view) add('view', state.view);
  if (state.layout !== defaultViewState.layout) add('layout', state.layout);
  if (state.hiddenTopics.length > 0) add('topics', serializeList(state.hiddenTopics));
  if (state.hiddenTypes.length > 0) add('types', serializeList(state.hiddenTypes));
  if (state.hiddenGroups.length > 0) add('groups', serializeList(state.hiddenGroups));
  if (state.showUnconnected) add('all', '1');
  if (state.evidenceOnly) add('evidence', '1');
  if (state.embed) add('embed', '1');
  if (state.plain) add('plain', '1');
  if (state.selection !== null) add('sel', serializeSelection(state.selection));
  if (state.focus !== null) {
    const sel = state.selection;
    const onSelected = sel?.kind === 'actor' && sel.id === state.focus.actor;
    add('focus', onSelected ? String(state.focus.depth) : `${encode(state.focus.actor)}~${state.focus.depth}`);
  }
  if (state.paragraph !== null) add('p', String(state.paragraph));
  if (state.sort !== null) add('sort', serializeSort(state.sort));
  if (options.camera === true && state.camera !== null) {
    const cam = serializeCamera(state.camera);
    if (cam !== null) add('cam', cam);
  }
  if (state.search !== '') add('q', encode(state.search).replace(/%20/g, '+'));
  if (state.step !== null) add('step', String(state.step));
  if (state.build) add('build', '1');

  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

// ---------------------------------------------------------------------------------------------
// Sanitize

/**
 * Drops what the loaded dataset does not have. Parse only checks the form of ids; this checks
 * that they exist. Returns the same state object when nothing had to change.
 */
export function sanitize(
  state: ViewState,
  index: DatasetIndex,
  catalogIds: readonly string[],
): { state: ViewState; problems: UrlProblem[] } {
  const problems: UrlProblem[] = [];
  const next: ViewState = { ...state };

  if (state.dataset !== null && !catalogIds.includes(state.dataset) && !localDatasetPattern.test(state.dataset)) {
    problems.push(problem('dataset', state.dataset, 'unknown dataset'));
    next.dataset = null;
  }

  const keep = <T extends string>(param: Key, list: readonly T[], known: (id: T) => boolean, reason: string): readonly T[] => {
    const kept = list.filter((id) => known(id));
    if (kept.length === list.length) return list;
    for (const id of list) if (!known(id)) problems.push(problem(param, id, reason));
    return kept;
  };
  next.hiddenTopics = keep('topics', state.hiddenTopics, (id) => index.topicById.has(id), 'unknown topic');
  next.hiddenTypes = keep('types', state.hiddenTypes, (t) => includes(relationTypes, t), 'unknown relation type');
  const groupKeys = new Set(index.groups.map((g) => g.key));
  next.hiddenGroups = keep('groups', state.hiddenGroups, (g) => groupKeys.has(g), 'unknown group');

  const sel = state.selection;
  if (sel !== null) {
    if (sel.kind === 'actor' && !index.actorById.has(sel.id)) {
      problems.push(problem('sel', sel.id, 'unknown actor'));
      next.selection = null;
    } else if (sel.kind === 'relation' && !index.relationById.has(sel.id)) {
      problems.push(problem('sel', sel.id, 'unknown relation'));
      next.selection = null;
    } else if (
      sel.kind === 'stance' &&
      !(index.stancesByActor.get(sel.actor) ?? []).some((s) => s.topic === sel.topic)
    ) {
      problems.push(problem('sel', `${sel.actor}~${sel.topic}`, 'unknown stance'));
      next.selection = null;
    }
  }

  if (state.focus !== null && !index.actorById.has(state.focus.actor)) {
    problems.push(problem('focus', state.focus.actor, 'unknown focus actor'));
    next.focus = null;
  }

  if (state.layout === 'preset' && !index.hasSavedPositions) {
    problems.push(problem('layout', 'preset', 'this dataset has no saved positions'));
    next.layout = defaultViewState.layout;
  }

  const paragraphs = index.dataset.source.paragraphs.length;
  if (state.paragraph !== null && !(Number.isInteger(state.paragraph) && state.paragraph >= 1 && state.paragraph <= paragraphs)) {
    problems.push(problem('p', String(state.paragraph), 'unknown paragraph'));
    next.paragraph = null;
  }

  if (state.step !== null) {
    const steps = storySteps(index);
    if (!hasStory(steps)) {
      problems.push(problem('step', String(state.step), 'this dataset has no story'));
      next.step = null;
    } else if (!(Number.isInteger(state.step) && state.step >= 1 && state.step <= steps.length)) {
      problems.push(problem('step', String(state.step), 'unknown story step'));
      next.step = null;
    }
  }

  return problems.length === 0 ? { state, problems } : { state: next, problems };
}

/**
 * A link applied to the dataset it names, in one pure step: the view to show and everything
 * ignored from the link, in the order a reader scans it.
 */
export function applyLink(
  search: string,
  index: DatasetIndex,
  catalogIds: readonly string[],
): { state: ViewState; problems: UrlProblem[] } {
  const parsed = parse(search);
  const checked = sanitize(parsed.state, index, catalogIds);
  return { state: checked.state, problems: [...parsed.problems, ...checked.problems] };
}

// ---------------------------------------------------------------------------------------------
// Describe

const shownLength = 40;
const shownProblems = 5;

/** Control and bidi-override characters could hide or reorder the text around a quoted value. */
function isUnsafeToShow(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

function quote(s: string): string {
  const chars = Array.from(s).map((ch) => (isUnsafeToShow(ch) ? '\uFFFD' : ch));
  const shown = chars.length > shownLength ? `${chars.slice(0, shownLength).join('')}…` : chars.join('');
  return `"${shown}"`;
}

function describeProblem(p: UrlProblem): string {
  if (p.reason === reasons.tooMany) return `${count(Number(p.value))} more parameters past the limit of ${maxParams}`;
  return `${p.reason} ${quote(parameterReasons.has(p.reason) ? p.param : p.value)}`;
}

/** How many ignored parameters a problem stands for: the one past the limit stands for all the rest. */
const weight = (p: UrlProblem) => (p.reason === reasons.tooMany ? Number(p.value) || 1 : 1);

/**
 * One plain sentence for a notice, e.g. `Ignored from the link: unknown topic "xyz", … and 3 more.`
 * Identical problems are told once with their count (`repeated parameter "topics" (4,999 times)`),
 * so the numbers add up to what was really ignored.
 */
export function describeProblems(problems: readonly UrlProblem[]): string {
  if (problems.length === 0) return '';
  const groups = new Map<string, number>();
  for (const p of problems) {
    const text = describeProblem(p);
    groups.set(text, (groups.get(text) ?? 0) + (p.reason === reasons.tooMany ? 0 : 1));
  }
  const entries = [...groups];
  const shown = entries.slice(0, shownProblems).map(([text, n]) => (n > 1 ? `${text} (${count(n)} times)` : text));
  let more = 0;
  const hiddenTexts = new Set(entries.slice(shownProblems).map(([text]) => text));
  for (const p of problems) if (hiddenTexts.has(describeProblem(p))) more += weight(p);
  return `Ignored from the link: ${shown.join(', ')}${more > 0 ? ` and ${count(more)} more` : ''}.`;
}

export const urlLimits = { maxParams, maxValueLength, maxListValueLength, maxListEntries, minZoom, maxZoom, maxPan, maxParagraph, maxStep } as const;
