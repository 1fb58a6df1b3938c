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

  const production = buildText('dist');
  expect(production).toContain('Reload this panel');
  expect(production).not.toContain('stancegraph:e2e-fault');
  expect(production).not.toContain('Test fault in the');
  expect(production).not.toContain('stancegraphProbe');
  expect(production).not.toContain('stancegraphLiveInstances');
  expect(production).not.toContain('stancegraphViewportShortcuts');
});
