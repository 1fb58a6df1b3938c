import type { Page } from '@playwright/test';

export interface StressResult {
  /** Longest main-thread task (ms) in each phase of the case. */
  phases: Record<string, number>;
  outcome: string;
  message?: string;
}
export declare const stressCases: readonly {
  name: string;
  run(page: Page, size: (typeof import('./generators.mjs'))['stressSizes']['small'], timeout: number): Promise<StressResult>;
}[];
