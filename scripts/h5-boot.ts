/**
 * After `taro build --type h5`, two things for the first load:
 * - compiles the boot script (src/boot/prefetch.boot.ts) and writes it inline into the built index.html, right after
 *   the title, ahead of the stylesheet (an inline script after a stylesheet would wait for it). The server allows
 *   exactly that script by its hash in the page's CSP (server/http/security-headers.ts);
 * - marks the scripts index.html loads with V8's compile hint `//# allFunctionsCalledOnLoad`: almost all of their
 *   code runs as the first screen is built, so Chromium (136 on) compiles it on a background thread while the file
 *   streams in, instead of function by function on the main thread as each is first called.
 *   tsx scripts/h5-boot.ts [dir]   (default $CASETRAIL_H5_OUT, else dist/h5)
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { firstLoadScripts } from './size-report';

const ROOT = path.resolve(__dirname, '..');
const MARK = 'data-casetrail-boot';

/** The boot script, bundled and minified into one expression statement a browser of 2017 on can run. */
export async function compileBootScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/boot/prefetch.boot.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'es2017',
    platform: 'browser',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    define: { 'process.env.TARO_ENV': '"h5"' },
    logLevel: 'error',
  });
  const code = result.outputFiles[0].text.trim();
  if (/<\/script|<!--/i.test(code)) throw new Error('the boot script would end its <script> element early');
  return code;
}

/** index.html with the boot script in its head (replacing one written before, so running twice is harmless). */
export function withBootScript(html: string, code: string): string {
  const cleaned = html.replace(new RegExp(`<script ${MARK}>[\\s\\S]*?</script>`), '');
  const at = cleaned.indexOf('</title>');
  if (at < 0) throw new Error('index.html has no <title> to put the boot script after');
  const end = at + '</title>'.length;
  return `${cleaned.slice(0, end)}<script ${MARK}>${code}</script>${cleaned.slice(end)}`;
}

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** The script with the compile hint as its first line (once, however often the step runs). */
export function withCompileHint(code: string): string {
  return code.startsWith(COMPILE_HINT) ? code : COMPILE_HINT + code;
}

/** Writes the boot script into `dir`/index.html and the compile hint into the scripts it loads; says what it did. */
export async function finishFirstLoad(dir: string): Promise<string[]> {
  const file = path.join(dir, 'index.html');
  const code = await compileBootScript();
  const html = withBootScript(fs.readFileSync(file, 'utf8'), code);
  fs.writeFileSync(file, html);
  const scripts = firstLoadScripts(html);
  for (const script of scripts) {
    const scriptFile = path.join(dir, script.replace(/^\//, ''));
    fs.writeFileSync(scriptFile, withCompileHint(fs.readFileSync(scriptFile, 'utf8')));
  }
  return [
    `Boot script written into ${path.relative(process.cwd(), file)}: ${code.length} bytes`,
    `Compile hint on ${scripts.join(', ')}`,
  ];
}

async function main() {
  const dir = path.resolve(process.argv[2] ?? process.env.CASETRAIL_H5_OUT ?? path.join(ROOT, 'dist/h5'));
  for (const line of await finishFirstLoad(dir)) console.log(line);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
