import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The shipped tree ships: every source file in app/ is reachable from app/main.tsx, so nothing
 * that only tests or the build use sits among the code a reader takes for the product. Test and
 * build support lives in app/test-support/ (ESLint keeps shipped code from importing it).
 *
 * Reachable means through a static import or re-export, a dynamic `import()`, or a worker
 * started with `new URL('./file', import.meta.url)`. Type-only imports count too: a `.d.ts` is
 * not a file the walk has to find, but a type module is still part of the product's source.
 */
const appDir = fileURLToPath(new URL('.', import.meta.url));
const entry = join(appDir, 'main.tsx');

const sourceExtensions = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.css'];
const isTest = (file: string) => /\.test\.(ts|tsx|mjs)$/.test(file);
const isDeclaration = (file: string) => /\.d\.m?ts$/.test(file);
const testSupportDir = join(appDir, 'test-support');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    return d.isDirectory() ? listFiles(path) : [path];
  });
}

/** The module specifiers one file reaches, found in its syntax tree (not by pattern matching text). */
export function specifiersOf(fileName: string, text: string): string[] {
  if (fileName.endsWith('.css')) return [];
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : fileName.endsWith('js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      found.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) found.push(arg.text);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const [path, base] = node.arguments ?? [];
      if (path && ts.isStringLiteralLike(path) && base && base.getText(source) === 'import.meta.url') found.push(path.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A relative specifier as a file on disk; a `.js` import may name a `.ts` source, as in TypeScript. */
function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier.replace(/[?#].*$/, ''));
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), ...sourceExtensions.map((e) => base + e)];
  return candidates.find((c) => existsSync(c) && !c.endsWith('/')) ?? null;
}

function reachableFrom(start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let file = queue.pop(); file !== undefined; file = queue.pop())
    for (const specifier of specifiersOf(file, readFileSync(file, 'utf8'))) {
      const target = resolveLocal(file, specifier);
      if (target !== null && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  return seen;
}

describe('the shipped tree', () => {
  it('finds static, dynamic and worker imports', () => {
    const code = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "export { c } from './c.ts';",
      "const d = () => import('./d.ts');",
      "const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });",
      "const notAModule = new URL('https://example.org/e.ts');",
      "import './styles.css';",
    ].join('\n');
    expect(specifiersOf('probe.ts', code).sort()).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts', './styles.css', './worker.ts']);
  });

  it('has every non-test source file in app/ reachable from app/main.tsx', () => {
    const reachable = reachableFrom(entry);
    const unreachable = listFiles(appDir)
      .filter((f) => sourceExtensions.some((e) => f.endsWith(e)))
      .filter((f) => !isTest(f) && !isDeclaration(f) && !f.startsWith(testSupportDir + '/'))
      .filter((f) => !reachable.has(f))
      .map((f) => relative(appDir, f));
    expect(unreachable, 'move test- or build-only modules to app/test-support/, or delete dead code').toEqual([]);
  });
});
