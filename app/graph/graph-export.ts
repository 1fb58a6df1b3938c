import { relationTypes } from '../data/schema.ts';
import { relationStyles, type RelationStyle } from '../ui/relation-styles.ts';
import type { Scheme } from './stylesheet.ts';
import type { GraphController } from './controller.ts';

export interface LegendSpec {
  /** The dataset title, drawn under the relation types. */
  title: string;
  /** Shown as "Stancegraph · <date>". */
  date: string;
  /** Colours of the legend and of the graph in the image; light suits a white background. */
  scheme: Scheme;
}

export interface PngOptions {
  /** 'full': every drawn element, fitted; 'visible': the viewport as it is now. */
  scope: 'full' | 'visible';
  scale: 1 | 2;
  legend: LegendSpec;
  background: string;
}

export interface Size {
  width: number;
  height: number;
}

// Legend geometry in CSS pixels; the strip is drawn at the image's scale.
const pad = 14;
const itemWidth = 144;
const itemGap = 12;
const rowHeight = 26;
const footerGap = 8;
const footerHeight = 20;
const swatchWidth = 44;
const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR", "Noto Sans CJK SC", sans-serif';
/** Browsers refuse canvases much past this on a side; a huge graph is scaled down to fit. */
const maxSide = 8192;

const inkOf: Record<Scheme, { text: string; muted: string; rule: string }> = {
  light: { text: '#1d2330', muted: '#5b6475', rule: '#d9dde7' },
  dark: { text: '#e7ebf3', muted: '#a9b3c6', rule: '#2d3647' },
};

/** How many relation types fit on one legend row of an image this many CSS pixels wide. */
export function legendPerRow(cssWidth: number): number {
  const fit = Math.floor((cssWidth - 2 * pad + itemGap) / (itemWidth + itemGap));
  return Math.min(relationTypes.length, Math.max(1, fit));
}

/** Height of the legend strip in image pixels, for a graph image `width` pixels wide at `scale`. */
export function legendHeight(width: number, scale: number): number {
  const rows = Math.ceil(relationTypes.length / legendPerRow(width / scale));
  return Math.round((2 * pad + rows * rowHeight + footerGap + footerHeight) * scale);
}

/** The exported image: exactly as wide as the graph image, with the legend strip below it. */
export function composedSize(graph: Size, scale: number): Size {
  return { width: graph.width, height: graph.height + legendHeight(graph.width, scale) };
}

function drawMarker(ctx: CanvasRenderingContext2D, s: RelationStyle, x: number, y: number, flip: boolean) {
  const d = flip ? -1 : 1;
  ctx.beginPath();
  switch (s.marker) {
    case 'circle':
      ctx.arc(x, y, 3.6, 0, Math.PI * 2);
      break;
    case 'tee':
      ctx.rect(x - 1.5, y - 6, 3, 12);
      break;
    case 'diamond':
      ctx.moveTo(x - 5, y);
      ctx.lineTo(x, y - 4.5);
      ctx.lineTo(x + 5, y);
      ctx.lineTo(x, y + 4.5);
      ctx.closePath();
      break;
    case 'triangle':
      ctx.moveTo(x - 6 * d, y - 5);
      ctx.lineTo(x, y);
      ctx.lineTo(x - 6 * d, y + 5);
      ctx.closePath();
      break;
  }
  ctx.fill();
}

/** The swatch of the on-screen legend (relation-swatch.tsx), in canvas strokes. */
function drawSwatch(ctx: CanvasRenderingContext2D, s: RelationStyle, colour: string, x: number, y: number) {
  const start = x + 7;
  const end = x + swatchWidth - 7;
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = s.width * 0.75;
  ctx.lineCap = 'round';
  ctx.setLineDash(s.dash.map((n) => n * 0.6));
  ctx.beginPath();
  ctx.moveTo(start, y);
  ctx.lineTo(end, y);
  ctx.stroke();
  ctx.setLineDash([]);
  drawMarker(ctx, s, start, y, true);
  drawMarker(ctx, s, end, y, false);
  ctx.restore();
}

/** Cuts text to fit, ending in an ellipsis; splits by code point so Hangul and emoji stay whole. */
function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${chars.slice(0, mid).join('')}…`).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${chars.slice(0, lo).join('').trimEnd()}…`;
}

