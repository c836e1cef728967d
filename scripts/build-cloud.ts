/**
 * Bundles the cloud function `api` into cloudfunctions/api/index.js (the folder project.config.json's
 * cloudfunctionRoot points to). wx-server-sdk stays external: WeChat installs it from the folder's package.json.
 * better-sqlite3 is left out: a cloud function runs on PostgreSQL (it has no durable disk).
 */
import path from 'node:path';
import fs from 'node:fs';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'cloudfunctions/api/index.js');

async function main() {
  const result = await build({
    entryPoints: [path.join(root, 'server/cloud/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
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
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
