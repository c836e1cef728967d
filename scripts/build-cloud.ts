/**
 * Bundles the cloud function `api` into cloudfunctions/api/index.js (the folder project.config.json's
 * cloudfunctionRoot points to). wx-server-sdk stays external: WeChat installs it from the folder's package.json.
 * better-sqlite3 is left out: a cloud function runs on PostgreSQL (it has no durable disk).
 */
import path from 'node:path';
import fs from 'node:fs';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'cloudfunctions/api/index.js');

/**
 * Code most calls never run is loaded with `await import(…)` in the server: the TSA client's ASN.1/CMS/X.509, the
 * export renderer, the statement templates (listed in LAZY; other dynamic imports, such as the engine drivers, stay
 * inside the bundle). Each becomes a file of its own under `lazy/`, required on first use, so the API's bundle and its cold start stay small. A lazy file carries its own copy of what it imports:
 * lazy code must not rely on `instanceof` against classes of the main bundle (e.g. Kysely's adapters).
 */
const LAZY = [
  /[\\/]timestamp[\\/]rfc3161$/,
  /[\\/]evidence[\\/]export$/,
  /[\\/]statements[\\/]template-data$/,
  // The schema's migrations: a started function checks one row (ensureMigrated) and needs them only to migrate.
  /[\\/]platform[\\/]migrations[\\/]index$/,
  // The notify timer trigger's drain (sender, transports, due-soon): only the timer runs it.
  /[\\/]cloud[\\/]notify-drain$/,
  // A person's own data as JSON (PIPL §45): asked for rarely.
  /[\\/]privacy[\\/]account-export\.store$/,
  // Deleting one's account (PIPL §47).
  /[\\/]privacy[\\/]account-delete$/,
  // The daily prune trigger's deletes.
  /[\\/]platform[\\/]prune$/,
  // 核验: rebuilding a case's chain and rows (evidence.verify).
  /[\\/]evidence[\\/]verify$/,
];

/**
 * The function's config.json: the openapi it calls (subscribe messages) and its timer triggers (WeChat's
 * seven-field cron: second minute hour day month weekday year) — `seal` hourly, `notify` every minute (the
 * sender's shortest backoff), `prune` daily at 03:30.
 */
const FUNCTION_CONFIG = {
  permissions: { openapi: ['subscribeMessage.send'] },
  triggers: [
    { name: 'seal', type: 'timer', config: '0 0 * * * * *' },
    { name: 'notify', type: 'timer', config: '0 * * * * * *' },
    { name: 'prune', type: 'timer', config: '0 30 3 * * * *' },
  ],
};

function lazySplit(found: Map<string, string>, insideLazy = false): Plugin {
  return {
    name: 'lazy-split',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== 'dynamic-import' || !args.path.startsWith('.')) return undefined;
        const base = path.resolve(args.resolveDir, args.path);
        if (!LAZY.some((re) => re.test(base))) return undefined;
        const file = [base, `${base}.ts`, path.join(base, 'index.ts')].find(
          (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
        );
        if (!file) return undefined;
        const name = path
          .relative(root, file)
          .replace(/[\\/]/g, '.')
          .replace(/\.(ts|json)$/, '.js');
        found.set(file, name);
        const fromDir = insideLazy ? '.' : './lazy';
        return { path: `${fromDir}/${name}`, external: true };
      });
    },
  };
}

/**
 * pg's native client (pg/lib/native: ~8.5 KB) needs `pg-native`, which the function does not install (it is
 * external and absent from its package.json), so requiring it always fails with MODULE_NOT_FOUND — pg's `native`
 * getter expects exactly that and answers null. The bundle carries that failure instead of the dead code.
 */
const noPgNative: Plugin = {
  name: 'no-pg-native',
  setup(b) {
    b.onResolve({ filter: /^\.\/native$/ }, (args) =>
      /[\\/]node_modules[\\/]pg[\\/]lib$/.test(args.resolveDir)
        ? { path: 'pg-native-absent', namespace: 'no-pg-native' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-pg-native' }, () => ({
      contents:
        "throw Object.assign(new Error(\"Cannot find module 'pg-native'\"), { code: 'MODULE_NOT_FOUND' });",
      loader: 'js',
    }));
  },
};

/**
 * Bundles `entry` into `outfile` as the cloud function is bundled, with the LAZY modules in `lazy/` beside it.
 * The bench's first-answer probe is built by this too, so it measures what a cloud function loads.
 */
export async function bundleApi(
  entry: string,
  outfile: string,
  log: (message: string) => void = () => undefined,
): Promise<{ bytes: number; inputs: number }> {
  const lazyDir = path.join(path.dirname(outfile), 'lazy');
  fs.rmSync(lazyDir, { recursive: true, force: true });
  const found = new Map<string, string>();
  const common = {
    bundle: true,
    platform: 'node' as const,
    // Node 18 at least: the TSA client uses the global fetch and AbortSignal.timeout.
    target: 'node18',
    format: 'cjs' as const,
    minify: true,
    sourcemap: false,
    legalComments: 'none' as const,
    // The templates and guard rules are Chinese text: as UTF-8 each character is 3 bytes, escaped it would be 6.
    charset: 'utf8' as const,
    external: ['wx-server-sdk', 'better-sqlite3', 'pg-native'],
    logLevel: 'warning' as const,
  };
  const result = await build({
    ...common,
    plugins: [lazySplit(found), noPgNative],
    entryPoints: [entry],
    outfile,
    metafile: true,
  });
  const bytes = fs.statSync(outfile).size;
  const inputs = Object.keys(result.metafile.inputs).length;
  log(`bundle: ${path.relative(root, outfile)} ${bytes} bytes (${inputs} inputs)`);
  // Lazy modules may import lazily themselves: build until no new one turns up.
  const built = new Set<string>();
  for (
    let pending = [...found.keys()];
    pending.length;
    pending = [...found.keys()].filter((f) => !built.has(f))
  )
    for (const file of pending) {
      built.add(file);
      const out = path.join(lazyDir, found.get(file) as string);
      await build({
        ...common,
        entryPoints: [file],
        outfile: out,
        plugins: [lazySplit(found, true), noPgNative],
      });
      log(`  loaded on first use: ${path.relative(root, out)} ${fs.statSync(out).size} bytes`);
    }
  return { bytes, inputs };
}

async function main() {
  fs.writeFileSync(
    path.join(root, 'cloudfunctions/api/config.json'),
    `${JSON.stringify(FUNCTION_CONFIG, null, 2)}\n`,
  );
  await bundleApi(path.join(root, 'server/cloud/index.ts'), outfile, (m) =>
    console.log(`cloud function ${m}`),
  );
}

if (require.main === module)
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
