// Seeded synthetic datasets in the version-1 format for `npm run bench`: the same sizes on every
// machine and run, so the app and the bare page (and two commits) draw exactly the same graph.
// States are compound groups of persons; relations mostly stay near their state, as in real
// stories, and every relation and stance cites a quote that really is in its paragraph.

import { seededRandom } from '../../app/data/seeded-random.mjs';

const TOPICS = 10;
const PARAGRAPHS = 40;
const TYPES = ['alliance', 'tension', 'agreement', 'dialogue'];
const POSITIONS = ['supports', 'opposes', 'conditional', 'ambiguous'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sa', 'tov', 'un', 've', 'zhi', 'or', 'bel', 'dan', 'ek', 'fu', 'gar', 'hin'];

export const sizes = {
  small: { actors: 200, relations: 800 },
  medium: { actors: 2000, relations: 8000 },
  large: { actors: 5000, relations: 20000 },
};

/** @param {{ actors: number, relations: number }} size @param {number} [seed] */
export function synthetic(size, seed = 20251101) {
  const random = seededRandom(seed + size.actors * 31 + size.relations);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const word = (n) => Array.from({ length: n }, () => pick(SYLLABLES)).join('');
  const title = (s) => s[0].toUpperCase() + s.slice(1);

  const stateCount = Math.max(2, Math.round(size.actors / 20));
  const personCount = size.actors - stateCount;
  const topics = Array.from({ length: TOPICS }, (_, i) => ({
    id: `t${i + 1}`,
    label: `${title(word(3))} policy`,
    description: `Synthetic topic ${i + 1}.`,
  }));
  const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) =>
    Array.from({ length: 6 }, (_, j) => `Sentence ${j + 1} of paragraph ${i + 1} says ${word(2)} ${word(3)} met ${word(2)}.`).join(' '),
  );
  const quoteFrom = (p) => {
    const sentences = paragraphs[p - 1].split('. ');
    return sentences[Math.floor(random() * sentences.length)].replace(/\.$/, '');
  };

  // States on a square grid; members on a sunflower spiral inside their state's cell, so preset
  // positions look like a laid-out graph without running a layout to make the file.
  const columns = Math.ceil(Math.sqrt(stateCount));
  const cell = 90 * Math.ceil(Math.sqrt(personCount / stateCount) + 2);
  const actors = [];
  const members = Array.from({ length: stateCount }, () => []);
  for (let s = 0; s < stateCount; s++)
    actors.push({ id: `s${s + 1}`, name: `${title(word(2))}land`, kind: 'state' });
  for (let p = 0; p < personCount; p++) {
    const state = p % stateCount;
    const k = members[state].length;
    members[state].push(`a${p + 1}`);
    const r = 45 * Math.sqrt(k);
    const angle = k * 2.399963;
    actors.push({
      id: `a${p + 1}`,
      name: `${title(word(2))} ${title(word(3))}`,
      kind: 'person',
      role: `Synthetic person ${p + 1}`,
      parent: `s${state + 1}`,
      position: {
        x: Math.round((state % columns) * cell + r * Math.cos(angle)),
        y: Math.round(Math.floor(state / columns) * cell + r * Math.sin(angle)),
      },
    });
  }

  const relations = [];
  const seen = new Set();
  while (relations.length < size.relations) {
    const a = Math.floor(random() * stateCount);
    // Three in four relations stay within a state or go to a neighbouring one.
    const b = random() < 0.75 ? (a + Math.floor(random() * 3)) % stateCount : Math.floor(random() * stateCount);
    const source = pick(members[a]);
    const target = pick(members[b]);
    if (source === target || seen.has(`${source}>${target}`)) continue;
    seen.add(`${source}>${target}`);
    const paragraph = 1 + Math.floor(random() * PARAGRAPHS);
    const first = Math.floor(random() * TOPICS);
    const topicIds = [`t${first + 1}`];
    if (random() < 0.3) topicIds.push(`t${((first + 1 + Math.floor(random() * (TOPICS - 1))) % TOPICS) + 1}`);
    relations.push({
      id: `r${relations.length + 1}`,
      source,
      target,
      type: pick(TYPES),
      directed: random() < 0.5,
      topics: topicIds,
      summary: `Synthetic relation ${relations.length + 1}.`,
      evidence: [{ paragraph, quote: quoteFrom(paragraph) }],
    });
  }

  const stances = [];
  for (let i = 0; i < Math.round(size.actors / 10); i++) {
    const actor = `a${1 + ((i * 7) % personCount)}`;
    const topic = `t${1 + (i % TOPICS)}`;
    if (stances.some((s) => s.actor === actor && s.topic === topic)) continue;
    const paragraph = 1 + Math.floor(random() * PARAGRAPHS);
    stances.push({ actor, topic, position: pick(POSITIONS), summary: `Synthetic stance ${i + 1}.`, evidence: [{ paragraph, quote: quoteFrom(paragraph) }] });
  }

  return {
    schemaVersion: 1,
    id: `synthetic-${size.actors}`,
    title: `Synthetic ${size.actors} actors / ${size.relations} relations`,
    description: `Seeded synthetic dataset for benchmarks (seed ${seed}).`,
    date: '2026-01-01',
    source: { title: 'Synthetic source text', paragraphs },
    topics,
    actors,
    relations,
    stances,
  };
}
