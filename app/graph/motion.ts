/**
 * The reader's "reduce motion" setting, asked at the moment of each move, so changing it in the
 * system applies to the next layout switch or camera move without a reload.
 */
export const prefersReducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
