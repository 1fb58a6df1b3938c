import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The rules in eslint.config.js that keep data and user text inert are only worth something if
 * they fire. Each snippet below is linted as if it were a file in app/ and must be reported.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function rulesFor(code: string, file = 'app/lint-probe.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const forbidden: [what: string, code: string, rule: string][] = [
  ['innerHTML assignment', 'export function f(el: HTMLElement, s: string) { el.innerHTML = s; }', 'no-restricted-properties'],
  ['outerHTML assignment', 'export function f(el: HTMLElement, s: string) { el.outerHTML = s; }', 'no-restricted-properties'],
  ['insertAdjacentHTML', "export function f(el: HTMLElement, s: string) { el.insertAdjacentHTML('beforeend', s); }", 'no-restricted-properties'],
  ['iframe srcdoc', 'export function f(el: HTMLIFrameElement, s: string) { el.srcdoc = s; }', 'no-restricted-properties'],
  ['createContextualFragment', 'export function f(r: Range, s: string) { return r.createContextualFragment(s); }', 'no-restricted-properties'],
  ['document.write', 'export function f(s: string) { document.write(s); }', 'no-restricted-properties'],
  ['dangerouslySetInnerHTML', 'export const F = ({ s }: { s: string }) => <div dangerouslySetInnerHTML={{ __html: s }} />;', 'no-restricted-syntax'],
  ['eval', 'export function f(s: string) { return eval(s); }', 'no-eval'],
  ['window.eval', 'export function f(s: string) { return window.eval(s); }', 'no-restricted-properties'],
  ['new Function', "export function f(s: string) { return new Function('x', s); }", 'no-new-func'],
  ['Function()', "export function f(s: string) { return Function('x', s); }", 'no-new-func'],
  ['setTimeout with a string', "export function f(s: string) { setTimeout('run(' + s + ')', 1); }", 'no-implied-eval'],
  ['a javascript: URL', "export const F = () => <a href={'javascript:void 0'}>x</a>;", 'no-script-url'],
  ['new RegExp from text', "export function f(s: string) { return new RegExp(s, 'i'); }", 'no-restricted-syntax'],
  ['RegExp() from text', 'export function f(s: string) { return RegExp(s); }', 'no-restricted-syntax'],
  ['String#match with a string', 'export function f(t: string, s: string) { return t.match(s); }', 'no-restricted-syntax'],
  ['String#search with a string', 'export function f(t: string, s: string) { return t.search(s); }', 'no-restricted-syntax'],
  ['cy.$ with a template literal', 'export function f(cy: { $: (s: string) => unknown }, id: string) { return cy.$(`#${id}`); }', 'no-restricted-syntax'],
  [
    'cy.nodes with a concatenated selector',
    "export function f(cy: { nodes: (s: string) => unknown }, id: string) { return cy.nodes('[id = \"' + id + '\"]'); }",
    'no-restricted-syntax',
  ],
  [
    'a collection filter with a template literal',
    'export function f(c: { filter: (s: string) => unknown }, kind: string) { return c.filter(`[kind = "${kind}"]`); }',
    'no-restricted-syntax',
  ],
  [
    'a traversal with a template literal',
    'export function f(c: { neighborhood: (s: string) => unknown }, kind: string) { return c.neighborhood(`node[kind = "${kind}"]`); }',
    'no-restricted-syntax',
  ],
  [
    'an event selector with a template literal',
    'export function f(cy: { on: (e: string, s: string, h: () => void) => void }, id: string) { cy.on("tap", `#${id}`, () => {}); }',
    'no-restricted-syntax',
  ],
  ['querySelector with a template literal', 'export function f(id: string) { return document.querySelector(`#${id}`); }', 'no-restricted-syntax'],
];

describe('security lint rules', () => {
  it.each(forbidden)('report %s', async (_what, code, rule) => {
    expect(await rulesFor(code)).toContain(rule);
  });

  it('report in the graph module too, which is exempt only from the import rule', async () => {
    expect(await rulesFor('export function f(el: HTMLElement, s: string) { el.innerHTML = s; }', 'app/graph/probe.ts')).toContain(
      'no-restricted-properties',
    );
  });

  it('make end-to-end specs take test and expect from support.ts, where the CSP check lives', async () => {
    expect(await rulesFor("import { expect, test } from '@playwright/test';\ntest('x', () => expect(1).toBe(1));\n", 'e2e/probe.spec.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await rulesFor("import type { Page } from '@playwright/test';\nexport type P = Page;\n", 'e2e/probe.spec.ts')).toEqual([]);
  });

  it('keep test support out of shipped code, in every folder, but let tests use it', async () => {
    const code = "import { mutants } from '../test-support/dataset-mutations.ts';\nexport const m = mutants;\n";
    for (const file of ['app/data/probe.ts', 'app/load/probe.ts', 'app/graph/probe.ts', 'app/shell/probe.tsx'])
      expect(await rulesFor(code, file), file).toContain('no-restricted-imports');
    expect(await rulesFor(code, 'app/data/probe.test.ts')).toEqual([]);
    expect(await rulesFor(code, 'app/graph/probe.test.ts')).toEqual([]);
    // The other import rules still hold beside it, in shipped files and in tests.
    expect(await rulesFor("import cytoscape from 'cytoscape';\nexport const c = cytoscape;\n", 'app/data/probe.ts')).toContain('no-restricted-imports');
    expect(await rulesFor("import cytoscape from 'cytoscape';\nexport const c = cytoscape;\n", 'app/data/probe.test.ts')).toContain('no-restricted-imports');
    expect(await rulesFor("import { x } from '../table/x.ts';\nexport const y = x;\n", 'app/load/probe.ts')).toContain('no-restricted-imports');
  });

  it('leave the safe forms alone', async () => {
    const safe = [
      'export const F = ({ s }: { s: string }) => <p title={s}>{s}</p>;',
      "export function f1(el: HTMLElement, s: string) { el.textContent = s; return /^https?:$/.test(s) && s.match(/a/) && el.closest('button, a'); }",
      "export function f2(cy: { $: (s: string) => unknown; getElementById: (id: string) => unknown }, id: string) { return [cy.$(':visible'), cy.getElementById(id)]; }",
      'export function f3(c: { filter: (fn: (x: number) => boolean) => unknown }, n: number) { return c.filter((x) => x === n); }',
    ].join('\n');
    expect(await rulesFor(safe)).toEqual([]);
  });
});
