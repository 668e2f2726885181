import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', 'coverage', 'test-results', '.data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    // The domain is pure: it runs in the server, the renderer and the preload alike.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto'],
              message: 'shared/ is pure: no Node modules.',
            },
            { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
            {
              group: ['**/server/**', '**/renderer/**', '**/electron/**'],
              message: 'shared/ imports nothing outside shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/electron/**', 'electron'],
              message: 'The renderer talks to its host only through the platform interface.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**', 'electron'],
              message: 'The case service does not depend on the desktop app.',
            },
          ],
        },
      ],
    },
  },
  {
    // CLIs and benchmarks print their results.
    files: ['server/bench/**', 'server/seed/cli.ts', 'server/main.ts', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
