import { describe, expect, it } from 'vitest';
import { composedSize, legendHeight, legendPerRow } from './graph-export.ts';

describe('exported image size', () => {
  it('keeps the graph width and adds the legend strip below', () => {
    const size = composedSize({ width: 2000, height: 1200 }, 2);
    expect(size.width).toBe(2000);
    expect(size.height).toBe(1200 + legendHeight(2000, 2));
    expect(size.height).toBeGreaterThan(1200);
  });

  it('puts all four relation types on one row when the image is wide enough', () => {
    expect(legendPerRow(1000)).toBe(4);
    // Same CSS width at 2×: the strip is exactly twice as tall.
    expect(legendHeight(2000, 2)).toBe(2 * legendHeight(1000, 1));
  });

  it('wraps the relation types on a phone-width image, so the strip grows', () => {
    expect(legendPerRow(375)).toBe(2);
    expect(legendHeight(375, 1)).toBeGreaterThan(legendHeight(1000, 1));
    expect(legendPerRow(100)).toBe(1);
    expect(legendHeight(100, 1)).toBeGreaterThan(legendHeight(375, 1));
  });

  it('is an integer number of pixels at any scale', () => {
    for (const scale of [1, 1.5, 2, 0.37]) {
      const { width, height } = composedSize({ width: 803, height: 611 }, scale);
      expect(Number.isInteger(width) && Number.isInteger(height)).toBe(true);
    }
  });
});
