import type { StylesheetJson } from 'cytoscape';
import type { RelationType } from '../data/schema.ts';
import { relationStyles, type RelationStyle } from '../ui/relation-styles.ts';
import { storyDimOpacity } from './story-emphasis.ts';

export type Scheme = 'light' | 'dark';

const palette = {
  light: {
    text: '#1d2330',
    muted: '#5b6475',
    person: '#ffffff',
    organisation: '#f3efe4',
    group: '#eef3ea',
    border: '#3a4458',
    state: 'rgba(56, 86, 140, 0.06)',
    stateBorder: '#8a97b3',
    select: '#111827',
    textBg: '#ffffff',
  },
  dark: {
    text: '#e7ebf3',
    muted: '#a9b3c6',
    person: '#273043',
    organisation: '#33302a',
    group: '#2b3529',
    border: '#c3cbdb',
    state: 'rgba(150, 175, 225, 0.08)',
    stateBorder: '#6f7d9c',
    select: '#ffd166',
    textBg: '#151a24',
  },
} as const;

const isWide = (ch: string) => /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u.test(ch);

/**
 * Text an XML document can hold and encodeURIComponent can encode: a lone surrogate (which
 * would throw a URIError) and the control characters XML 1.0 forbids (which would leave the
 * image unparsable) become U+FFFD, so a damaged name shows as a visible mark, not a crash.
 */
export function xmlText(text: string): string {
  let out = '';
  // Iterating a string yields code points; a lone surrogate comes out on its own.
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const allowed =
      c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    out += allowed ? ch : '\uFFFD';
  }
  return out;
}

/** Wider than this, a native name image would reach across its neighbours; it is cut with "…". */
export const maxTextImageWidth = 180;

/**
 * The native name is drawn smaller than the name, which one Cytoscape label cannot do, so it is
 * rendered into a small SVG image. The text is XML-escaped and the image is never parsed as HTML.
 */
