import type { Dataset } from '../data/schema.ts';
import { seededRandom } from '../data/seeded-random.mjs';

/*
 * Seeded mutations of a valid dataset, for the mutation tests of the validator
 * (validate.mutation.test.ts) and of the graph's element building (graph/elements.mutation.test.ts).
 * Test support only: nothing in the app imports it.
 *
 * Each mutant says, from what the mutation did and not from what the validator answers, whether
 * it must be accepted, and where a rejection must point.
 */

export const mutationKinds = [
  'missing-endpoint',
  'duplicate-id',
  'bad-id',
  'parent-cycle',
  'unknown-topic',
  'wrong-type',
  'huge-string',
  'prototype-key',
  'truncation',
  'schema-version',
  'evidence-paragraph',
  'evidence-quote',
  'non-array',
  'missing-field',
  'extra-field',
  'wrong-enum',
  'self-loop',
  'benign',
] as const;
export type MutationKind = (typeof mutationKinds)[number];

export interface Mutant {
  kind: MutationKind;
  /** What was done, for failure messages. */
  note: string;
  /** The mutated dataset as parsed JSON; for text mutations, the parse of the original. */
  data: unknown;
  /** Set when the mutation is of the file's text (it no longer parses). */
  text?: string;
  valid: boolean;
  /** JSON paths of the changed places: a rejection must name one of them (or a place inside it). */
  at: string[];
  /** Places a correct rejection may also name: references the change broke. */
  alsoAt: string[];
  /** Text a problem's message must contain, such as the name of an unknown key. */
  mentions?: string;
}

export type Rng = () => number;

const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => {
  if (xs.length === 0) throw new Error('pick from an empty list');
  return xs[int(r, xs.length)]!;
};

type Obj = Record<string, unknown>;
const set = (obj: unknown, key: string | number, value: unknown) => {
  // defineProperty, so a key such as "__proto__" becomes an own property as JSON.parse makes it.
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
};
const del = (obj: unknown, key: string) => delete (obj as Obj)[key];

/** Same spelling as validate.ts's formatPath: `relations[3].evidence[0].quote`. */
export const within = (path: string, place: string) =>
  path === place || path.startsWith(`${place}.`) || path.startsWith(`${place}[`);

function actorRefs(d: Dataset, id: string): string[] {
  const out: string[] = [];
  d.actors.forEach((a, i) => {
    if (a.parent === id) out.push(`actors[${i}].parent`);
  });
  d.relations.forEach((r, i) => {
    if (r.source === id) out.push(`relations[${i}].source`);
    if (r.target === id) out.push(`relations[${i}].target`);
  });
  // A stance's problem can be its actor or, after a rename, a second stance on the same topic.
  d.stances.forEach((s, i) => {
    if (s.actor === id) out.push(`stances[${i}]`);
  });
  // A mark's problem can be its actor or, after a rename, a field the new owner lacks.
  (d.outsideKnowledge ?? []).forEach((m, i) => {
    if (m.actor === id) out.push(`outsideKnowledge[${i}]`);
  });
  return out;
}

function topicRefs(d: Dataset, id: string): string[] {
  const out: string[] = [];
  d.relations.forEach((r, i) =>
    r.topics.forEach((t, j) => {
      if (t === id) out.push(`relations[${i}].topics[${j}]`);
    }),
  );
  d.stances.forEach((s, i) => {
    if (s.topic === id) out.push(`stances[${i}]`);
  });
  return out;
}

function renameActor(d: Dataset, from: string, to: string) {
  for (const a of d.actors) {
    if (a.id === from) a.id = to;
    if (a.parent === from) a.parent = to;
  }
  for (const r of d.relations) {
    if (r.source === from) r.source = to;
    if (r.target === from) r.target = to;
  }
  for (const s of d.stances) if (s.actor === from) s.actor = to;
  for (const m of d.outsideKnowledge ?? []) if (m.actor === from) m.actor = to;
}

function renameTopic(d: Dataset, from: string, to: string) {
  for (const t of d.topics) if (t.id === from) t.id = to;
  for (const r of d.relations) r.topics = r.topics.map((t) => (t === from ? to : t));
  for (const s of d.stances) if (s.topic === from) s.topic = to;
}

