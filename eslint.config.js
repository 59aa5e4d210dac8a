import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Which layer may import which, as VS Code does it: `common` runs anywhere, `node` is plain
// Node (testable without Electron), `main` and `preload` are the only Electron glue, and the
// renderer sees the contract's types and nothing else of the Node side.
const layer = (patterns, message) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: layer(
      ['electron', 'node:*', '**/node/**', '**/main/**', '**/preload/**', '**/renderer/**'],
      'electron/common runs in every process: no Electron, no Node built-ins, no other layer.',
    ),
  },
  {
    files: ['electron/node/**/*.ts', 'tests/unit/**/*.ts', 'tests/unit/**/*.tsx'],
    rules: layer(
      ['electron', 'electron/*', '**/electron/main/**', '**/electron/preload/**', '../main/**', '../../main/**'],
      'Node-side code and its tests must run without Electron: only electron/main and electron/preload import it.',
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: layer(
      ['**/node/**', '**/main/**', '**/renderer/**', 'node:*'],
      'The sandboxed preload may import only electron and electron/common.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', '**/electron/node/**', '**/electron/main/**', '**/electron/preload/**'],
              message: 'The renderer has no Node and no Electron: it talks to the API through its transport.',
            },
            {
              group: ['**/electron/common/**'],
              allowTypeImports: true,
              message: 'The renderer imports only types from the API contract.',
            },
          ],
        },
      ],
    },
  },
);
