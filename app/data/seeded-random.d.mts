/** mulberry32: the same sequence in [0, 1) for the same seed on every machine. */
export declare function seededRandom(seed: number): () => number;