/** Every place an evidence item sits, with the object itself. */
function evidencePlaces(d: Dataset) {
  const out: { path: string; evidence: Dataset['relations'][number]['evidence'][number] }[] = [];
  d.relations.forEach((r, i) => r.evidence.forEach((e, j) => out.push({ path: `relations[${i}].evidence[${j}]`, evidence: e })));
  d.stances.forEach((s, i) => s.evidence.forEach((e, j) => out.push({ path: `stances[${i}].evidence[${j}]`, evidence: e })));
  return out;
}

const squash = (t: string) => t.replace(/\s+/g, ' ').trim();

/**
 * The evidence places, after giving one relation a true quote when the dataset cites none
 * (Les Misérables), so the evidence kinds still damage something.
 */
function evidencePlacesOrOne(d: Dataset, r: Rng) {
  const places = evidencePlaces(d);
  if (places.length > 0 || d.relations.length === 0) return places;
  const paragraph = 1 + int(r, d.source.paragraphs.length);
  const quote = squash(d.source.paragraphs[paragraph - 1]!).split(' ').slice(0, 6).join(' ');
  if (quote === '') return places;
  pick(r, d.relations).evidence.push({ paragraph, quote });
  return evidencePlaces(d);
}

interface Leaf {
  path: string;
  holder: unknown;
  key: string | number;
  value: string | number | boolean;
}

function leaves(value: unknown, path = ''): Leaf[] {
  if (value === null || typeof value !== 'object') return [];
  const out: Leaf[] = [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, v] of entries) {
    const p = typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push({ path: p, holder: value, key, value: v });
    else out.push(...leaves(v, p));
  }
  return out;
}

/** The string length limits of format version 1 (README, "The dataset format"). */
function stringLimit(path: string): number | null {
  const last = path.replace(/\[\d+\]/g, '[]');
  const table: Record<string, number> = {
    title: 300,
    description: 5000,
    'source.title': 500,
    'source.publisher': 200,
    'source.paragraphs[]': 20000,
    'topics[].label': 120,
    'topics[].description': 2000,
    'actors[].name': 200,
    'actors[].nativeName': 200,
    'actors[].aliases[]': 200,
    'actors[].role': 300,
    'relations[].summary': 2000,
    'stances[].summary': 2000,
  };
  return table[last] ?? null;
}

/** Text of an exact length that is plainly not an id, URL or date. */
const filler = (length: number) => 'Lorem ipsum, dolor sit amet; 한국 ünd más. '.repeat(Math.ceil(length / 40) + 1).slice(0, length);

type Make = (d: Dataset, r: Rng) => Omit<Mutant, 'kind' | 'data'> | null;

const invalid = (note: string, at: string[], alsoAt: string[] = [], mentions?: string) => ({
  note,
  valid: false,
  at,
  alsoAt,
  ...(mentions === undefined ? {} : { mentions }),
});
const valid = (note: string) => ({ note, valid: true, at: [], alsoAt: [] });

