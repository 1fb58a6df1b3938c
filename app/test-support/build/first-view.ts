import { readFileSync } from 'node:fs';
import type { Plugin, Rollup } from 'vite';
import { buildIndex } from '../../data/dataset-index.ts';
import { validateDataset } from '../../data/validate.ts';
import type { RelationType } from '../../data/schema.ts';
import { toElements } from '../../graph/elements.ts';
import { buildStylesheet, nativeNameColour, type Scheme } from '../../graph/stylesheet.ts';
import { relationStyles } from '../../ui/relation-styles.ts';
import { swatchParts } from '../../ui/swatch-shape.ts';
import { defaultViewState } from '../../view/view-state.ts';
import { deriveVisible } from '../../view/visible.ts';
import { statusText } from '../../shell/status-line.tsx';
import { computeBundledLayouts } from './bundled-positions.ts';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/**
 * The first view, pre-rendered into index.html at build time so the first paint needs no
 * JavaScript: the default story's header, summary, status line, legend and a static SVG picture
 * of its graph, drawn from the build's own positions (app/test-support/build/bundled-positions.ts) and the canvas
 * stylesheet's own values (buildStylesheet), so it follows layout and style changes by itself.
 * It is an overlay the app removes once its canvas has drawn (app/shell/first-view.ts). A link
 * that asks for any other view shows the loading skeleton instead (public/first-view.js).
 */

const cssId = 'virtual:stancegraph-first-view.css';
const resolvedCss = `\0${cssId}`;

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: number) => String(Math.round(v * 100) / 100);

type Style = Record<string, unknown>;
/** The style a selector of the canvas stylesheet sets, merged in stylesheet order. */
function styleOf(scheme: Scheme, selector: string): Style {
  const out: Style = {};
  for (const rule of buildStylesheet(scheme) as { selector: string; style: Style }[]) if (rule.selector === selector) Object.assign(out, rule.style);
  return out;
}
const n = (v: unknown, fallback: number) => (typeof v === 'number' ? v : typeof v === 'string' ? parseFloat(v) || fallback : fallback);

const kinds = ['person', 'organisation', 'group'] as const;

/** CSS for the SVG, light and dark, from the canvas stylesheet; SVG attributes would not follow the scheme. */
function graphCss(): string {
  const rules = (scheme: Scheme) => {
    const node = styleOf(scheme, 'node');
    const state = { ...node, ...styleOf(scheme, 'node[kind = "state"]') };
    const lines = [
      `.fv-node{fill:${node['background-color']};stroke:${node['border-color']};stroke-width:${n(node['border-width'], 2)}px}`,
      ...kinds.slice(1).map((k) => `.fv-node.fv-${k}{fill:${styleOf(scheme, `node[kind = "${k}"]`)['background-color'] ?? node['background-color']}}`),
      `.fv-state{fill:${state['background-color']};stroke:${state['border-color']};stroke-width:${n(state['border-width'], 1.5)}px;stroke-dasharray:6 4}`,
      `.fv-label{fill:${node.color};font:${node['font-weight']} ${n(node['font-size'], 12)}px ${node['font-family']}}`,
      `.fv-native{fill:${nativeNameColour};font:10px ${node['font-family']}}`,
      `.fv-state-label{fill:${state.color};font:${state['font-weight']} ${n(state['font-size'], 13)}px ${node['font-family']};text-transform:uppercase}`,
    ];
    for (const type of Object.keys(relationStyles) as RelationType[]) {
      const e = { ...styleOf(scheme, 'edge'), ...styleOf(scheme, `edge[type = "${type}"]`) };
      const dash = Array.isArray(e['line-dash-pattern']) ? (e['line-dash-pattern'] as number[]).join(' ') : 'none';
      lines.push(`.fv-edge-${type}{stroke:${e['line-color']};stroke-width:${n(e.width, 3)}px;stroke-dasharray:${dash};stroke-linecap:round;opacity:${n(e.opacity, 0.9)};fill:none}`);
      lines.push(`.fv-swatch-${type}{color:${relationStyles[type].colour[scheme]}}`);
    }
    return lines.join('\n');
  };
  return `${rules('light')}\n@media (prefers-color-scheme: dark){\n${rules('dark')}\n}\n`;
}

