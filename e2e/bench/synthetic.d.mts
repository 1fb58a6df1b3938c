import type { Dataset } from '../../app/data/schema.ts';

export type SizeName = 'small' | 'medium' | 'large';
export declare const sizes: Record<SizeName, { actors: number; relations: number }>;
export declare function synthetic(size: { actors: number; relations: number }, seed?: number): Dataset;
