import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const html = 'Never write HTML from strings; render text through React.';
// Methods whose string argument is a selector: Cytoscape's (cy.$, collection filters and
// traversals, events, style().selector) and the DOM's. Built from text, a name like `a"],node[`
// would select something else, so selectors are literals and data is matched by id or function.
const selectorMethods =
  '\\$|filter|elements|nodes|edges|is|not|allAre|some|every|children|parent|parents|ancestors|descendants|siblings|' +
  'neighborhood|openNeighborhood|closedNeighborhood|connectedEdges|connectedNodes|edgesWith|edgesTo|sources|targets|' +
  'successors|predecessors|outgoers|incomers|on|one|once|off|selector|querySelector|querySelectorAll|closest|matches';
const restrictedSyntax = [
  { selector: "NewExpression[callee.name='RegExp']", message: 'Never build a RegExp at run time: user text must not become a pattern.' },
  { selector: "CallExpression[callee.name='RegExp']", message: 'Never build a RegExp at run time: user text must not become a pattern.' },
  {
    // A string passed to match/matchAll/search is compiled as a pattern.
    selector: "CallExpression[callee.property.name=/^(match|matchAll|search)$/][arguments.length>0]:not([arguments.0.regex])",
    message: 'Pass a RegExp literal: a string here is compiled as a pattern.',
  },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: html },
  { selector: "NewExpression[callee.name='Function']", message: 'Never run strings as code.' },
  {
    selector: `CallExpression[callee.property.name=/^(${selectorMethods})$/] > TemplateLiteral[expressions.length>0]`,
    message: 'Never build a selector from text; filter with a function or look up by id.',
  },
  {
    selector: `CallExpression[callee.property.name=/^(${selectorMethods})$/] > BinaryExpression[operator='+']`,
    message: 'Never build a selector from text; filter with a function or look up by id.',
  },
  {
    selector: `CallExpression[callee.property.name=/^(${selectorMethods})$/] > CallExpression[callee.property.name='concat']`,
    message: 'Never build a selector from text; filter with a function or look up by id.',
  },
];
const features = ['sidebar', 'search', 'details', 'table', 'stances', 'source', 'load', 'export'];
const noCytoscape = { group: ['cytoscape', 'cytoscape-*'], message: 'Only app/graph/ may import cytoscape.' };
// Test and build support (mutation generators, JSON Schema generation, fixtures) never ships:
// shipped code may not import app/test-support/; tests and the folder itself may.
const noTestSupport = { group: ['**/test-support', '**/test-support/**'], message: 'Shipped code may not import app/test-support/ (tests only).' };
const testOnly = ['app/**/*.test.{ts,tsx}', 'app/test-support/**'];
/** The import rule for some files, twice: shipped files also may not reach test support. */
const importRules = (files, patterns, ignores = []) => [
  { files, ignores: [...ignores, ...testOnly], rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, noTestSupport] }] } },
  ...(patterns.length > 0
    ? [{ files: files.map((f) => f.replace('*.{ts,tsx}', '*.test.{ts,tsx}')), ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } }]
    : []),
];

export default tseslint.config(
  { ignores: ['**/dist', '**/dist-e2e', 'node_modules', 'test-results', 'playwright-report', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // User and data text is only ever rendered as text: nothing below may turn a string into
      // markup, code, a pattern or a selector. (Tested in app/lint-rules.test.ts.)
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-syntax': ['error', ...restrictedSyntax],
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'srcdoc', 'createContextualFragment', 'setHTMLUnsafe', 'parseHTMLUnsafe'].map(
          (property) => ({ property, message: html }),
        ),
        { property: 'dangerouslySetInnerHTML', message: html },
        { object: 'document', property: 'write', message: html },
        { object: 'document', property: 'writeln', message: html },
        { object: 'window', property: 'eval', message: 'Never run strings as code.' },
        { object: 'globalThis', property: 'eval', message: 'Never run strings as code.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...importRules(['app/**/*.{ts,tsx}'], [noCytoscape], ['app/graph/**']),
  ...importRules(['app/graph/**/*.{ts,tsx}'], []),
  { files: ['e2e/**/*.mjs', '.ci/*.mjs'], languageOptions: { globals: globals.node } },
  // No React runs in the test runner; Playwright fixtures are handed a function called `use`.
  { files: ['e2e/**/*.ts'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  // Specs take test/expect from support.ts, whose fixture fails a test on any CSP violation.
  {
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test', 'expect'],
              message: 'Import test and expect from ./support.ts, which fails a test on any Content-Security-Policy violation.',
            },
          ],
        },
      ],
    },
  },
  // Tests carry hostile payloads such as `javascript:` links on purpose.
  { files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'], rules: { 'no-script-url': 'off' } },
  // Features meet in the store and the derived data (data/, view/, ui/); only the page shell
  // composes them. This keeps them free of each other and of cycles.
  ...features.flatMap((feature) =>
    importRules(
      [`app/${feature}/**/*.{ts,tsx}`],
      [
        noCytoscape,
        {
          group: [...features, 'graph', 'shell', 'url'].filter((f) => f !== feature).map((f) => `../${f}/*`),
          message: 'A feature may not import another feature; share through data/, view/ or ui/.',
        },
      ],
    ),
  ),
);
