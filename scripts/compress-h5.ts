/**
 * After `taro build --type h5`: writes a brotli (`.br`) and a gzip (`.gz`) copy beside each text asset, so the
 * HTTP entry serves them compressed without compressing on every request (@fastify/static `preCompressed`).
 *   tsx scripts/compress-h5.ts [dir]   (default $CASETRAIL_H5_OUT, else dist/h5)
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;
/** Below this a compressed copy saves less than the headers cost. */
const MIN_BYTES = 1024;

/** Compresses every text asset under `dir` (brotli at its best quality, gzip -9); returns bytes before and after. */
export function compressDir(dir: string): { files: number; bytes: number; brotli: number; gzip: number } {
  const totals = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const raw = fs.readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    const br = zlib.brotliCompressSync(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = zlib.gzipSync(raw, { level: 9 });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, gz);
    totals.files++;
    totals.bytes += raw.length;
    totals.brotli += br.length;
    totals.gzip += gz.length;
  }
  return totals;
}

if (require.main === module) {
  const dir = path.resolve(
    process.argv[2] ?? process.env.CASETRAIL_H5_OUT ?? path.join(__dirname, '../dist/h5'),
  );
  const t = compressDir(dir);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `Compressed ${t.files} H5 assets in ${path.relative(process.cwd(), dir) || '.'}: ${kb(t.bytes)} → brotli ${kb(t.brotli)}, gzip ${kb(t.gzip)}`,
  );
}
