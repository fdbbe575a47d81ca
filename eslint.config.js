import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist*', 'node_modules', 'test-results', 'playwright-report', 'bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // React code only: Playwright fixtures also call a function named `use`.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Core runs in workers and in Node tests: no DOM, React or Worker globals, and nothing of the layers
    // built on it (runtime, UI, workers). Storage, transport, clock and randomness come in as parameters.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'self',
          'window',
          'document',
          'Worker',
          'indexedDB',
          'localStorage',
          'BroadcastChannel',
          'performance',
        ].map((name) => ({ name, message: `core is host-agnostic: ${name} comes in through a host's deps` })),
      ],
      'no-restricted-properties': [
        'error',
        ...[
          ['Date', 'now'],
          ['Math', 'random'],
          ['performance', 'now'],
        ].map(([object, property]) => ({
          object,
          property,
          message: 'core reads time and randomness from its deps (a Clock, a Random, newId), never the host',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', '@xyflow/*', 'zustand'], message: 'core has no UI framework' },
            {
              // Any depth: '../runtime/x', '../../ui/y', '../workers/z.worker'.
              regex: '^(\\.{1,2}/)+(runtime|ui|workers)(/|$)',
              message: 'core is the bottom layer: runtime, UI and workers import core, never the other way',
            },
          ],
        },
      ],
    },
  },
);