const makers: Record<Exclude<MutationKind, 'truncation'>, Make> = {
  'missing-endpoint': (d, r) => {
    if (d.relations.length === 0) return null;
    const i = int(r, d.relations.length);
    const end = pick(r, ['source', 'target'] as const);
    const path = `relations[${i}].${end}`;
    if (r() < 0.5) {
      del(d.relations[i], end);
      return invalid(`deleted ${path}`, [path]);
    }
    const ghost = pick(r, ['ghost', 'nobody-here', 'kim', 'Kim-Jong-Un', 'x:1']) + (r() < 0.5 ? '' : `-${int(r, 100)}`);
    if (d.actors.some((a) => a.id === ghost)) return null;
    d.relations[i]![end] = ghost;
    return invalid(`${path} := ${ghost}`, [path]);
  },

  'duplicate-id': (d, r) => {
    const variant = int(r, 5);
    if (variant === 0 && d.relations.length > 0 && d.actors.length > 0) {
      const j = int(r, d.relations.length);
      const a = int(r, d.actors.length);
      d.relations[j]!.id = d.actors[a]!.id;
      return invalid(`relations[${j}].id := actors[${a}].id`, [`relations[${j}].id`], [], `actors[${a}].id`);
    }
    if (variant === 1 && d.relations.length > 1) {
      const j = int(r, d.relations.length);
      const k = (j + 1 + int(r, d.relations.length - 1)) % d.relations.length;
      d.relations[j]!.id = d.relations[k]!.id;
      return invalid(`relations[${j}].id := relations[${k}].id`, [`relations[${Math.max(j, k)}].id`]);
    }
    if (variant === 2 && d.relations.length > 0 && d.actors.length > 0) {
      const a = int(r, d.actors.length);
      const k = int(r, d.relations.length);
      const old = d.actors[a]!.id;
      d.actors[a]!.id = d.relations[k]!.id;
      return invalid(`actors[${a}].id := relations[${k}].id`, [`relations[${k}].id`], [`actors[${a}]`, ...actorRefs(d, old)], `actors[${a}].id`);
    }
    if (variant === 3 && d.actors.length > 1) {
      const a = int(r, d.actors.length);
      const k = (a + 1 + int(r, d.actors.length - 1)) % d.actors.length;
      const old = d.actors[a]!.id;
      const taken = d.actors[k]!.id;
      const before = actorRefs(d, taken);
      d.actors[a]!.id = taken;
      return invalid(`actors[${a}].id := actors[${k}].id`, [`actors[${Math.max(a, k)}].id`], [`actors[${a}]`, ...actorRefs(d, old), ...before]);
    }
    if (variant === 4 && d.stances.length > 0) {
      const s = int(r, d.stances.length);
      d.stances.push(structuredClone(d.stances[s]!));
      return invalid(`stances[${s}] repeated at the end`, [`stances[${d.stances.length - 1}]`], [], `stances[${s}]`);
    }
    return null;
  },

  'bad-id': (d, r) => {
    const places: { path: string; holder: unknown; key: string | number }[] = [{ path: 'id', holder: d, key: 'id' }];
    d.actors.forEach((a, i) => {
      places.push({ path: `actors[${i}].id`, holder: a, key: 'id' });
      if (a.parent !== undefined) places.push({ path: `actors[${i}].parent`, holder: a, key: 'parent' });
    });
    d.relations.forEach((rel, i) => {
      for (const key of ['id', 'source', 'target'] as const) places.push({ path: `relations[${i}].${key}`, holder: rel, key });
      rel.topics.forEach((_, j) => places.push({ path: `relations[${i}].topics[${j}]`, holder: rel.topics, key: j }));
    });
    d.topics.forEach((t, i) => places.push({ path: `topics[${i}].id`, holder: t, key: 'id' }));
    d.stances.forEach((s, i) => {
      places.push({ path: `stances[${i}].actor`, holder: s, key: 'actor' });
      places.push({ path: `stances[${i}].topic`, holder: s, key: 'topic' });
    });
    const place = pick(r, places);
    const bad = pick(r, [{}, '', [], { id: 'lee' }, ' ', '-dash-first', 'has space', 'ünïcode', 'a/b', '_under', 'x'.repeat(201), 'tab\there', 'new\nline']);
    set(place.holder, place.key, bad);
    return invalid(`${place.path} := ${JSON.stringify(bad).slice(0, 30)}`, [place.path]);
  },

  'parent-cycle': (d, r) => {
    const states = d.actors.flatMap((a, i) => (a.kind === 'state' ? [i] : []));
    const variant = int(r, 6);
    if (variant <= 1 && states.length >= 2 + variant) {
      // A cycle of two or three states.
      const chosen: number[] = [];
      while (chosen.length < 2 + variant) {
        const s = pick(r, states);
        if (!chosen.includes(s)) chosen.push(s);
      }
      chosen.forEach((s, n) => (d.actors[s]!.parent = d.actors[chosen[(n + 1) % chosen.length]!]!.id));
      return invalid(`states ${chosen.join('→')} in a parent cycle`, chosen.map((s) => `actors[${s}].parent`));
    }
    if (variant === 2 && states.length > 0) {
      const s = pick(r, states);
      d.actors[s]!.parent = d.actors[s]!.id;
      return invalid(`actors[${s}] is its own parent`, [`actors[${s}].parent`]);
    }
    if (variant === 3 && states.length >= 2) {
      // A state inside another state, without a cycle: allowed, and drawn as nested boxes.
      const [s, t] = [pick(r, states), pick(r, states)];
      if (s === t || d.actors[t]!.parent !== undefined) return null;
      d.actors[s]!.parent = d.actors[t]!.id;
      return valid(`actors[${s}].parent := state actors[${t}]`);
    }
    if (variant === 4) {
      // The parent is not a state.
      const people = d.actors.flatMap((a, i) => (a.kind !== 'state' ? [i] : []));
      if (people.length < 2) return null;
      const [a, b] = [pick(r, people), pick(r, people)];
      if (a === b) return null;
      d.actors[a]!.parent = d.actors[b]!.id;
      return invalid(`actors[${a}].parent := ${d.actors[b]!.kind} actors[${b}]`, [`actors[${a}].parent`]);
    }
    if (variant === 5) {
      // A state that has members stops being one.
      const parents = states.filter((s) => d.actors.some((a) => a.parent === d.actors[s]!.id));
      if (parents.length === 0) return null;
      const s = pick(r, parents);
      d.actors[s]!.kind = pick(r, ['person', 'organisation', 'group'] as const);
      return invalid(`actors[${s}] is no longer a state`, actorRefs(d, d.actors[s]!.id).filter((p) => p.startsWith('actors[')));
    }
    return null;
  },

  'unknown-topic': (d, r) => {
    const variant = int(r, 4);
    const ghost = pick(r, ['no-such-topic', 'Trade', 'economy2', 'constructor']);
    if (d.topics.some((t) => t.id === ghost)) return null;
    if (variant === 0 && d.relations.length > 0) {
      const i = int(r, d.relations.length);
      const j = int(r, d.relations[i]!.topics.length);
      d.relations[i]!.topics[j] = ghost;
      return invalid(`relations[${i}].topics[${j}] := ${ghost}`, [`relations[${i}].topics[${j}]`]);
    }
    if (variant === 1 && d.relations.length > 0) {
      const i = int(r, d.relations.length);
      d.relations[i]!.topics.push(ghost);
      return invalid(`${ghost} added to relations[${i}].topics`, [`relations[${i}].topics[${d.relations[i]!.topics.length - 1}]`]);
    }
    if (variant === 2 && d.stances.length > 0) {
      const s = int(r, d.stances.length);
      d.stances[s]!.topic = ghost;
      return invalid(`stances[${s}].topic := ${ghost}`, [`stances[${s}].topic`]);
    }
    if (variant === 3 && d.topics.length > 1) {
      // A topic definition goes missing: whatever used it now points nowhere.
      const t = int(r, d.topics.length);
      const [gone] = d.topics.splice(t, 1);
      const refs = topicRefs(d, gone!.id);
      return refs.length === 0 ? valid(`unused topic ${gone!.id} removed`) : invalid(`topics[${t}] removed`, refs);
    }
    return null;
  },

  'wrong-type': (d, r) => {
    const leaf = pick(r, leaves(d));
    const wrong =
      typeof leaf.value === 'string'
        ? pick(r, [42, true, null, {}, [], [leaf.value]])
        : typeof leaf.value === 'number'
          ? pick(r, [String(leaf.value), null, true, [leaf.value], { value: leaf.value }])
          : pick(r, [String(leaf.value), 1, 0, null, []]);
    set(leaf.holder, leaf.key, wrong);
    return invalid(`${leaf.path} := ${JSON.stringify(wrong)}`, [leaf.path]);
  },

  'huge-string': (d, r) => {
    const candidates = leaves(d).filter((l) => typeof l.value === 'string' && stringLimit(l.path) !== null);
    const variant = int(r, 5);
    if (variant === 4) {
      // An array limit rather than a string one: at most 50 aliases.
      const i = int(r, d.actors.length);
      const n = pick(r, [50, 51, 5000]);
      d.actors[i]!.aliases = Array.from({ length: n }, (_, k) => `alias ${k}`);
      return n <= 50 ? valid(`actors[${i}] has ${n} aliases`) : invalid(`actors[${i}] has ${n} aliases`, [`actors[${i}].aliases`]);
    }
    const leaf = pick(r, candidates);
    const max = stringLimit(leaf.path)!;
    const length = pick(r, [max, max, max + 1, 1_000_000]);
    // A padded paragraph keeps its own words, so the quotes that cite it still find them.
    const text = leaf.path.startsWith('source.paragraphs[')
      ? `${leaf.value as string} ${filler(length)}`.slice(0, length)
      : filler(length);
    if (text.length !== length) return null;
    set(leaf.holder, leaf.key, text);
    if (leaf.path.startsWith('source.paragraphs[') && length <= max && !text.startsWith(leaf.value as string)) return null;
    return length <= max ? valid(`${leaf.path} is ${length} characters`) : invalid(`${leaf.path} is ${length} characters`, [leaf.path]);
  },

  'prototype-key': (d, r) => {
    const keys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
    const variant = int(r, 4);
    if (variant <= 1) {
      // An own key named like a prototype member, as JSON.parse would make it.
      const holders: { path: string; obj: unknown }[] = [
        { path: '(root)', obj: d },
        { path: 'source', obj: d.source },
      ];
      d.topics.forEach((t, i) => holders.push({ path: `topics[${i}]`, obj: t }));
      d.actors.forEach((a, i) => holders.push({ path: `actors[${i}]`, obj: a }));
      d.relations.forEach((x, i) => holders.push({ path: `relations[${i}]`, obj: x }));
      d.stances.forEach((x, i) => holders.push({ path: `stances[${i}]`, obj: x }));
      for (const e of evidencePlaces(d)) holders.push({ path: e.path, obj: e.evidence });
      const holder = pick(r, holders);
      const key = pick(r, keys);
      set(holder.obj, key, pick(r, [{ polluted: true }, 'x', 1, null, [] as unknown]));
      return invalid(`own key ${key} on ${holder.path}`, [holder.path], [], key);
    }
    const name = pick(r, keys.filter((k) => !k.startsWith('_')));
    if (variant === 2 && d.actors.length > 0) {
      // Ids that are names of Object.prototype members must work like any other id.
      const i = int(r, d.actors.length);
      if (d.actors.some((a) => a.id === name) || d.relations.some((x) => x.id === name)) return null;
      renameActor(d, d.actors[i]!.id, name);
      return valid(`actors[${i}] renamed ${name} everywhere`);
    }
    if (variant === 3) {
      const which = int(r, 3);
      if (which === 0 && d.relations.length > 0) {
        const i = int(r, d.relations.length);
        if (d.actors.some((a) => a.id === name)) return null;
        d.relations[i]!.id = name;
        return valid(`relations[${i}].id := ${name}`);
      }
      const t = int(r, d.topics.length);
      if (d.topics.some((x) => x.id === name)) return null;
      if (which === 1) {
        renameTopic(d, d.topics[t]!.id, name);
        return valid(`topics[${t}] renamed ${name} everywhere`);
      }
      // "__proto__" is not an id at all: it starts with "_".
      const places = [`topics[${t}].id`, ...topicRefs(d, d.topics[t]!.id)];
      renameTopic(d, d.topics[t]!.id, '__proto__');
      return invalid(`topics[${t}] renamed __proto__ everywhere`, places);
    }
    return null;
  },

  'schema-version': (d, r) => {
    const value = pick(r, [2, 0, -1, '1', 'v1', null, true, [1], { major: 1 }, 1.5, undefined]);
    if (value === undefined) del(d, 'schemaVersion');
    else set(d, 'schemaVersion', value);
    return invalid(`schemaVersion := ${JSON.stringify(value)}`, ['schemaVersion']);
  },

  'evidence-paragraph': (d, r) => {
    const places = evidencePlacesOrOne(d, r);
    if (places.length === 0) return null;
    const place = pick(r, places);
    const count = d.source.paragraphs.length;
    const variant = int(r, 3);
    if (variant < 2) {
      const value = pick(r, [0, -1, count + 1, count + 100, 1e9, 1.5, 2 ** 53]);
      place.evidence.paragraph = value;
      return invalid(`${place.path}.paragraph := ${value}`, [`${place.path}.paragraph`]);
    }
    // Another paragraph inside the source: right only if the quote is there too.
    const value = 1 + int(r, count);
    if (value === place.evidence.paragraph) return null;
    place.evidence.paragraph = value;
    return squash(d.source.paragraphs[value - 1]!).includes(squash(place.evidence.quote))
      ? valid(`${place.path}.paragraph := ${value}, which holds the quote too`)
      : invalid(`${place.path}.paragraph := ${value}`, [place.path]);
  },

  'evidence-quote': (d, r) => {
    const places = evidencePlacesOrOne(d, r);
    if (places.length === 0) return null;
    const place = pick(r, places);
    const { quote, paragraph } = place.evidence;
    const words = squash(quote).split(' ');
    const variant = int(r, 5);
    const changed =
      variant === 0
        ? pick(r, [' ', '\n', '\t \n', '\u00a0', '\u3000'])
        : variant === 1
          ? words.map((w, n) => (n === 0 ? w : pick(r, [' ', '  ', '\n', ' \t', '\r\n']) + w)).join('')
          : variant === 2
            ? quote.toUpperCase()
            : variant === 3
              ? `${quote} ${pick(r, ['and more', 'said no one', '…'])}`
              : words.slice(0, Math.ceil(words.length / 2)).join(' ');
    if (changed === quote) return null;
    place.evidence.quote = changed;
    // Spacing and line breaks aside, the quote must be words of the paragraph it cites.
    const found = squash(changed) !== '' && squash(d.source.paragraphs[paragraph - 1]!).includes(squash(changed));
    const note = `${place.path}.quote := ${JSON.stringify(changed).slice(0, 40)}`;
    return found ? valid(note) : invalid(note, [`${place.path}.quote`]);
  },

  'non-array': (d, r) => {
    const arrays: { path: string; holder: unknown; key: string }[] = [
      { path: 'topics', holder: d, key: 'topics' },
      { path: 'actors', holder: d, key: 'actors' },
      { path: 'relations', holder: d, key: 'relations' },
      { path: 'stances', holder: d, key: 'stances' },
      { path: 'source.paragraphs', holder: d.source, key: 'paragraphs' },
    ];
    d.actors.forEach((a, i) => {
      if (a.aliases) arrays.push({ path: `actors[${i}].aliases`, holder: a, key: 'aliases' });
    });
    d.relations.forEach((x, i) => {
      arrays.push({ path: `relations[${i}].topics`, holder: x, key: 'topics' });
      arrays.push({ path: `relations[${i}].evidence`, holder: x, key: 'evidence' });
    });
    d.stances.forEach((x, i) => arrays.push({ path: `stances[${i}].evidence`, holder: x, key: 'evidence' }));
    const place = pick(r, arrays);
    const current = (place.holder as Obj)[place.key] as unknown[];
    const value = pick(r, [{}, 'x', 1, null, true, { 0: current[0] ?? null, length: current.length }]);
    set(place.holder, place.key, value);
    return invalid(`${place.path} := ${JSON.stringify(value).slice(0, 30)}`, [place.path]);
  },

  'missing-field': (d, r) => {
    const optional = new Set(['stances', 'outsideKnowledge', 'source.publisher', 'source.url', 'actors[].nativeName', 'actors[].aliases', 'actors[].role', 'actors[].parent', 'relations[].label', 'relations[].weight', 'relations[].evidence', 'stances[].evidence']);
    const fields: { path: string; holder: unknown; key: string }[] = [];
    const add = (prefix: string, obj: object) =>
      Object.keys(obj).forEach((key) => fields.push({ path: prefix === '' ? key : `${prefix}.${key}`, holder: obj, key }));
    add('', d);
    add('source', d.source);
    d.topics.forEach((t, i) => add(`topics[${i}]`, t));
    d.actors.forEach((a, i) => add(`actors[${i}]`, a));
    d.relations.forEach((x, i) => add(`relations[${i}]`, x));
    d.stances.forEach((x, i) => add(`stances[${i}]`, x));
    for (const e of evidencePlaces(d)) add(e.path, e.evidence);
    const field = pick(r, fields);
    del(field.holder, field.key);
    const general = field.path.replace(/\[\d+\]/g, '[]');
    if (!optional.has(general)) return invalid(`${field.path} deleted`, [field.path]);
    // An optional actor field marked as outside knowledge leaves its mark pointing at nothing.
    const owner = d.actors.find((a) => a === field.holder);
    const marks = (d.outsideKnowledge ?? []).flatMap((m, i) => (owner !== undefined && m.actor === owner.id && m.field === field.key ? [`outsideKnowledge[${i}]`] : []));
    return marks.length === 0 ? valid(`optional ${field.path} deleted`) : invalid(`${field.path} deleted but marked`, marks);
  },

  'extra-field': (d, r) => {
    const holders: { path: string; obj: object }[] = [
      { path: '(root)', obj: d },
      { path: 'source', obj: d.source },
    ];
    d.topics.forEach((t, i) => holders.push({ path: `topics[${i}]`, obj: t }));
    d.actors.forEach((a, i) => holders.push({ path: `actors[${i}]`, obj: a }));
    d.relations.forEach((x, i) => holders.push({ path: `relations[${i}]`, obj: x }));
    d.stances.forEach((x, i) => holders.push({ path: `stances[${i}]`, obj: x }));
    for (const e of evidencePlaces(d)) holders.push({ path: e.path, obj: e.evidence });
    const holder = pick(r, holders);
    const key = pick(r, ['note', 'Id', 'native_name', 'strength', 'x-extra', 'parentId', 'émoji 🙂']);
    if (key in holder.obj) return null;
    set(holder.obj, key, pick(r, ['x', 1, null, { nested: true }]));
    return invalid(`extra key ${key} on ${holder.path}`, [holder.path], [], key);
  },

  'wrong-enum': (d, r) => {
    const variant = int(r, 3);
    if (variant === 0) {
      const i = int(r, d.actors.length);
      set(d.actors[i], 'kind', pick(r, ['robot', 'State', 'organization', '', 'person ']));
      return invalid(`actors[${i}].kind changed`, [`actors[${i}].kind`]);
    }
    if (variant === 1 && d.relations.length > 0) {
      const i = int(r, d.relations.length);
      set(d.relations[i], 'type', pick(r, ['friendship', 'Alliance', 'tensions', '']));
      return invalid(`relations[${i}].type changed`, [`relations[${i}].type`]);
    }
    if (variant === 2 && d.stances.length > 0) {
      const s = int(r, d.stances.length);
      set(d.stances[s], 'position', pick(r, ['neutral', 'Supports', 'support', '']));
      return invalid(`stances[${s}].position changed`, [`stances[${s}].position`]);
    }
    return null;
  },

  'self-loop': (d, r) => {
    if (d.relations.length === 0) return null;
    const i = int(r, d.relations.length);
    const rel = d.relations[i]!;
    if (r() < 0.5) rel.target = rel.source;
    else rel.source = rel.target;
    return invalid(`relations[${i}] links ${rel.source} to itself`, [`relations[${i}].target`]);
  },

  benign: (d, r) => {
    const variant = int(r, 8);
    const shuffle = <T>(xs: T[]) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(r, i + 1);
        [xs[i], xs[j]] = [xs[j]!, xs[i]!];
      }
    };
    if (variant === 0) {
      const key = pick(r, ['actors', 'relations', 'topics', 'stances'] as const);
      shuffle(d[key] as unknown[]);
      return valid(`${key} shuffled`);
    }
    if (variant === 1 && d.relations.length > 0) {
      const i = int(r, d.relations.length);
      const rel = d.relations[i]!;
      rel.directed = !rel.directed;
      rel.type = pick(r, ['alliance', 'tension', 'agreement', 'dialogue'] as const);
      rel.summary = filler(1 + int(r, 300));
      return valid(`relations[${i}] retyped and reworded`);
    }
    if (variant === 2 && d.relations.length > 0) {
      d.relations.splice(int(r, d.relations.length), 1);
      return valid('a relation removed');
    }
    if (variant === 3 && d.relations.length > 0 && d.actors.length > 1) {
      // A new relation between two existing actors, citing evidence that exists.
      const [a, b] = [pick(r, d.actors).id, pick(r, d.actors).id];
      if (a === b) return null;
      const model = pick(r, d.relations);
      d.relations.push({ ...structuredClone(model), id: `added-relation-${int(r, 1e6)}`, source: a, target: b });
      if (d.actors.some((x) => x.id === d.relations.at(-1)!.id)) return null;
      return valid(`relation ${a} → ${b} added`);
    }
    if (variant === 4) {
      const states = d.actors.filter((a) => a.kind === 'state');
      const parent = states.length > 0 && r() < 0.5 ? pick(r, states).id : undefined;
      d.actors.push({
        id: `added-actor-${int(r, 1e6)}`,
        name: filler(1 + int(r, 200)),
        kind: pick(r, ['person', 'organisation', 'group', 'state'] as const),
        ...(parent === undefined ? {} : { parent }),
      });
      return valid(`an actor without relations added${parent ? ` in ${parent}` : ''}`);
    }
    if (variant === 5 && d.actors.length > 0) {
      const i = int(r, d.actors.length);
      const fresh = pick(r, ['0', 'a.b:c-d_e', 'Z'.repeat(200), 'x:1', '9lives']);
      if (d.actors.some((a) => a.id === fresh) || d.relations.some((x) => x.id === fresh)) return null;
      renameActor(d, d.actors[i]!.id, fresh);
      return valid(`actors[${i}] renamed ${fresh.slice(0, 20)} everywhere`);
    }
    if (variant === 6) {
      const leaf = pick(
        r,
        leaves(d).filter((l) => typeof l.value === 'string' && stringLimit(l.path) !== null && !l.path.startsWith('source.paragraphs')),
      );
      set(leaf.holder, leaf.key, `${filler(1 + int(r, 20))} <b>&amp;</b> "quoted" \u202e`);
      return valid(`${leaf.path} reworded`);
    }
    if (variant === 7 && d.stances.length > 0) {
      d.stances.splice(int(r, d.stances.length), 1);
      return valid('a stance removed');
    }
    return null;
  },
};

