/**
 * An SVG file from a plain snapshot of the drawn graph: pure, so it is tested without a browser and
 * can be fed by any renderer. Everything is written from data as escaped text: no script, no link,
 * no external reference; names are real <text>, so they can be searched and selected.
 */

export interface SnapshotNode {
  id: string;
  /** Centre and size in graph units. */
  x: number;
  y: number;
  width: number;
  height: number;
  shape: string;
  fill: string;
  stroke: string;
  strokeWidth: number;
  opacity: number;
  /** A state box draws its name at the top, a member below its shape. */
  compound: boolean;
  label: string;
  nativeName: string | null;
  labelColour: string;
  /** The name's font size as drawn (the canvas enlarges text so names read on small screens). */
  fontSize?: number;
}

export interface SnapshotEdge {
  id: string;
  /** Start, optional control point, end, in graph units (the drawn endpoints, outside the shapes). */
  points: readonly { x: number; y: number }[];
  colour: string;
  width: number;
  dash: readonly number[];
  sourceMarker: string;
  targetMarker: string;
  opacity: number;
  /** The text drawn along the relation, where the canvas draws one (legibility: few relations, or the selection's). */
  label?: { text: string; x: number; y: number; angle: number; fontSize: number; colour: string } | null;
}

export interface LegendItem {
  label: string;
  colour: string;
  dash: readonly number[];
  marker: string;
}

export interface GraphSnapshot {
  nodes: readonly SnapshotNode[];
  edges: readonly SnapshotEdge[];
  /** The region to export, in graph units. */
  box: { x1: number; y1: number; x2: number; y2: number };
  legend: { title: string; date: string; items: readonly LegendItem[] };
  background: string;
  ink: string;
}

