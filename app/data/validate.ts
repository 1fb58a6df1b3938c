import type * as z from 'zod/mini';
import { datasetSchema, type Dataset } from './schema.ts';

export interface Problem {
  /** JSON path such as `relations[3].target`, or `(root)`. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** "relations[3].target: "kim" is not an actor id" */
export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

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
  // A cycle needs every member to have a state parent, so walk each chain with a step limit.
  d.actors.forEach((a, i) => {
    const visited = new Set<string>([a.id]);
    let next = a.parent;
    while (next !== undefined) {
      if (visited.has(next)) {
        if (next === a.id && a.parent !== a.id)
          problems.push({ path: `actors[${i}].parent`, message: `parent chain forms a cycle through ${show(a.id)}` });
        break;
      }
      visited.add(next);
      next = actors.get(next)?.parent;
    }
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