/** Structural truncation: an array cut short. */
function truncateArray(d: Dataset, r: Rng): Omit<Mutant, 'kind' | 'data'> | null {
  const variant = int(r, 5);
  if (variant === 0 && d.actors.length > 1) {
    const k = int(r, d.actors.length);
    const gone = d.actors.splice(k).map((a) => a.id);
    const refs = gone.flatMap((id) => actorRefs(d, id));
    return refs.length === 0 ? valid(`actors cut to ${k}`) : invalid(`actors cut to ${k}`, refs);
  }
  if (variant === 1 && d.topics.length > 0) {
    const k = int(r, d.topics.length);
    const gone = d.topics.splice(k).map((t) => t.id);
    if (k === 0) return invalid('topics cut to none', ['topics']);
    const refs = gone.flatMap((id) => topicRefs(d, id));
    return refs.length === 0 ? valid(`topics cut to ${k}`) : invalid(`topics cut to ${k}`, refs);
  }
  if (variant === 2) {
    const k = int(r, d.source.paragraphs.length);
    d.source.paragraphs.splice(k);
    if (k === 0) return invalid('source.paragraphs cut to none', ['source.paragraphs']);
    const refs = evidencePlaces(d)
      .filter((e) => e.evidence.paragraph > k)
      .map((e) => `${e.path}.paragraph`);
    return refs.length === 0 ? valid(`source.paragraphs cut to ${k}`) : invalid(`source.paragraphs cut to ${k}`, refs);
  }
  if (variant === 3) {
    const key = pick(r, ['relations', 'stances'] as const);
    (d[key] as unknown[]).splice(int(r, d[key].length + 1));
    return valid(`${key} cut short`);
  }
  if (variant === 4 && d.relations.length > 0) {
    const i = int(r, d.relations.length);
    const key = pick(r, ['topics', 'evidence'] as const);
    d.relations[i]![key].splice(0);
    // A relation may carry no evidence (an imported graph); it must keep a topic.
    return key === 'evidence' ? valid(`relations[${i}].evidence emptied`) : invalid(`relations[${i}].${key} emptied`, [`relations[${i}].${key}`]);
  }
  return null;
}

