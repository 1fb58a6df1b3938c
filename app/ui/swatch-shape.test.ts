import { describe, expect, it } from 'vitest';
import { relationTypes } from '../data/schema.ts';
import { relationStyles } from './relation-styles.ts';
import { swatchParts } from './swatch-shape.ts';

describe('swatchParts', () => {
  it('draws a line and a marker at each end, the line dashed as the canvas dashes it', () => {
    for (const type of relationTypes) {
      const [line, start, end] = swatchParts(type, 60);
      expect(line.tag).toBe('line');
      expect(line.attrs.x2).toBe(53);
      expect('stroke-dasharray' in line.attrs).toBe(relationStyles[type].dash.length > 0);
      expect(start.tag).toBe(end.tag);
    }
  });

  it('points a dialogue arrow outward at both ends', () => {
    const [, start, end] = swatchParts('dialogue');
    expect(start.attrs.d).toBe('M13 3 L7 8 L13 13 Z');
    expect(end.attrs.d).toBe('M31 3 L37 8 L31 13 Z');
  });
});
