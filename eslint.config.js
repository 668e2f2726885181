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
    // The thin layer: only the entry files touch Electron at run time, so everything else
    // in the main process runs (and is tested) under plain Node.
    files: ['electron/main/**/*.ts', 'electron/service/**/*.ts'],
    ignores: ['electron/main/index.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only electron/main/index.ts imports Electron.',
              allowTypeImports: true,
            },
            {
              name: 'electron-store',
              message: 'Only electron/main/index.ts imports electron-store.',
            },
            {
              name: 'electron-log/main',
              message: 'Only electron/main/index.ts imports electron-log.',
            },
          ],
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'The main process does not import the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    // The preload runs sandboxed in the page: no main-process or service code.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/service/**', '**/server/**', '**/renderer/**'],
              message: 'The preload imports only shared/ and electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // CLIs and benchmarks print their results.
    files: [
      'server/bench/**',
      'server/seed/cli.ts',
      'server/main.ts',
      'test/**',
      'electron/launch.ts',
      'electron/dist.ts',
    ],
    rules: { 'no-console': 'off' },
  },
);
