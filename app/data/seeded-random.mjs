// mulberry32: a tiny seeded generator, small, fast and the same on every machine, so "random"
// layouts, generated test data and the benchmark's datasets repeat exactly.
//
// Plain JavaScript (typed by seeded-random.d.mts) because three kinds of code share it: the app
// and its tests through Vite, and the benchmark's data generator (e2e/bench/synthetic.mjs), which
// runs under plain Node without a TypeScript step.

/** @param {number} seed @returns {() => number} a generator of numbers in [0, 1) */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
