import type { Page } from '@playwright/test';

export declare function watchLongTasks(page: Page): Promise<void>;
export declare function now(page: Page): Promise<number>;
export declare function longestSince(page: Page, since: number): Promise<number>;
export declare function openApp(page: Page, search?: string): Promise<void>;
export declare function loadDataset(page: Page, dataset: unknown, name?: string): Promise<number>;
export declare function waitForDrawn(page: Page, actors: number, timeout: number): Promise<void>;
export declare function waitForDrawnSince(page: Page, since: number, timeout: number): Promise<void>;