const escapeXml = (text: string) =>
  // Control characters other than tab and line breaks are not allowed in XML at all.
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '0');
/** Colours come from computed styles; anything that is not a plain colour is dropped, not trusted. */
const colour = (c: string) => (/^(#[0-9a-fA-F]{3,8}|rgba?\([\d.,\s%]+\)|[a-z]+)$/.test(c.trim()) ? c.trim() : '#888888');
const fontFamily = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Noto Sans CJK KR, Noto Sans CJK SC, sans-serif';

function shapeElement(n: SnapshotNode): string {
  const common = `fill="${colour(n.fill)}" stroke="${colour(n.stroke)}" stroke-width="${num(n.strokeWidth)}" opacity="${num(n.opacity)}"`;
  const x = n.x - n.width / 2;
  const y = n.y - n.height / 2;
  const poly = (pts: [number, number][]) =>
    `<polygon points="${pts.map(([px, py]) => `${num(n.x + (px * n.width) / 2)},${num(n.y + (py * n.height) / 2)}`).join(' ')}" ${common}/>`;
  switch (n.shape) {
    case 'ellipse':
      return `<ellipse cx="${num(n.x)}" cy="${num(n.y)}" rx="${num(n.width / 2)}" ry="${num(n.height / 2)}" ${common}/>`;
    case 'hexagon':
      return poly([[-1, 0], [-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1]]);
    case 'diamond':
      return poly([[0, -1], [1, 0], [0, 1], [-1, 0]]);
    case 'triangle':
      return poly([[0, -1], [1, 1], [-1, 1]]);
    case 'round-rectangle':
    case 'roundrectangle': {
      // A state box has the slight rounding the canvas gives it; a small shape rounds more.
      const r = n.compound ? 6 : Math.min(n.width, n.height) / 4;
      return `<rect x="${num(x)}" y="${num(y)}" width="${num(n.width)}" height="${num(n.height)}" rx="${num(r)}" ${common}/>`;
    }
    default:
      return `<rect x="${num(x)}" y="${num(y)}" width="${num(n.width)}" height="${num(n.height)}" ${common}/>`;
  }
}

function markerPath(shape: string, at: { x: number; y: number }, from: { x: number; y: number }, size: number, fill: string): string {
  if (shape === 'none' || shape === '') return '';
  const angle = (Math.atan2(at.y - from.y, at.x - from.x) * 180) / Math.PI;
  const s = size;
  const body: Record<string, string> = {
    triangle: `<path d="M0 0 L${num(-s * 1.6)} ${num(-s)} L${num(-s * 1.6)} ${num(s)} Z"/>`,
    tee: `<rect x="${num(-s * 0.4)}" y="${num(-s * 1.2)}" width="${num(s * 0.8)}" height="${num(s * 2.4)}"/>`,
    diamond: `<path d="M0 0 L${num(-s)} ${num(-s * 0.8)} L${num(-s * 2)} 0 L${num(-s)} ${num(s * 0.8)} Z"/>`,
    circle: `<circle cx="${num(-s)}" cy="0" r="${num(s)}"/>`,
  };
  const drawn = body[shape] ?? body.triangle!;
  return `<g class="marker marker-${escapeXml(shape)}" fill="${colour(fill)}" transform="translate(${num(at.x)} ${num(at.y)}) rotate(${num(angle)})">${drawn}</g>`;
}

function edgeElement(e: SnapshotEdge): string {
  const [a, c, b] = e.points.length >= 3 ? [e.points[0]!, e.points[1]!, e.points[e.points.length - 1]!] : [e.points[0]!, null, e.points[1]!];
  if (!a || !b) return '';
  const d = c ? `M${num(a.x)} ${num(a.y)} Q${num(c.x)} ${num(c.y)} ${num(b.x)} ${num(b.y)}` : `M${num(a.x)} ${num(a.y)} L${num(b.x)} ${num(b.y)}`;
  const dash = e.dash.length > 0 ? ` stroke-dasharray="${e.dash.map(num).join(' ')}"` : '';
  const size = Math.max(3, e.width * 1.6);
  return (
    `<g class="relation" opacity="${num(e.opacity)}"><path d="${d}" fill="none" stroke="${colour(e.colour)}" stroke-width="${num(e.width)}"${dash}/>` +
    markerPath(e.targetMarker, b, c ?? a, size, e.colour) +
    markerPath(e.sourceMarker, a, c ?? b, size, e.colour) +
    (e.label
      ? `<text class="relation-label" x="${num(e.label.x)}" y="${num(e.label.y)}" text-anchor="middle" dominant-baseline="central" font-size="${num(e.label.fontSize)}" fill="${colour(e.label.colour)}" transform="rotate(${num(e.label.angle)} ${num(e.label.x)} ${num(e.label.y)})">${escapeXml(e.label.text)}</text>`
      : '') +
    '</g>'
  );
}

function nodeText(n: SnapshotNode, ink: string): string {
  const lines: string[] = [];
  const size = n.fontSize ?? (n.compound ? 13 : 12);
  const y = n.compound ? n.y - n.height / 2 - size / 2 : n.y + n.height / 2 + size + 2;
  if (n.label !== '')
    lines.push(
      `<text class="name" x="${num(n.x)}" y="${num(y)}" text-anchor="middle" font-size="${num(size)}" font-weight="${n.compound ? 700 : 500}" fill="${colour(n.labelColour || ink)}">${escapeXml(n.label)}</text>`,
    );
  if (n.nativeName)
    lines.push(
      `<text class="native-name" x="${num(n.x)}" y="${num(n.compound ? y + 14 : n.y + 4)}" text-anchor="middle" font-size="10" fill="${colour(ink)}">${escapeXml(n.nativeName)}</text>`,
    );
  return lines.join('');
}

/** The SVG document for a snapshot: the graph region, then a legend strip under it. */
export function writeSvg(s: GraphSnapshot): string {
  const margin = 30;
  const gx = s.box.x1 - margin;
  const gy = s.box.y1 - margin;
  const gw = Math.max(1, s.box.x2 - s.box.x1 + 2 * margin);
  const gh = Math.max(1, s.box.y2 - s.box.y1 + 2 * margin);
  const perRow = Math.max(1, Math.min(s.legend.items.length, Math.floor(gw / 160)));
  const rows = Math.ceil(s.legend.items.length / perRow);
  const legendHeight = 28 + rows * 26 + 24;
  const height = gh + legendHeight;
  const compounds = s.nodes.filter((n) => n.compound);
  const leaves = s.nodes.filter((n) => !n.compound);
  const legend = s.legend.items
    .map((item, i) => {
      const lx = gx + 14 + (i % perRow) * 160;
      const ly = gy + gh + 22 + Math.floor(i / perRow) * 26;
      const dash = item.dash.length > 0 ? ` stroke-dasharray="${item.dash.map(num).join(' ')}"` : '';
      return (
        `<g class="legend-item"><path d="M${num(lx)} ${num(ly)} L${num(lx + 40)} ${num(ly)}" stroke="${colour(item.colour)}" stroke-width="3"${dash}/>` +
        markerPath(item.marker, { x: lx + 44, y: ly }, { x: lx, y: ly }, 4, item.colour) +
        `<text x="${num(lx + 52)}" y="${num(ly + 4)}" font-size="12" fill="${colour(s.ink)}">${escapeXml(item.label)}</text></g>`
      );
    })
    .join('');
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(gx)} ${num(gy)} ${num(gw)} ${num(height)}" width="${num(gw)}" height="${num(height)}" font-family="${fontFamily}" data-graph-height="${num(gh)}" data-margin="${margin}">`,
    `<title>${escapeXml(s.legend.title)}</title>`,
    `<rect x="${num(gx)}" y="${num(gy)}" width="${num(gw)}" height="${num(height)}" fill="${colour(s.background)}"/>`,
    `<g class="states">${compounds.map(shapeElement).join('')}</g>`,
    `<g class="relations">${s.edges.map(edgeElement).join('')}</g>`,
    `<g class="actors">${leaves.map(shapeElement).join('')}</g>`,
    `<g class="labels">${s.nodes.map((n) => nodeText(n, s.ink)).join('')}</g>`,
    `<g class="legend">${legend}<text x="${num(gx + 14)}" y="${num(gy + height - 10)}" font-size="11" fill="${colour(s.ink)}">${escapeXml(`${s.legend.title} · Stancegraph · ${s.legend.date}`)}</text></g>`,
    `</svg>`,
  ].join('\n');
}
