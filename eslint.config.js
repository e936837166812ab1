// ESLint flat config. The import rules below are the architecture (DESIGN.md §3, STYLE.md):
// a wrong import fails CI instead of a review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const OUTER_FOLDERS = 'store|graph|bot|tab|server|manifest|infra|test|scripts';

/** I/O and platform libraries the domain must never touch. */
const IO_LIBRARIES = [
  'express',
  'helmet',
  'pg',
  'pg-boss',
  'pino',
  'jose',
  'exceljs',
  'docx',
  'csv-parse',
  'adaptivecards',
  'react',
  'react-dom',
];
const IO_PATTERNS = [
  '@electric-sql/*',
  '@microsoft/*',
  '@azure/*',
  '@fluentui/*',
  'botbuilder',
  'botbuilder-*',
  'botframework-*',
  'node:*',
  'fs',
  'fs/*',
  'http',
  'https',
  'net',
  'child_process',
  'os',
  'path',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'build/**',
      'data/**',
      'coverage/**',
      'test-results/**',
      'devTools/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error'] }],
      // server/config.ts is the only reader of process.env (STYLE.md "Shape").
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through server/config.ts.',
        },
      ],
      // Only bot/ may import botbuilder, so a move to another Teams SDK touches bot/ alone.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
              message: 'Only bot/ imports botbuilder (DESIGN.md §3).',
            },
          ],
        },
      ],
    },
  },
  // Adapters stand side by side: store/, graph/, bot/ and tab/api/ each implement core's ports
  // and meet only in server/ (the composition), so a change inside one never reaches another.
  ...[
    { files: ['store/**/*.ts'], ignores: ['store/seed/**'], others: 'graph|bot|tab|server' },
    { files: ['graph/**/*.ts'], ignores: ['graph/simulator/**'], others: 'store|bot|tab|server' },
    { files: ['bot/**/*.ts'], others: 'store|graph|tab|server', botbuilder: true },
    { files: ['tab/api/**/*.ts'], others: 'store|graph|bot|server' },
  ].map(({ files, ignores = [], others, botbuilder = false }) => ({
    files,
    ignores: [...ignores, '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(botbuilder
              ? []
              : [
                  {
                    group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
                    message: 'Only bot/ imports botbuilder (DESIGN.md §3).',
                  },
                ]),
            {
              regex: `^(\\.\\./)+(${others})(/|$)`,
              message:
                'Adapters do not import each other: name a core port, and let server/ wire them.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['bot/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_LIBRARIES.map((name) => ({
            name,
            message: 'core/ is pure domain code: talk to the world through a port.',
          })),
          patterns: [
            {
              group: IO_PATTERNS,
              message: 'core/ is pure domain code: talk to the world through a port.',
            },
            {
              regex: `^(\\.\\./)+(${OUTER_FOLDERS})(/|$)`,
              message: 'core/ imports nothing outside itself (dependencies point inward).',
            },
          ],
        },
      ],
    },
  },
  // The simulated tenant plays Microsoft: it must be able to disagree with the product, so it
  // imports nothing of it (no core/, store/, bot/, tab/, server/, nor graph/'s adapters).
  {
    files: ['graph/simulator/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
              message:
                'The simulated tenant sends what Microsoft publishes, not what an SDK builds.',
            },
            {
              regex: '^\\.\\./',
              message: 'The simulated tenant imports nothing of the product it simulates for.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['graph/simulator/*/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
              message:
                'The simulated tenant sends what Microsoft publishes, not what an SDK builds.',
            },
            {
              regex: '^\\.\\./\\.\\./',
              message: 'The simulated tenant imports nothing of the product it simulates for.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tab/web/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [
      'server/config.ts',
      'test/**',
      'scripts/**',
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/vitest.config.ts',
      'vitest.config.ts',
      'tab/web/vite.config.ts',
    ],
    rules: { 'no-restricted-properties': 'off', 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
