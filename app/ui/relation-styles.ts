import type { RelationType } from '../data/schema.ts';

/**
 * How each relation type is drawn, shared by the canvas stylesheet and the legend so they
 * cannot drift. Colours are from the Okabe–Ito palette (distinct under the common forms of
 * colour blindness); line pattern and end marker carry the same meaning without colour.
 */
export interface RelationStyle {
  label: string;
  colour: { light: string; dark: string };
  /** SVG stroke-dasharray; empty for a solid line. */
  dash: readonly number[];
  /** Cytoscape arrow shape at the target (and at both ends when undirected). */
  marker: 'triangle' | 'tee' | 'diamond' | 'circle';
  width: number;
  description: string;
}

export const relationStyles: Record<RelationType, RelationStyle> = {
  alliance: {
    label: 'Alliance',
    colour: { light: '#0072B2', dark: '#56B4E9' },
    dash: [],
    marker: 'circle',
    width: 4,
    description: 'solid line, round ends',
  },
  tension: {
    label: 'Tension',
    colour: { light: '#D55E00', dark: '#E69F00' },
    dash: [9, 6],
    marker: 'tee',
    width: 3,
    description: 'dashed line, bar ends',
  },
  agreement: {
    label: 'Agreement',
    colour: { light: '#009E73', dark: '#2FD1A4' },
    dash: [14, 4, 3, 4],
    marker: 'diamond',
    width: 3,
    description: 'dash-dot line, diamond ends',
  },
  dialogue: {
    label: 'Dialogue',
    colour: { light: '#6B4C9A', dark: '#CC79A7' },
    dash: [2, 5],
    marker: 'triangle',
    width: 3,
    description: 'dotted line, arrow ends',
  },
};
