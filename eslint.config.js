import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist', 'node_modules', 'test-results', 'playwright-report', 'public'] },
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
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Never write HTML from strings.' },
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
);