/** Name lines as the canvas wraps them, roughly: at spaces, within its text-max-width. */
function wrap(label: string, maxChars: number): string[] {
  const out: string[] = [];
  for (const para of label.replace(/\u200B/g, '').split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line && (line + ' ' + word).length > maxChars) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/** The swatch RelationSwatch draws (the same parts), with its colour from a class instead of an inline style. */
function swatch(type: RelationType, width = 44): string {
  const parts = swatchParts(type, width)
    .map((p) => `<${p.tag}${Object.entries(p.attrs).map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : esc(v)}"`).join('')}/>`)
    .join('');
  return `<svg class="swatch fv-swatch-${type}" width="${width}" height="16" viewBox="0 0 ${width} 16" aria-hidden="true" focusable="false">${parts}</svg>`;
}

function legend(): string {
  const types = (Object.keys(relationStyles) as RelationType[])
    .map((t) => `<li>${swatch(t)}<span>${esc(relationStyles[t].label)}</span></li>`)
    .join('');
  const shapes = [
    ['person', 'Person'],
    ['organisation', 'Organisation'],
    ['group', 'Group'],
    ['state', 'State (contains its people)'],
  ]
    .map(([k, label]) => `<li><span class="shape ${k}"></span> ${label}</li>`)
    .join('');
  return `<section class="legend"><h2 class="legend-title">Legend</h2><ul class="legend-list">${types}</ul><ul class="legend-list kinds">${shapes}</ul><p class="legend-note muted">One end marker: directed. Both ends: mutual.</p></section>`;
}

/** Where the segment from `from` (inside `b`) to `to` leaves the box `b`; `from` when there is no box. */
function clip(from: { x: number; y: number }, to: { x: number; y: number }, b?: { x1: number; y1: number; x2: number; y2: number }) {
  if (!b) return from;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const ts = [dx > 0 ? (b.x2 - from.x) / dx : dx < 0 ? (b.x1 - from.x) / dx : Infinity, dy > 0 ? (b.y2 - from.y) / dy : dy < 0 ? (b.y1 - from.y) / dy : Infinity];
  const t = Math.min(1, ...ts);
  return { x: from.x + dx * t, y: from.y + dy * t };
}

export interface FirstView {
  html: string;
  /** What the picture draws, for the test that compares it with the canvas. */
  nodes: { id: string; x: number; y: number }[];
}

/** The pre-rendered default view of the catalog's first dataset. */
export function renderFirstView(publicDir = 'public'): FirstView {
  const catalog = JSON.parse(readFileSync(`${publicDir}/data/index.json`, 'utf8')) as { datasets: { id: string; file: string }[] };
  const entry = catalog.datasets[0]!;
  const result = validateDataset(JSON.parse(readFileSync(`${publicDir}/data/${entry.file}`, 'utf8')));
  if (!result.ok) throw new Error(`${entry.file} is not a valid dataset`);
  const index = buildIndex(result.dataset);
  const visible = deriveVisible(index, defaultViewState);
  const positions = computeBundledLayouts(publicDir).find((l) => l.dataset === entry.id && !l.portrait)!.positions;
  const elements = toElements(index);
  const node = styleOf('light', 'node');
  const size = { w: n(node.width, 44), h: n(node.height, 44) };
  const groupW = n(styleOf('light', 'node[kind = "group"]').width, 48);
  const fontSize = n(node['font-size'], 12);
  const statePad = n(styleOf('light', 'node[kind = "state"]:parent').padding, 22);
  const labelOf = new Map(elements.filter((e) => e.group === 'nodes').map((e) => [e.data.id!, String(e.data.label ?? '')]));

  const shown = index.dataset.actors.filter((a) => visible.actorIds.has(a.id));
  const members = new Map<string, string[]>();
  for (const a of shown) if (a.parent && visible.actorIds.has(a.parent)) members.set(a.parent, [...(members.get(a.parent) ?? []), a.id]);
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  const grow = (x1: number, y1: number, x2: number, y2: number) => {
    box.x1 = Math.min(box.x1, x1);
    box.y1 = Math.min(box.y1, y1);
    box.x2 = Math.max(box.x2, x2);
    box.y2 = Math.max(box.y2, y2);
  };
  const centre = new Map<string, { x: number; y: number }>();
  // A compound state's box: Cytoscape ends an edge at its border, not its centre.
  const boxes = new Map<string, { x1: number; y1: number; x2: number; y2: number }>();
  const states: string[] = [];
  const leaves: string[] = [];
  const out: FirstView['nodes'] = [];
  // Leaves first: a state with members is drawn around them, as Cytoscape draws a compound node.
  for (const a of shown) {
    if (members.has(a.id)) continue;
    const p = positions.get(a.id)!;
    centre.set(a.id, p);
    out.push({ id: a.id, ...p });
    const w = a.kind === 'group' ? groupW : a.kind === 'state' ? 60 : size.w;
    const h = a.kind === 'state' ? 40 : size.h;
    const cls = a.kind === 'state' ? 'fv-state' : `fv-node fv-${a.kind}`;
    const shape =
      a.kind === 'person'
        ? `<circle class="${cls}" cx="${num(p.x)}" cy="${num(p.y)}" r="${num(w / 2)}"/>`
        : a.kind === 'group'
          ? `<path class="${cls}" d="M${num(p.x - w / 2)} ${num(p.y)} L${num(p.x - w / 4)} ${num(p.y - h / 2)} L${num(p.x + w / 4)} ${num(p.y - h / 2)} L${num(p.x + w / 2)} ${num(p.y)} L${num(p.x + w / 4)} ${num(p.y + h / 2)} L${num(p.x - w / 4)} ${num(p.y + h / 2)} Z"/>`
          : `<rect class="${cls}" x="${num(p.x - w / 2)}" y="${num(p.y - h / 2)}" width="${w}" height="${h}" rx="8"/>`;
    const lines = wrap(labelOf.get(a.id) ?? a.name, 18);
    const text = lines
      .map((l, i) => `<text class="fv-label" x="${num(p.x)}" y="${num(p.y + h / 2 + 5 + fontSize * (i + 1))}" text-anchor="middle">${esc(l)}</text>`)
      .join('');
    // The native name sits inside the shape when the canvas puts it there (elements.ts decides).
    const inside = a.nativeName && elements.some((e) => e.data.id === a.id && e.data.native)
      ? `<text class="fv-native" x="${num(p.x)}" y="${num(p.y + 3.5)}" text-anchor="middle">${esc(a.nativeName)}</text>`
      : '';
    leaves.push(`<g data-id="${esc(a.id)}">${shape}${inside}${text}</g>`);
    grow(p.x - Math.max(w, 120) / 2, p.y - h / 2, p.x + Math.max(w, 120) / 2, p.y + h / 2 + 5 + fontSize * lines.length + 4);
  }
  for (const [id, ids] of members) {
    const xs = ids.flatMap((m) => [centre.get(m)!.x - size.w / 2, centre.get(m)!.x + size.w / 2]);
    const ys = ids.flatMap((m) => [centre.get(m)!.y - size.h / 2, centre.get(m)!.y + size.h / 2 + fontSize * 2.5]);
    const x1 = Math.min(...xs) - statePad;
    const x2 = Math.max(...xs) + statePad;
    const y1 = Math.min(...ys) - statePad;
    const y2 = Math.max(...ys) + statePad;
    centre.set(id, { x: (x1 + x2) / 2, y: (y1 + y2) / 2 });
    boxes.set(id, { x1, y1, x2, y2 });
    const actor = index.actorById.get(id)!;
    const name = actor.name;
    const native = actor.nativeName ? `<text class="fv-native" x="${num((x1 + x2) / 2)}" y="${num(y1 + 13)}" text-anchor="middle">${esc(actor.nativeName)}</text>` : '';
    states.push(
      `<g data-id="${esc(id)}"><rect class="fv-state" x="${num(x1)}" y="${num(y1)}" width="${num(x2 - x1)}" height="${num(y2 - y1)}" rx="8"/><text class="fv-state-label" x="${num((x1 + x2) / 2)}" y="${num(y1 - 6)}" text-anchor="middle">${esc(name)}</text>${native}</g>`,
    );
    grow(x1, y1 - 24, x2, y2);
  }
  const edges = index.dataset.relations
    .filter((r) => visible.relationIds.has(r.id) && centre.has(r.source) && centre.has(r.target))
    .map((r) => {
      const s0 = centre.get(r.source)!;
      const t0 = centre.get(r.target)!;
      const s = clip(s0, t0, boxes.get(r.source));
      const t = clip(t0, s0, boxes.get(r.target));
      return `<line class="fv-edge-${r.type}" x1="${num(s.x)}" y1="${num(s.y)}" x2="${num(t.x)}" y2="${num(t.y)}"/>`;
    });
  const pad = 36;
  const viewBox = [box.x1 - pad, box.y1 - pad, box.x2 - box.x1 + 2 * pad, box.y2 - box.y1 + 2 * pad].map(num).join(' ');
  const svg = `<svg class="fv-graph" viewBox="${viewBox}" preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">${states.join('')}${edges.join('')}${leaves.join('')}</svg>`;

  const { dataset } = index;
  const story = `<div class="app-shell fv-story">
<header class="topbar"><div class="brand-block"><span class="brand">Stancegraph</span><p class="dataset-title">${esc(dataset.title)}</p></div></header>
<aside class="sidebar"><p class="fv-summary">${esc(dataset.description)}</p></aside>
<main class="main"><div class="view-bar"><div class="view-tabs">${['Graph', 'Table', 'Stances', 'Source'].map((t, i) => `<span class="tab"${i === 0 ? ' aria-selected="true"' : ''}>${t}</span>`).join('')}</div></div><p class="status-line">${esc(statusText(index, visible))}</p><div class="view-panel"><section class="graph-region">${svg}</section>${legend()}</div></main>
<aside class="details-panel"></aside>
</div>`;
  const skeleton = `<div class="app-shell skeleton fv-skeleton"><header class="topbar"><span class="brand">Stancegraph</span></header><aside class="sidebar"><div class="sk-line"></div><div class="sk-line short"></div><div class="sk-line"></div></aside><main class="main"><p class="status-line">Loading dataset…</p><div class="sk-canvas"></div></main></div>`;
  return { html: `<div id="first-view" class="first-view" aria-hidden="true" inert>${story}${skeleton}</div>`, nodes: out };
}

