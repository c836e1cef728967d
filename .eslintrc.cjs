/**
 * ESLint 8 (eslintrc) for Casetrail. Besides style and hooks, this file enforces the layer boundaries of
 * DESIGN §2: pure feature rules, a mini-program that never reaches into the server or bundles zod, and a
 * contract that depends on nobody.
 */

/** Packages a pure rules file must not touch: platform, storage and transport. */
const IMPURE_PACKAGES = [
  '@tarojs/*',
  'wx-server-sdk',
  'kysely',
  'kysely/*',
  'better-sqlite3',
  'pg',
  'pg-*',
  'fastify',
  'fastify/*',
  '@fastify/*',
];

const TARO_FIRE_AND_FORGET = [
  'showToast',
  'hideToast',
  'showLoading',
  'hideLoading',
  'navigateTo',
  'redirectTo',
  'navigateBack',
  'switchTab',
  'reLaunch',
  'stopPullDownRefresh',
  'startPullDownRefresh',
  'setNavigationBarTitle',
  'vibrateShort',
];

const RULES_FILES = ['server/**/*.rules.ts', 'server/**/rules.ts'];

module.exports = {
  root: true,
  reportUnusedDisableDirectives: true,
  ignorePatterns: [
    'node_modules/',
    'dist/',
    '/data/',
    'coverage/',
    'test-results/',
    'cloudfunctions/',
    '.swc/',
    '**/*.d.ts',
  ],
  env: { es2022: true },
  parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  plugins: ['import'],
  extends: ['eslint:recommended'],
  settings: {
    'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    'import/resolver': {
      typescript: { project: `${__dirname}/tsconfig.json`, alwaysTryTypes: true },
      node: true,
    },
  },
  rules: {
    'import/no-duplicates': 'error',
    'import/no-self-import': 'error',
    'no-console': 'off',
    eqeqeq: ['error', 'always', { null: 'ignore' }],
    // Import boundaries between the layers. Paths are resolved, so aliases (@/, @contract/) are covered too.
    'import/no-restricted-paths': [
      'error',
      {
        basePath: __dirname,
        zones: [
          {
            target: RULES_FILES,
            from: [
              'server/**/db/**',
              'server/**/platform/**',
              'server/http/**',
              'server/cloud/**',
              'node_modules/@tarojs/**',
              'node_modules/wx-server-sdk/**',
              'node_modules/kysely/**',
              'node_modules/better-sqlite3/**',
              'node_modules/pg/**',
              'node_modules/pg-*/**',
              'node_modules/fastify/**',
              'node_modules/@fastify/**',
            ],
            message: 'Feature rules are pure (DESIGN §2): no Taro, wx, SQL, HTTP or platform import.',
          },
          {
            target: 'src/**',
            from: 'server/**',
            message: 'The mini-program talks to the server only through the contract and the api client.',
          },
          {
            target: 'contract/**',
            from: ['src/**', 'server/**'],
            message: 'The contract is imported by both sides and imports neither.',
          },
        ],
      },
    ],
  },
  overrides: [
    // TypeScript everywhere.
    {
      files: ['**/*.ts', '**/*.tsx'],
      parser: '@typescript-eslint/parser',
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
      plugins: ['@typescript-eslint'],
      extends: ['plugin:@typescript-eslint/recommended'],
      rules: {
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
        ],
        '@typescript-eslint/consistent-type-imports': [
          'error',
          { prefer: 'type-imports', fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
        ],
        // A forgotten await is a lost error (a cloud function that answers before it writes).
        '@typescript-eslint/no-floating-promises': [
          'error',
          {
            // WeChat's UI feedback and navigation calls are fire-and-forget by design (their callbacks are
            // optional; failure has no remedy in the caller), so they need no `void` prefix.
            allowForKnownSafeCalls: [
              { from: 'package', package: '@tarojs/taro', name: TARO_FIRE_AND_FORGET },
            ],
          },
        ],
        '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
        '@typescript-eslint/await-thenable': 'error',
      },
    },
    // Node side.
    {
      files: ['server/**', 'contract/**', 'scripts/**', 'tests/**', 'config/**', '*.cjs', '*.js'],
      env: { node: true },
    },
    {
      files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**'],
      env: { jest: true, node: true },
    },
    // The mini-program.
    {
      files: ['src/**/*.ts', 'src/**/*.tsx'],
      env: { browser: true },
      plugins: ['react-hooks'],
      rules: {
        'react-hooks/rules-of-hooks': 'error',
        'react-hooks/exhaustive-deps': 'error',
        // Taro replaces `process.env.X` literally at build time; a destructured env is undefined at run time.
        'no-restricted-syntax': [
          'error',
          {
            selector:
              'VariableDeclarator[id.type="ObjectPattern"][init.type="MemberExpression"][init.object.name="process"][init.property.name="env"]',
            message: 'Read process.env.X directly: Taro replaces it literally at build time.',
          },
        ],
        // The mini-program ships no schema library (DESIGN §2): types only from zod and the contract index.
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [
              {
                name: 'zod',
                message: 'The mini-program ships no zod; import types only.',
                allowTypeImports: true,
              },
              {
                name: '@contract/index',
                message:
                  'The contract index pulls in zod. Use `import type` here; runtime values come from @contract/errors, limits, case-types, envelope.',
                allowTypeImports: true,
              },
              {
                name: '@contract',
                message:
                  'Use `import type` from @contract/index, or a zod-free module such as @contract/errors.',
                allowTypeImports: true,
              },
            ],
            patterns: [
              {
                group: ['**/contract', '**/contract/index', '**/contract/index.ts'],
                message: 'The contract index pulls in zod. Use `import type`, or a zod-free contract module.',
                allowTypeImports: true,
              },
              {
                group: ['zod/*'],
                message: 'The mini-program ships no zod; import types only.',
                allowTypeImports: true,
              },
            ],
          },
        ],
      },
    },
    // Pure feature rules: also refuse the packages by name (an uninstalled package cannot be resolved above).
    {
      files: RULES_FILES,
      globals: { wx: 'off', Taro: 'off' },
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: IMPURE_PACKAGES,
                message: 'Feature rules are pure (DESIGN §2): no Taro, wx, SQL, HTTP or platform import.',
              },
            ],
          },
        ],
        'no-restricted-globals': [
          'error',
          { name: 'wx', message: 'Feature rules are pure: no wx.' },
          { name: 'fetch', message: 'Feature rules are pure: no I/O.' },
        ],
      },
    },
  ],
};
