import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
const contractDir = path.resolve(root, 'contract');

/** Build-time settings read from the shell (or .env files); replaced literally as `process.env.X` in src. */
function buildEnv(name: string): string {
  return JSON.stringify(process.env[name] ?? '');
}

/**
 * Template nesting levels generated into weapp's base.wxml (default 16, ~3 KB each). Our pages nest about
 * 8 deep; anything deeper still renders, through Taro's recursive `comp` component. The webpack5 runner
 * reads `mini.baseLevel`, but Taro's config types do not declare it.
 */
const templateDepth: object = { baseLevel: 8 };

/**
 * Taro's weapp terser output escapes every non-ASCII character (`\u5f8b`: 6 bytes for a 3-byte UTF-8 character).
 * WeChat reads UTF-8 sources and our UI copy is Chinese, so the escapes only cost package size. The webpack5 runner
 * merges `mini.terser.config` over its defaults; Taro's mini config type does not declare `terser`.
 */
const utf8Output: object = { terser: { enable: true, config: { output: { ascii_only: false } } } };

/**
 * `CASETRAIL_H5_STATS=<file>`: the H5 build also writes webpack's stats (chunks, their modules and sizes) there, to
 * see what ends up in the first load.
 */
class WriteStats {
  constructor(private readonly file: string) {}
  apply(compiler: { hooks: { done: { tap(name: string, fn: (stats: StatsLike) => void): void } } }) {
    compiler.hooks.done.tap('casetrail-write-stats', (stats) => {
      const json = stats.toJson({
        all: false,
        assets: true,
        chunks: true,
        chunkModules: true,
        chunkModulesSpace: Infinity,
        nestedModules: true,
        nestedModulesSpace: Infinity,
        dependentModules: true,
        chunkOrigins: true,
        entrypoints: true,
        ids: true,
        reasons: Boolean(process.env.CASETRAIL_H5_STATS_REASONS),
      });
      writeFileSync(this.file, JSON.stringify(json));
    });
  }
}
interface StatsLike {
  toJson(options: object): unknown;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'casetrail',
    date: '2025-1-1',
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // CASETRAIL_H5_OUT lets parallel work build H5 into its own folder (the browser tests read the same variable).
    outputRoot:
      process.env.TARO_ENV === 'h5' && process.env.CASETRAIL_H5_OUT
        ? process.env.CASETRAIL_H5_OUT
        : `dist/${process.env.TARO_ENV}`,
    // Weapp pages follow the user's WeChat font size (config/system-font-size.ts).
    plugins: [path.resolve(__dirname, 'system-font-size.ts')],
    env: {
      TARO_APP_CLOUD_ENV: buildEnv('TARO_APP_CLOUD_ENV'),
      TARO_APP_API_URL: buildEnv('TARO_APP_API_URL'),
    },
    alias: {
      '@': path.resolve(root, 'src'),
      '@contract': contractDir,
      // H5: the `platform` library loads on first use, not with the first screen (src/shims/lazy-platform.ts).
      ...(process.env.TARO_ENV === 'h5'
        ? { platform$: path.resolve(root, 'src/shims/lazy-platform.ts') }
        : {}),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    // H5 renders with Preact (preact/compat: the same React code and hooks, ~30 KB less gzipped script to fetch and
    // run on a phone's browser); the weapp keeps React, which its budgets and checks were measured on.
    // CASETRAIL_H5_REACT=1 builds H5 with React, to compare.
    framework: process.env.TARO_ENV === 'h5' && !process.env.CASETRAIL_H5_REACT ? 'preact' : 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      ...templateDepth,
      ...utf8Output,
      // The shared contract lives outside src; compile it like our own sources.
      compile: { include: [contractDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [contractDir] },
      // Taro's React components (@tarojs/components-react, what the app tests render) instead of its Stencil web
      // components: no custom-element runtime in the first load. Textarea and Switch have no React version yet
      // and still come from the web components, in the chunks of the pages that use them.
      useHtmlComponents: true,
      webpackChain(chain) {
        // Taro splits only the first load (`chunks: 'initial'`), so every lazy page chunk carried its own copy of
        // what it shares with other pages. Modules two or more lazy pages share go into shared lazy chunks.
        const splitChunks = chain.optimization.get('splitChunks') as { cacheGroups?: object } | undefined;
        if (splitChunks) {
          chain.optimization.splitChunks({
            ...splitChunks,
            cacheGroups: {
              ...splitChunks.cacheGroups,
              lazyShared: {
                chunks: 'async',
                minChunks: 2,
                minSize: 8 * 1024,
                priority: -10,
                reuseExistingChunk: true,
              },
            },
          });
        }
        const statsFile = process.env.CASETRAIL_H5_STATS;
        if (statsFile) chain.plugin('casetrail-write-stats').use(WriteStats, [path.resolve(root, statsFile)]);
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
