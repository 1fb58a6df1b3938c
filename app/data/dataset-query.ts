import { queryOptions } from '@tanstack/react-query';
import type { Catalog, CatalogEntry } from './catalog.ts';
import { buildIndex, type DatasetIndex } from './dataset-index.ts';
import { formatProblem, type Problem } from './problem.ts';

/**
 * zod and the format's schema: a chunk of their own, fetched while the catalog and the dataset
 * download (the first query asks for it), so the first view's bundle is smaller and starts sooner.
 */
const checks = () => import('./checks.ts');

/** A failure the user can read: what went wrong and, for a bad file, where. */
export class DatasetError extends Error {
  readonly problems: readonly Problem[];
  constructor(message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = 'DatasetError';
    this.problems = problems;
  }
}

const dataUrl = (file: string) => `${import.meta.env.BASE_URL}data/${file}`;

async function fetchJson(url: string, what: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new DatasetError(`Could not reach the server to load ${what}. Check the connection and retry.`);
  }
  if (!response.ok) throw new DatasetError(`Loading ${what} failed: the server answered ${response.status}.`);
  try {
    return await response.json();
  } catch {
    throw new DatasetError(`${what} is not valid JSON.`);
  }
}

export const catalogQueryOptions = () =>
  queryOptions({
    queryKey: ['catalog'],
    queryFn: async (): Promise<Catalog> => {
      const [json, { catalogSchema }] = await Promise.all([fetchJson(dataUrl('index.json'), 'the dataset catalog'), checks()]);
      const parsed = catalogSchema.safeParse(json);
      if (!parsed.success) throw new DatasetError('The dataset catalog is malformed.');
      return parsed.data;
    },
    staleTime: Infinity,
  });

export const datasetQueryOptions = (entry: CatalogEntry) =>
  queryOptions({
    queryKey: ['dataset', entry.id],
    queryFn: async (): Promise<DatasetIndex> => {
      const [json, { validateDataset }] = await Promise.all([fetchJson(dataUrl(entry.file), `the dataset “${entry.title}”`), checks()]);
      const result = validateDataset(json);
      if (!result.ok) {
        throw new DatasetError(
          `The dataset “${entry.title}” is invalid: ${result.problems.length} problem(s), first ${formatProblem(result.problems[0]!)}`,
          result.problems,
        );
      }
      return buildIndex(result.dataset);
    },
    staleTime: Infinity,
    // A broken file will not fix itself between quick retries; the user has a Retry button.
    retry: (count, error) => !(error instanceof DatasetError) && count < 2,
  });