/** The chunk of app/data/checks.ts and the chunks it imports, as page-relative paths. */
function checksChunks(bundle: OutputBundle | undefined): string[] {
  const chunks = new Map<string, OutputChunk>();
  for (const file of Object.values(bundle ?? {})) if (file.type === 'chunk') chunks.set(file.fileName, file);
  const root = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith('/app/data/checks.ts'));
  if (!root) throw new Error('the build has no chunk of its own for app/data/checks.ts');
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name)) return;
    found.add(name);
    for (const next of chunks.get(name)?.imports ?? []) visit(next);
  };
  visit(root.fileName);
  return [...found].map((name) => `./${name}`);
}

export function firstViewPlugin(publicDir = 'public'): Plugin[] {
  return [
    {
      name: 'stancegraph-first-view-css',
      resolveId: (id) => (id === cssId ? resolvedCss : null),
      load: (id) => (id === resolvedCss ? graphCss() : null),
    },
    {
      name: 'stancegraph-first-view',
      apply: 'build',
      transformIndexHtml: {
        order: 'post',
        handler: (html, ctx) => {
          if (!html.includes('<div id="root"></div>')) throw new Error('index.html lacks <div id="root"></div>');
          // Classic and blocking on purpose: it must decide story or skeleton before the first paint.
          // It also starts the app after that paint.
          const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
          if (!entry) throw new Error('index.html lacks the app entry script');
          // The app's code is fetched only once the first view is painted (public/first-view.js adds
          // the preloads and the entry then): fetched earlier, even at low priority, Lighthouse counts
          // the whole bundle's download into the first paint it did not hold back. The entry's own
          // static imports go in data-preload, so they still download beside it, not after it.
          const preloads = [...html.matchAll(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g)];
          // A link to another view shows the skeleton, not the story, until its dataset is checked:
          // there the format's checks (zod and the schema) are preloaded with the entry too, so the
          // catalog and the dataset need not wait for the entry to run before asking for them.
          const linked = checksChunks(ctx.bundle).filter((href) => href !== entry[1] && !preloads.some((p) => p[1] === href));
          const check = `<script src="./first-view.js" data-app="${entry[1]}" data-preload="${preloads.map((p) => p[1]).join(' ')}" data-linked-preload="${linked.join(' ')}"></script>`;
          return preloads
            .reduce((out, p) => out.replace(p[0], ''), html)
            .replace(`${entry[0]}\n`, '')
            .replace(entry[0], '')
            .replace('<div id="root"></div>', `<div id="root"></div>\n    ${renderFirstView(publicDir).html}`)
            .replace('</title>', `</title>\n    ${check}`);
        },
      },
    },
  ];
}
