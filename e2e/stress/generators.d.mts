import type { Dataset } from '../../app/data/schema.ts';

export declare function nestedStates(depth: number): Dataset;
export declare function stanceMatrix(actors: number, topics: number, seed?: number): Dataset;
export declare const prototypeNames: readonly string[];
export declare function prototypeIds(): Dataset;
export declare function parallelRelations(count: number): Dataset;
export declare function unconnected(actors: number): Dataset;
export declare const stressSizes: Record<
  'full' | 'small',
  { nested: number; nestedLimit: number; stanceActors: number; stanceTopics: number; parallel: number; parallelLimit: number; unconnected: number; limitActors: number; limitRelations: number }
>;
