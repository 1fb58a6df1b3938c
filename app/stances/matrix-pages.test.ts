import { describe, expect, it } from 'vitest';
import { maxCellsShown, pageStart, rowsPerPage } from './matrix.ts';

describe('stance matrix pages', () => {
  it('keeps a page within the cell budget, but never under ten rows', () => {
    expect(rowsPerPage(200) * 200).toBeLessThanOrEqual(maxCellsShown);
    expect(rowsPerPage(12)).toBe(Math.floor(maxCellsShown / 12));
    expect(rowsPerPage(100_000)).toBe(10);
    expect(rowsPerPage(0)).toBe(maxCellsShown);
  });

  it('finds the page that holds a row', () => {
    expect(pageStart(0, 20)).toBe(0);
    expect(pageStart(19, 20)).toBe(0);
    expect(pageStart(20, 20)).toBe(20);
    expect(pageStart(57, 20)).toBe(40);
    expect(pageStart(-1, 20)).toBe(0);
  });
});
