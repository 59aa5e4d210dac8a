import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Which layer may import which, as VS Code does it: `common` runs anywhere, `node` is plain
// Node (testable without Electron), `main` and `preload` are the only Electron glue, and the
// renderer sees the contract's types and nothing else of the Node side.
const layer = ({ electron, patterns, typeOnly }, message) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: electron ? [] : [{ name: 'electron', message }],
      patterns: [
        { group: patterns, message },
        ...(typeOnly ? [{ regex: typeOnly, allowTypeImports: true, message }] : []),
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // `const { id, ...rest } = record` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: layer(
      { patterns: ['node:*', '**/node/**', '**/main/**', '**/preload/**', '**/renderer/**'] },
      'electron/common runs in every process: no Electron, no Node built-ins, no other layer.',
    ),
  },
  {
    files: ['electron/node/**/*.ts', 'tests/unit/**/*.ts', 'tests/unit/**/*.tsx', 'tests/e2e/**'],
    rules: layer(
      {
        patterns: ['**/electron/main/**', '**/electron/preload/**', '../main/**', '../../main/**'],
      },
      'Node-side code and its tests run without Electron: only electron/main and electron/preload import it.',
    ),
  },
  {
    // Drives the main process against a fake Electron (the real binary cannot run here).
    files: ['tests/unit/electron-main/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: layer(
      { electron: true, patterns: ['node:*', '**/node/**', '**/main/**', '**/renderer/**'] },
      'The sandboxed preload may import only electron and electron/common.',
    ),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: layer(
      { electron: true, patterns: ['**/renderer/**', '**/preload/**'] },
      'The main process does not import renderer or preload code.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        {
          patterns: [
            'node:*',
            '**/electron/node/**',
            '**/electron/main/**',
            '**/electron/preload/**',
          ],
          // Types only, but for the domain's plain constant lists (vocabulary, the country codes)
          // and its small pure rules the page shares with the host (team: who "me" is).
          typeOnly: 'electron/common/(?!domain/(vocabulary|countries|team)$)',
        },
        'The renderer has no Node and no Electron: it imports only types of the API contract.',
      ),
    },
  },
);
