import type * as z from 'zod/mini';
import { datasetSchema, outsideActorFields, outsideDatasetFields, type Dataset } from './schema.ts';
import { maxElements, maxNestingDepth, maxRelationsPerPair } from './format-limits.ts';

import { formatPath, type Problem } from './problem.ts';

export { formatPath, formatProblem, type Problem } from './problem.ts';

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

function fromZod(error: z.core.$ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

const show = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

/** Cross-reference rules that a JSON Schema cannot express. */
function checkReferences(d: Dataset): Problem[] {
  const problems: Problem[] = [];
  const actors = new Map(d.actors.map((a) => [a.id, a]));
  const topics = new Set<string>();
  const seen = new Map<string, string>();
  const paragraphCount = d.source.paragraphs.length;

  const claimId = (value: string, path: string) => {
    const first = seen.get(value);
    if (first !== undefined) problems.push({ path, message: `duplicate id ${show(value)} (first used at ${first})` });
    else seen.set(value, path);
  };

  d.topics.forEach((t, i) => {
    if (topics.has(t.id)) problems.push({ path: `topics[${i}].id`, message: `duplicate topic id ${show(t.id)}` });
    topics.add(t.id);
  });
  d.actors.forEach((a, i) => claimId(a.id, `actors[${i}].id`));
  d.relations.forEach((r, i) => claimId(r.id, `relations[${i}].id`));

  d.actors.forEach((a, i) => {
    if (a.parent === undefined) return;
    const parent = actors.get(a.parent);
    if (!parent) problems.push({ path: `actors[${i}].parent`, message: `${show(a.parent)} is not an actor id` });
    else if (parent.kind !== 'state')
      problems.push({ path: `actors[${i}].parent`, message: `${show(a.parent)} is a ${parent.kind}, not a state` });
    else if (a.parent === a.id) problems.push({ path: `actors[${i}].parent`, message: 'an actor cannot be its own parent' });
  });
  // Depth of each actor (states above it), memoised so a long chain costs one walk, not one per
  // actor. A cycle needs every member to have a state parent; it is reported on each member.
  const depth = new Map<string, number>();
  const inCycle = new Set<string>();
  const depthOf = (start: string): number => {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let next: string | undefined = start;
    let base = 0;
    while (next !== undefined) {
      const known = depth.get(next);
      if (known !== undefined) {
        base = known + 1;
        break;
      }
      if (onChain.has(next)) {
        for (const member of chain.slice(chain.indexOf(next))) inCycle.add(member);
        base = Infinity;
        break;
      }
      chain.push(next);
      onChain.add(next);
      next = actors.get(next)?.parent;
      if (next !== undefined && !actors.has(next)) next = undefined;
    }
    // Walking back down from the top (depth 0, or one below a known actor): each actor sits one
    // state below its parent.
    for (let k = chain.length - 1; k >= 0; k--) {
      depth.set(chain[k]!, base);
      base = base + 1;
    }
    return depth.get(start)!;
  };
  let deepest: { i: number; depth: number } | null = null;
  d.actors.forEach((a, i) => {
    const own = depthOf(a.id);
    if (own === Infinity) {
      if (inCycle.has(a.id) && a.parent !== a.id) problems.push({ path: `actors[${i}].parent`, message: `parent chain forms a cycle through ${show(a.id)}` });
    } else if (own > maxNestingDepth && (deepest === null || own > deepest.depth)) deepest = { i, depth: own };
  });
  if (deepest !== null) {
    const { i, depth: n } = deepest as { i: number; depth: number };
    problems.push({
      path: `actors[${i}].parent`,
      message: `${show(d.actors[i]!.id)} is nested ${n} states deep; states can be nested at most ${maxNestingDepth} deep`,
    });
  }

  // Each count may be within its limit and the two together still more than draws in a second.
  if (d.actors.length + d.relations.length > maxElements)
    problems.push({
      path: 'relations',
      message: `${d.actors.length} actors and ${d.relations.length} relations are ${d.actors.length + d.relations.length} together; the limit is ${maxElements} together`,
    });

  // Thousands of lines between one pair draw as one smear and cost seconds; a weight says "many".
  const perPair = new Map<string, { count: number; first: number }>();
  d.relations.forEach((r, i) => {
    const key = r.source < r.target ? `${r.source}\u0000${r.target}` : `${r.target}\u0000${r.source}`;
    const seenPair = perPair.get(key);
    if (!seenPair) perPair.set(key, { count: 1, first: i });
    else if (++seenPair.count === maxRelationsPerPair + 1)
      problems.push({
        path: `relations[${i}]`,
        message: `more than ${maxRelationsPerPair} relations between ${show(r.source)} and ${show(r.target)} (the first is relations[${seenPair.first}]); give one relation a weight instead`,
      });
  });

  // The product's promise is that every claim can be read in its source, so a quote must be
  // found in the paragraph it cites (runs of whitespace compare equal).
  const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
  const paragraphs = d.source.paragraphs.map(squash);
  const checkEvidence = (evidence: Dataset['stances'][number]['evidence'], base: string) =>
    evidence.forEach((e, j) => {
      if (e.paragraph > paragraphCount)
        problems.push({
          path: `${base}.evidence[${j}].paragraph`,
          message: `paragraph ${e.paragraph} is outside the source (it has ${paragraphCount})`,
        });
      // A blank quote would "appear" in every paragraph and back nothing.
      else if (squash(e.quote) === '')
        problems.push({ path: `${base}.evidence[${j}].quote`, message: `the quote is blank; it must be words from paragraph ${e.paragraph}` });
      else if (!paragraphs[e.paragraph - 1]!.includes(squash(e.quote)))
        problems.push({
          path: `${base}.evidence[${j}].quote`,
          message: `${show(e.quote)} does not appear in paragraph ${e.paragraph} of the source`,
        });
    });

  d.relations.forEach((r, i) => {
    const base = `relations[${i}]`;
    if (!actors.has(r.source)) problems.push({ path: `${base}.source`, message: `${show(r.source)} is not an actor id` });
    if (!actors.has(r.target)) problems.push({ path: `${base}.target`, message: `${show(r.target)} is not an actor id` });
    if (r.source === r.target) problems.push({ path: `${base}.target`, message: 'a relation cannot link an actor to itself' });
    r.topics.forEach((t, j) => {
      if (!topics.has(t)) problems.push({ path: `${base}.topics[${j}]`, message: `${show(t)} is not a topic id` });
    });
    checkEvidence(r.evidence, base);
  });

  const stanceKeys = new Map<string, number>();
  d.stances.forEach((s, i) => {
    const base = `stances[${i}]`;
    if (!actors.has(s.actor)) problems.push({ path: `${base}.actor`, message: `${show(s.actor)} is not an actor id` });
    if (!topics.has(s.topic)) problems.push({ path: `${base}.topic`, message: `${show(s.topic)} is not a topic id` });
    const key = `${s.actor}\u0000${s.topic}`;
    const first = stanceKeys.get(key);
    if (first !== undefined)
      problems.push({ path: base, message: `a second stance of ${show(s.actor)} on ${show(s.topic)} (first at stances[${first}])` });
    else stanceKeys.set(key, i);
    checkEvidence(s.evidence, base);
  });

  // A mark says "this value is not from the source": it must point at a value that is there,
  // or a reader would be told about a fact the dataset does not hold.
  const actorIndex = new Map(d.actors.map((a, i) => [a.id, i]));
  const datasetFields = new Set<string>(outsideDatasetFields);
  const marked = new Map<string, number>();
  (d.outsideKnowledge ?? []).forEach((m, i) => {
    const base = `outsideKnowledge[${i}]`;
    let target: string;
    if (datasetFields.has(m.field)) {
      if (m.actor !== undefined) {
        problems.push({ path: `${base}.actor`, message: `${show(m.field)} is a field of the dataset, not of an actor` });
        return;
      }
      target = m.field;
    } else {
      if (m.actor === undefined) {
        problems.push({ path: base, message: `${show(m.field)} is a field of an actor: name the actor` });
        return;
      }
      const at = actorIndex.get(m.actor);
      if (at === undefined) {
        problems.push({ path: `${base}.actor`, message: `${show(m.actor)} is not an actor id` });
        return;
      }
      const value = d.actors[at]![m.field as (typeof outsideActorFields)[number]];
      if (value === undefined) {
        problems.push({ path: `${base}.field`, message: `actors[${at}] (${show(m.actor)}) has no ${m.field} to mark` });
        return;
      }
      target = `actors[${at}].${m.field}`;
    }
    const first = marked.get(target);
    if (first !== undefined) problems.push({ path: base, message: `${target} is already marked (at outsideKnowledge[${first}])` });
    else marked.set(target, i);
  });
  const relationIds = new Set(d.relations.map((r) => r.id));
  d.story?.steps.forEach((step, i) => {
    const base = `story.steps[${i}]`;
    step.actors?.forEach((a, j) => {
      if (!actors.has(a)) problems.push({ path: `${base}.actors[${j}]`, message: `${show(a)} is not an actor id` });
    });
    step.relations?.forEach((r, j) => {
      if (!relationIds.has(r)) problems.push({ path: `${base}.relations[${j}]`, message: `${show(r)} is not a relation id` });
    });
    if (step.evidence) checkEvidence(step.evidence, base);
  });
  return problems;
}

/** The one boundary where untrusted JSON becomes a Dataset. */
export function validateDataset(input: unknown): ValidationResult {
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: fromZod(parsed.error) };
  const problems = checkReferences(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dataset: parsed.data };
}