/**
 * `count` mutants of `base`, spread evenly over the kinds. `text` is the file the base was read
 * from, so truncation can also cut the file itself.
 */
export function mutants(base: Dataset, text: string, count: number, seed: number): Mutant[] {
  const r: Rng = seededRandom(seed);
  const out: Mutant[] = [];
  for (let n = 0; out.length < count; n++) {
    if (n > count * 50) throw new Error('the mutation generator is stuck: no kind applies to this dataset');
    const kind = mutationKinds[out.length % mutationKinds.length]!;
    const d = structuredClone(base);
    if (kind === 'truncation' && r() < 0.4) {
      // Cut the file before its closing brace, so the text cannot parse.
      const end = text.lastIndexOf('}');
      const cut = 1 + int(r, end - 1);
      out.push({ kind, note: `file cut after ${cut} of ${text.length} characters`, data: d, text: text.slice(0, cut), valid: false, at: [], alsoAt: [] });
      continue;
    }
    const made = kind === 'truncation' ? truncateArray(d, r) : makers[kind](d, r);
    if (made) out.push({ kind, data: d, ...made });
  }
  return out;
}

/** The runs both mutation tests make, so the graph test loads exactly what the validator accepted. */
export const mutationRuns = [
  { file: 'gyeongju-2025.json', count: 1200, seed: 20251101 },
  { file: 'les-miserables.json', count: 200, seed: 1862 },
] as const;
