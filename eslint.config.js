import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const features = ['sidebar', 'search', 'details', 'table', 'stances', 'source', 'load', 'export'];

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
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='RegExp']", message: 'Never build a RegExp at run time: user text must not become a pattern.' },
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Never write HTML from strings.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never write HTML from strings.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never write HTML from strings.' },
        {
          selector: "CallExpression[callee.property.name=/^(\\$|filter|elements|nodes|edges)$/] > TemplateLiteral",
          message: 'Never build a Cytoscape selector from text; filter with a function or look up by id.',
        },
      ],
      'no-restricted-properties': ['error', { property: 'dangerouslySetInnerHTML' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/graph/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['cytoscape', 'cytoscape-*'], message: 'Only app/graph/ may import cytoscape.' }] }],
    },
  },
  { files: ['e2e/**/*.mjs'], languageOptions: { globals: globals.node } },
  // Features meet in the store and the derived data (data/, view/, ui/); only the page shell
  // composes them. This keeps them free of each other and of cycles.
  ...features.map((feature) => ({
    files: [`app/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['cytoscape', 'cytoscape-*'], message: 'Only app/graph/ may import cytoscape.' },
            {
              group: [...features, 'graph', 'shell', 'url'].filter((f) => f !== feature).map((f) => `../${f}/*`),
              message: 'A feature may not import another feature; share through data/, view/ or ui/.',
            },
          ],
        },
      ],
    },
  })),
);
