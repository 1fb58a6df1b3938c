import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support.ts';


const root = new URL('..', import.meta.url).pathname;

/** Every file of a build, source maps included: a deployed map must not carry the switch either. */
function buildText(dir: string): string {
  const base = join(root, dir);
  expect(existsSync(join(base, 'index.html')), `${dir}/ is missing: build it first (npm run build)`).toBe(true);
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      return statSync(path).isDirectory() ? walk(path) : [readFileSync(path, 'utf8')];
    });
  return walk(base).join('\n');
}

// The fault switch (app/shell/fault-point.tsx) and the graph probe (app/graph/graph-probe.ts) are
// for the end-to-end build only.
test('the production build holds no trace of the test-only fault switch or graph probe; the e2e build does', () => {
  const e2e = buildText('dist-e2e');
  // The markers are real: the build that has the switch contains them.
  expect(e2e).toContain('stancegraph:e2e-fault');
  expect(e2e).toContain('Test fault in the');
  expect(e2e).toContain('stancegraphProbe');
  expect(e2e).toContain('stancegraphLiveInstances');
  expect(e2e).toContain('stancegraphCounts');

  const production = buildText('dist');
  expect(production).toContain('Reload this panel');
  expect(production).not.toContain('stancegraph:e2e-fault');
  expect(production).not.toContain('Test fault in the');
  expect(production).not.toContain('stancegraphProbe');
  expect(production).not.toContain('stancegraphLiveInstances');
  expect(production).not.toContain('stancegraphCounts');
  expect(production).not.toContain('stancegraphViewportShortcuts');
});

// The first view's bundle (the entry and what the page preloads) leaves the validator, the link
// data codec and storage to chunks loaded beside the data or on first use: the initial-JavaScript
// budget (1.25× React + Cytoscape, e2e/bench) holds only without them. Read from the source maps.
test('the initial scripts carry no zod, fflate or idb: those load on demand', () => {
  const dist = join(root, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // Script tags and preloads, and what public/first-view.js starts after the first paint (data-app, data-preload).
  const initial = [...html.matchAll(/(?:src|href|data-app|data-preload)="([^"]+)"/g)]
    .flatMap((m) => m[1]!.split(' '))
    .filter((url) => /^\.\/assets\/[^/]+\.js$/.test(url))
    .map((url) => url.slice(2));
  // The entry itself is among them (how many files come beside it is the bundler's choice).
  const entry = /data-app="\.\/([^"]+)"/.exec(html)?.[1];
  expect(entry).toMatch(/^assets\/[^/]+\.js$/);
  expect(initial).toContain(entry);
  const mapped = [...new Set(initial)].filter((file) => existsSync(join(dist, `${file}.map`)));
  const sources = mapped.flatMap((file) => (JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8')) as { sources: string[] }).sources);
  expect(sources.some((s) => s.includes('node_modules/react-dom/'))).toBe(true);
  for (const library of ['zod', 'fflate', 'idb']) expect(sources.filter((s) => s.includes(`node_modules/${library}/`)), library).toEqual([]);
  expect(sources.filter((s) => s.endsWith('app/data/validate.ts'))).toEqual([]);
  // They are shipped all the same, as chunks of their own.
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js.map'));
  const lazy = all.flatMap((f) => (JSON.parse(readFileSync(join(dist, 'assets', f), 'utf8')) as { sources: string[] }).sources);
  for (const library of ['zod', 'fflate', 'idb']) expect(lazy.some((s) => s.includes(`node_modules/${library}/`)), library).toBe(true);
});
