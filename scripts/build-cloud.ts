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
const lazyDir = path.join(root, 'cloudfunctions/api/lazy');

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
];

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

async function main() {
  fs.rmSync(lazyDir, { recursive: true, force: true });
  const found = new Map<string, string>();
  const result = await build({
    plugins: [lazySplit(found)],
    entryPoints: [path.join(root, 'server/cloud/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    // Node 18 at least: the TSA client uses the global fetch and AbortSignal.timeout.
    target: 'node18',
    format: 'cjs',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // The templates and guard rules are Chinese text: as UTF-8 each character is 3 bytes, escaped it would be 6.
    charset: 'utf8',
    external: ['wx-server-sdk', 'better-sqlite3', 'pg-native'],
    metafile: true,
    logLevel: 'warning',
  });
  const bytes = fs.statSync(outfile).size;
  const inputs = Object.keys(result.metafile.inputs).length;
  console.log(`cloud function bundle: ${path.relative(root, outfile)} ${bytes} bytes (${inputs} inputs)`);
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
        entryPoints: [file],
        outfile: out,
        bundle: true,
        platform: 'node',
        target: 'node18',
        format: 'cjs',
        minify: true,
        charset: 'utf8',
        legalComments: 'none',
        external: ['wx-server-sdk', 'better-sqlite3', 'pg-native'],
        plugins: [lazySplit(found, true)],
        logLevel: 'warning',
      });
      console.log(`  loaded on first use: ${path.relative(root, out)} ${fs.statSync(out).size} bytes`);
    }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