function drawLegend(ctx: CanvasRenderingContext2D, spec: LegendSpec, top: number, width: number, scale: number) {
  const ink = inkOf[spec.scheme];
  const cssWidth = width / scale;
  const perRow = legendPerRow(cssWidth);
  ctx.save();
  ctx.translate(0, top);
  ctx.scale(scale, scale);
  ctx.textBaseline = 'middle';

  ctx.strokeStyle = ink.rule;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, 0.5);
  ctx.lineTo(cssWidth, 0.5);
  ctx.stroke();

  ctx.font = `600 13px ${font}`;
  relationTypes.forEach((type, i) => {
    const s = relationStyles[type];
    const x = pad + (i % perRow) * (itemWidth + itemGap);
    const y = pad + Math.floor(i / perRow) * rowHeight + rowHeight / 2;
    drawSwatch(ctx, s, s.colour[spec.scheme], x, y);
    ctx.fillStyle = ink.text;
    ctx.fillText(s.label, x + swatchWidth + 8, y, itemWidth - swatchWidth - 8);
  });

  const rows = Math.ceil(relationTypes.length / perRow);
  const footerY = pad + rows * rowHeight + footerGap + footerHeight / 2;
  const stamp = `Stancegraph · ${spec.date}`;
  ctx.font = `12px ${font}`;
  const stampWidth = ctx.measureText(stamp).width;
  ctx.fillStyle = ink.muted;
  ctx.textAlign = 'right';
  ctx.fillText(stamp, cssWidth - pad, footerY);
  ctx.textAlign = 'left';
  ctx.font = `600 13px ${font}`;
  ctx.fillStyle = ink.text;
  ctx.fillText(fitText(ctx, spec.title, cssWidth - 2 * pad - stampWidth - 16), pad, footerY);
  ctx.restore();
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the image'))), 'image/png'),
  );
}

/**
 * The graph as a PNG with a legend strip under it. A view capture of a hidden graph (another tab
 * is open, so the canvas has no size) falls back to the whole graph rather than an empty image.
 */
export async function renderPng(graph: GraphController, options: PngOptions): Promise<Blob> {
  const cy = graph.instance;
  if (!cy) throw new Error('The graph is not ready');
  const container = cy.container();
  const hidden = !container || container.clientWidth === 0 || container.clientHeight === 0;
  const full = options.scope === 'full' || hidden;

  const bb = cy.elements(':visible').boundingBox();
  const longest = full ? Math.max(bb.w, bb.h) : Math.max(cy.width(), cy.height());
  if (!(longest > 0)) throw new Error('Nothing is drawn to export');
  const scale = Math.min(options.scale, maxSide / longest);
  // Cytoscape multiplies by the device pixel ratio; the image is `scale` × CSS pixels on any screen.
  const ratio = window.devicePixelRatio || 1;

  // Drawn in the legend's scheme (labels drawn for a dark page vanish on white). Drawing happens
  // inside png(); only the encoding is asynchronous, so the controller restores its style at once.
  const pending = graph.withScheme(options.legend.scheme, (c) =>
    c.png({ output: 'blob-promise', full, scale: scale / ratio, bg: options.background }),
  );
  const graphBlob = await pending;
  if (!graphBlob || graphBlob.size === 0) throw new Error('Nothing is drawn to export');
  const image = await createImageBitmap(graphBlob);

  const legendScale = Math.max(1, scale);
  const graphSize = { width: image.width, height: image.height };
  const size = composedSize(graphSize, legendScale);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('The browser has no 2D canvas');
  ctx.fillStyle = options.background;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.drawImage(image, 0, 0);
  image.close();
  drawLegend(ctx, options.legend, graphSize.height, size.width, legendScale);
  return canvasBlob(canvas);
}

export interface SvgOptions {
  scope: 'full' | 'visible';
  legend: LegendSpec;
  background: string;
  /** Native names by actor id, written as text (the canvas draws them as images). */
  natives: ReadonlyMap<string, string>;
}

/** The graph as a vector SVG, written from the drawn positions and computed styles. */
export async function renderSvg(graph: GraphController, options: SvgOptions): Promise<Blob> {
  const cy = graph.instance;
  if (!cy) throw new Error('The graph is not ready');
  const [{ readSnapshot }, { writeSvg }] = await Promise.all([import('./svg-snapshot.ts'), import('./svg-writer.ts')]);
  const container = cy.container();
  const hidden = !container || container.clientWidth === 0 || container.clientHeight === 0;
  const scheme = options.legend.scheme;
  // Read in the legend's scheme, as the PNG is drawn; the controller restores its own at once.
  const snapshot = graph.withScheme(scheme, (c) =>
    readSnapshot(c, {
      scope: options.scope === 'full' || hidden ? 'full' : 'visible',
      natives: options.natives,
      background: options.background,
      ink: inkOf[scheme].text,
      legend: {
        title: options.legend.title,
        date: options.legend.date,
        items: relationTypes.map((t) => {
          const s = relationStyles[t];
          return { label: s.label, colour: s.colour[scheme], dash: s.dash, marker: s.marker };
        }),
      },
    }),
  );
  if (snapshot.nodes.length === 0) throw new Error('Nothing is drawn to export');
  return new Blob([writeSvg(snapshot)], { type: 'image/svg+xml' });
}
