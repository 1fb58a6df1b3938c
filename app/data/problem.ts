/** A validation problem as the user reads it; no zod here, so the app shell can show problems without the schema chunk. */
export interface Problem {
  /** JSON path such as `relations[3].target`, or `(root)`. */
  path: string;
  message: string;
}

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
