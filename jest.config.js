/**
 * Two projects: `server` (node: contract, server, integration tests, scripts) and `app` (jsdom: the
 * mini-program under src). Both compile with @swc/jest; Taro's components run as their H5 React build and
 * `@tarojs/taro` is the small manual mock in tests/mocks/taro.ts (the real one is injected by the build).
 */

const fs = require('node:fs');
const path = require('node:path');

/** Jest refuses a missing root; folders appear as the team adds them. */
const existing = (dirs) =>
  dirs.filter((dir) => fs.existsSync(path.join(__dirname, dir))).map((dir) => `<rootDir>/${dir}`);

/** @param {'typescript' | 'ecmascript'} syntax */
const swc = (syntax) => [
  '@swc/jest',
  {
    jsc: {
      parser: syntax === 'typescript' ? { syntax, tsx: true } : { syntax, jsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const transform = {
  '^.+\\.(ts|tsx)$': swc('typescript'),
  '^.+\\.(js|jsx|mjs)$': swc('ecmascript'),
};

const aliases = {
  '^@/(.*)$': '<rootDir>/src/$1',
  '^@contract/(.*)$': '<rootDir>/contract/$1',
};

// Packages shipped as ES modules that jest (CommonJS) must compile.
const esmPackages = ['@tarojs', '@stencil', 'swiper', 'ssr-window', 'dom7', 'tslib', '\\.pnpm'];

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 20000,
  projects: [
    {
      displayName: 'server',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: existing(['contract', 'server', 'tests', 'scripts']),
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/tests/e2e/',
        '<rootDir>/tests/mocks/',
        '<rootDir>/dist/',
      ],
      transform,
      // fastify's inject uses cookie@2, published as ES modules only.
      transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
      moduleNameMapper: aliases,
    },
    {
      displayName: 'app',
      testEnvironment: 'jsdom',
      rootDir: __dirname,
      roots: existing(['src', 'tests/mocks']),
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/', '<rootDir>/dist/'],
      transform,
      transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
      moduleNameMapper: {
        '\\.(css|scss|sass|less)$': '<rootDir>/tests/mocks/style.cjs',
        '\\.(png|jpe?g|gif|svg|webp)$': '<rootDir>/tests/mocks/file.ts',
        '^@tarojs/taro$': '<rootDir>/tests/mocks/taro.ts',
        ...aliases,
      },
      // Constants Taro's build defines for its runtime (defaults of @tarojs/webpack5-runner).
      globals: {
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: false,
        ENABLE_SIZE_APIS: false,
        ENABLE_TEMPLATE_CONTENT: false,
        ENABLE_CLONE_NODE: false,
        ENABLE_CONTAINS: false,
        ENABLE_MUTATION_OBSERVER: false,
        DEPRECATED_ADAPTER_COMPONENT: false,
      },
      resolver: '<rootDir>/tests/mocks/resolver.cjs',
      setupFilesAfterEnv: ['<rootDir>/tests/mocks/setup-app.ts'],
    },
  ],
};
