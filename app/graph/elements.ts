import type { ElementDefinition } from 'cytoscape';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { RelationType } from '../data/schema.ts';
import { nativeNameColour, textImage } from './stylesheet.ts';
import { relationStyles } from '../ui/relation-styles.ts';
import { widthFor } from './legibility.ts';

const maxLabelChars = 80;
const maxUnbrokenChars = 16;
// Counting graphemes keeps an accent with its letter and an emoji sequence whole.
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Printable ASCII only: one character is one grapheme, and the only white space is the space. */
const plainAscii = /^[\x20-\x7e]*$/;
/** More than maxUnbrokenChars (16) characters with no space between them. */
const unbrokenAscii = /[^ ]{17}/;

/**
 * A name as the canvas draws it. Cytoscape wraps labels only at spaces (and U+200B), so a long
 * unbroken word would run across the graph as one line: give it break points. A very long name
 * is cut with an ellipsis; the details panel and the table show it whole.
 */
export function canvasLabel(text: string): string {
  // Most names and every default relation label are short plain ASCII and need nothing: found
  // without the grapheme segmenter, which was most of the cost of building 10,000 elements.
  if (text.length <= maxLabelChars && plainAscii.test(text) && !unbrokenAscii.test(text)) return text;
  return segmentedLabel(text);
}

/** canvasLabel for any text, grapheme by grapheme (exported for its test). */
export function segmentedLabel(text: string): string {
  const chars = Array.from(graphemes.segment(text), (g) => g.segment);
  const shown = chars.length > maxLabelChars ? [...chars.slice(0, maxLabelChars - 1), '…'] : chars;
  let out = '';
  let run = 0;
  for (const ch of shown) {
    run = /\s/.test(ch) ? 0 : run + 1;
    if (run > maxUnbrokenChars) {
      out += '\u200B';
      run = 1;
    }
    out += ch;
  }
  return out;
}

/**
 * What a relation's width shows: its weight where the data gives one, else the number of quotes
 * behind it. Widths are set against the dataset's largest, so one dataset's widths compare.
 */
export const relationStrength = (r: { weight?: number; evidence?: readonly unknown[] }) => r.weight ?? Math.max(1, r.evidence?.length ?? 0);

/** What a relation's line reads from its element: ends, type, the words along it and its width against `max`. */
export function relationData(
  r: { id: string; source: string; target: string; type: RelationType; directed: boolean; label?: string; weight?: number; evidence?: readonly unknown[] },
  max: number,
) {
  return {
    id: r.id,
    source: r.source,
    target: r.target,
    type: r.type,
    directed: r.directed,
    // Without its own label a relation says its type, so every drawn line can be read.
    rlabel: canvasLabel(r.label ?? relationStyles[r.type].label.toLowerCase()),
    width: widthFor(relationStrength(r), max),
  };
}

/** Every actor and relation becomes one element, once per dataset; filters only toggle classes. */
export function toElements(index: DatasetIndex): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  const colour = nativeNameColour;
  for (const a of index.dataset.actors) {
    const data: Record<string, unknown> = { id: a.id, label: canvasLabel(a.name), kind: a.kind };
    if (a.parent !== undefined && index.actorById.has(a.parent)) data.parent = a.parent;
    if (a.nativeName) {
      const isState = a.kind === 'state';
      const img = textImage(a.nativeName, isState ? 11 : 10, colour);
      data.native = img.uri;
      data.nativeW = img.width;
      data.nativeH = img.height;
      // A leaf shows its native name inside the shape; if it will not fit, the label carries it.
      if (!isState && img.width > 52) {
        data.label = `${canvasLabel(a.name)}\n${canvasLabel(a.nativeName)}`;
        delete data.native;
      }
    }
    if (a.position) {
      data.savedX = a.position.x;
      data.savedY = a.position.y;
    }
    out.push({ group: 'nodes', data });
  }
  const max = index.dataset.relations.reduce((m, r) => Math.max(m, relationStrength(r)), 0);
  for (const r of index.dataset.relations) out.push({ group: 'edges', data: relationData(r, max) });
  return out;
}