export function textImage(text: string, fontSize: number, colour: string): { uri: string; width: number; height: number } {
  const advance = (ch: string) => (isWide(ch) ? 1 : 0.6) * fontSize;
  let chars = [...text];
  let textWidth = chars.reduce((w, ch) => w + advance(ch), 0);
  if (textWidth + 4 > maxTextImageWidth) {
    const kept: string[] = [];
    textWidth = advance('…');
    for (const ch of chars) {
      if (textWidth + advance(ch) + 4 > maxTextImageWidth) break;
      kept.push(ch);
      textWidth += advance(ch);
    }
    chars = [...kept, '…'];
  }
  const width = Math.ceil(textWidth) + 4;
  const height = Math.ceil(fontSize * 1.4);
  const escaped = xmlText(chars.join('')).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<text x="50%" y="${(fontSize * 1.05).toFixed(1)}" text-anchor="middle" font-family="system-ui, 'Noto Sans CJK KR', 'Noto Sans CJK SC', sans-serif" font-size="${fontSize}" fill="${colour}">${escaped}</text></svg>`;
  return { uri: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, width, height };
}

/**
 * `fast` is large-graph mode: the costs that grow with thousands of elements go first — curved
 * edges, arrowheads, label backgrounds, translucency, transitions. `detail: false` (large-graph
 * mode while zoomed out, see `labelZoom`) also drops names and line patterns: measured on the
 * 5,000-actor benchmark graph, dash patterns made a redraw 2.5 times slower and label text most of
 * the rest, while at that zoom neither can be read. Colour, width and the table still tell the
 * relation types apart; zooming in brings both back.
 *
 * `patterns: false` draws every line solid and keeps everything else. Full detail passes it while
 * zoomed out below `patternZoom`, where no pattern can be seen but each still costs its dashes.
 */
export function buildStylesheet(scheme: Scheme, fast = false, detail = true, look: Look = plainLook, patterns = detail): StylesheetJson {
  const c = palette[scheme];
  const t = look.textScale;
  const px = (n: number) => Math.round(n * t * 100) / 100;
  const style: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: c.text,
        'font-family': 'system-ui, "Segoe UI", "Noto Sans", "Noto Sans CJK KR", sans-serif',
        'font-size': px(12),
        'font-weight': 600,
        'text-valign': 'bottom',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': `${px(120)}px`,
        'text-background-color': c.textBg,
        'text-background-opacity': 0.75,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        width: 44,
        height: 44,
        'background-color': c.person,
        'border-width': 2,
        'border-color': c.border,
        'transition-property': 'opacity',
        'transition-duration': 150,
        // Cytoscape's 'auto' draws a state box under its members by counting each element's
        // ancestors, building a collection per element and comparison, whenever a class change
        // re-sorts the drawing order (hiding a topic, emphasising a selection): a third of a
        // toggle at 5,000 actors. Members and relations go on top outright; only a box counts.
        'z-compound-depth': 'top',
      },
    },
    { selector: 'node[kind = "organisation"]', style: { shape: 'round-rectangle', 'background-color': c.organisation } },
    { selector: 'node[kind = "group"]', style: { shape: 'hexagon', 'background-color': c.group, width: 48 } },
    {
      selector: 'node[native]',
      style: {
        'background-image': 'data(native)',
        'background-fit': 'none',
        'background-width': 'data(nativeW)',
        'background-height': 'data(nativeH)',
        'background-clip': 'none',
        'background-image-containment': 'over',
        'bounds-expansion': 4,
      },
    },
    {
      selector: 'node[kind = "state"]',
      style: {
        shape: 'round-rectangle',
        'background-color': c.state,
        'background-opacity': 1,
        'border-color': c.stateBorder,
        'border-style': 'dashed',
        'border-width': 1.5,
        'font-size': px(13),
        'font-weight': 700,
        'text-transform': 'uppercase',
        color: c.muted,
        width: 60,
        height: 40,
      },
    },
    {
      // Only states have members (the format says so).
      selector: 'node[kind = "state"]:parent',
      style: {
        'z-compound-depth': 'auto',
        'text-valign': 'top',
        'text-margin-y': -4,
        padding: '22px',
        'background-position-y': '0%',
        'background-position-x': '50%',
        'background-offset-y': 3,
      },
    },
    {
      selector: 'edge',
      style: {
        'z-compound-depth': 'top',
        'curve-style': 'bezier',
        'control-point-step-size': 14,
        width: 3,
        'arrow-scale': 1.1,
        'line-cap': 'round',
        opacity: 0.9,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
  ];
  // The style table's keys rather than the schema's list: this file must not pull in the schema
  // code, because the benchmark's bare page draws with this very stylesheet.
  for (const [type, s] of Object.entries(relationStyles) as [RelationType, RelationStyle][]) {
    const colour = s.colour[scheme];
    style.push({
      selector: `edge[type = "${type}"]`,
      style: {
        'line-color': colour,
        width: s.width,
        'line-style': s.dash.length === 0 || !patterns ? 'solid' : s.dash.length === 2 && s.dash[0]! <= 3 ? 'dotted' : 'dashed',
        ...(s.dash.length > 0 && patterns ? { 'line-dash-pattern': [...s.dash] } : {}),
        'target-arrow-shape': s.marker,
        'target-arrow-color': colour,
        'source-arrow-color': colour,
      },
    });
    style.push({ selector: `edge[type = "${type}"][!directed]`, style: { 'source-arrow-shape': s.marker } });
  }
  style.push({
    // Parallel relations fan out by the distances applyParallelCurves sets (large-graph mode overrides).
    selector: 'edge[cpd]',
    style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': 'data(cpd)', 'control-point-weights': 0.5 } as never,
  });
  if (look.encode)
    style.push(
      // Area follows the visible relations (set by applyDegreeSizes); width follows weight or quotes.
      {
        selector: 'node[size][kind != "state"]',
        // Shapes grow with the text (less than it does), so names still belong to their shapes.
        style: { width: `mapData(size, 0, 100, 0, ${Math.round(100 * Math.sqrt(t))})`, height: `mapData(size, 0, 100, 0, ${Math.round(100 * Math.sqrt(t))})` },
      },
      { selector: 'edge[width]', style: { width: 'data(width)' } },
    );
  style.push(
    {
      // Relation labels ride along their line, on a backing so they read across other lines.
      selector: 'edge.labelled, edge.emphasis',
      style: {
        label: 'data(rlabel)',
        'font-size': px(10),
        'font-family': 'system-ui, "Segoe UI", "Noto Sans", sans-serif',
        'font-weight': 500,
        color: c.muted,
        'text-rotation': 'autorotate',
        'text-wrap': 'ellipsis',
        'text-max-width': `${px(130)}px`,
        'text-background-color': c.textBg,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
      },
    },
    { selector: '.hidden', style: { display: 'none' } },
    // Story steps (story-emphasis.ts) come before selection, so a selection made during the story still fades the rest.
    { selector: '.story-dim', style: { opacity: storyDimOpacity } },
    { selector: 'edge.story-lit', style: { opacity: 1, 'z-index': 5 } },
    { selector: '.faded', style: { opacity: 0.16 } },
    { selector: 'node.faded', style: { 'text-opacity': 0.3 } },
    { selector: 'edge.emphasis', style: { opacity: 1, 'z-index': 10 } },
    {
      selector: 'node.chosen',
      style: { 'border-width': 4, 'border-color': c.select, 'overlay-color': c.select, 'overlay-opacity': 0.08 },
    },
    { selector: 'edge.chosen', style: { width: 6, opacity: 1, 'z-index': 20, 'overlay-color': c.select, 'overlay-opacity': 0.12 } },
    { selector: 'node.match', style: { 'underlay-color': c.select, 'underlay-opacity': 0.18, 'underlay-padding': 6 } },
    // A short relation's label drawn level where there is no room along its line (legible-cy.ts).
    { selector: 'edge.label-level', style: { 'text-rotation': 'none' } },
    // Slid along the line by the label grid where the middle is taken.
    { selector: 'edge[lmx]', style: { 'text-margin-x': 'data(lmx)', 'text-margin-y': 'data(lmy)' } as never },
    // Kept in place (so its box can be tested again after a zoom) but not drawn.
    { selector: '.label-off', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    { selector: 'edge.emphasis.label-off', style: { 'text-opacity': 1, 'text-background-opacity': 0.85 } },
  );
  if (fast)
    style.push(
      {
        selector: 'node',
        style: {
          ...(detail ? {} : { label: '' }),
          'min-zoomed-font-size': 9,
          'text-background-opacity': 0,
          'transition-property': 'none',
        },
      },
      {
        selector: 'edge',
        style: {
          // Haystack edges are straight and need no control points or arrowheads: the cheapest kind.
          'curve-style': 'haystack',
          'haystack-radius': 0,
          'source-arrow-shape': 'none',
          'target-arrow-shape': 'none',
          opacity: 1,
          'transition-property': 'none',
        },
      },
    );
  return style;
}

/**
 * What the picture encodes beyond the stylesheet's fixed rules: `textScale` enlarges all text
 * (chosen for the screen, see legibility.ts), `encode` sizes actors by visible relations and
 * relations by weight (the Appearance control can switch it off).
 */
export interface Look {
  textScale: number;
  encode: boolean;
}

export const plainLook: Look = { textScale: 1, encode: false };

/** In large-graph mode names and line patterns appear from this zoom on, where 12 px text is drawn at 9 px or more. */
export const labelZoom = 0.75;

/**
 * Below this zoom the shortest line pattern (the dotted line's, 2 + 5 units) repeats in under
 * 1.5 px on screen, so no pattern can be told from a solid line, and full detail draws them solid.
 * Drawn anyway, the dashes cost: a 1,500-actor circle at zoom 0.05 took 7.8-10.7 s to draw its
 * first full-detail frame here, 1.8-2.6 s with solid lines (Skia rasterises each dash, on the
 * page's thread). The markers at each end still tell the relation types apart, beside colour and
 * width. A test derives it from the patterns (a constant keeps the first bundle small).
 */
export const patternZoom = 1.5 / 7;

/** What the camera's zoom lets a reader see: names (in large-graph mode) and line patterns. */
export function drawLevel(zoom: number, fast: boolean): { detail: boolean; patterns: boolean } {
  const detail = !fast || zoom >= labelZoom;
  return { detail, patterns: detail && zoom >= patternZoom };
}

/**
 * Native names are baked into images once per dataset, so one grey serves both schemes (and an
 * image exported on white from a dark page): about 3.5:1 against either node fill.
 */
export const nativeNameColour = '#7b8497';
