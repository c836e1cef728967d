/**
 * Writes a case's 书面记录汇编 to files: `<name>.html`, the bundle `<name>.json`, and with --pdf `<name>.pdf`:
 *   npm run export-case -- CASE_ID [--out DIR] [--as USER_ID] [--roots TSA-ROOTS.pem] [--pdf]
 * The database is the one `npm run verify` opens (DATABASE_URL, else SQLite in CASETRAIL_DATA_DIR). The export is
 * made as a member of the case (`--as`, by default the lawyer who opened it). The PDF is Debian's chromium
 * printing the HTML (fonts-wqy-microhei gives it Chinese glyphs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readEntryConfig } from '../server/config';
import { exportCase, type CaseExport } from '../server/evidence/export';
import type { Db } from '../server/platform/migrate';
import { openDatabase } from '../server/platform/open-database';

export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Prints the document to an A4 PDF with page numbers, in a fresh browser profile removed afterwards. */
export async function printPdf(html: string, outFile: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-pdf-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      offline: true,
    });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf({
        path: outFile,
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="width:100%;text-align:center;font-size:8px;color:#666">第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</div>',
      });
    } finally {
      await context.close();
    }
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The case's export, made as `asUserId` (a member) or as the lawyer who opened the case. */
export async function exportCaseAs(
  db: Db,
  caseId: string,
  asUserId: string | null,
  rootsPem: string[],
): Promise<CaseExport | string> {
  const c = await db.selectFrom('cases').select('created_by').where('id', '=', caseId).executeTakeFirst();
  if (!c) return `没有这个案件：${caseId}`;
  const userId = asUserId ?? c.created_by;
  const member = await db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.role', 'u.display_name'])
    .where('m.case_id', '=', caseId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  if (!member) return `${userId} 不是该案件的成员`;
  const exporter = { userId, name: member.display_name, role: member.role };
  return exportCase(db, caseId, exporter, new Date().toISOString(), rootsPem);
}

interface Args {
  caseId: string;
  out: string;
  as: string | null;
  roots: string | null;
  pdf: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { caseId: '', out: '.', as: null, roots: null, pdf: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--pdf') args.pdf = true;
    else if (arg === '--out' || arg === '--as' || arg === '--roots') {
      const value = argv[++i];
      if (!value) return `${arg} 需要一个值`;
      if (arg === '--out') args.out = value;
      else if (arg === '--as') args.as = value;
      else args.roots = value;
    } else if (arg.startsWith('--')) return `未知选项：${arg}`;
    else args.caseId = arg;
  }
  return args.caseId ? args : '请给出案件标识';
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(
      `${args}\n用法：npm run export-case -- 案件标识 [--out 目录] [--as 用户标识] [--roots 根证书.pem] [--pdf]`,
    );
    return 2;
  }
  const config = readEntryConfig();
  const { db } = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pool: { max: 2 },
  });
  try {
    const rootsPem = args.roots ? [fs.readFileSync(args.roots, 'utf8')] : [];
    const exported = await exportCaseAs(db, args.caseId, args.as, rootsPem);
    if (typeof exported === 'string') {
      console.error(exported);
      return 1;
    }
    fs.mkdirSync(args.out, { recursive: true });
    const base = path.join(args.out, exported.fileName);
    fs.writeFileSync(`${base}.html`, exported.html);
    fs.writeFileSync(`${base}.json`, exported.bundle);
    console.log(`${base}.html  ${Buffer.byteLength(exported.html)} 字节`);
    console.log(`${base}.json  ${Buffer.byteLength(exported.bundle)} 字节`);
    if (args.pdf) {
      await printPdf(exported.html, `${base}.pdf`);
      console.log(`${base}.pdf  ${fs.statSync(`${base}.pdf`).size} 字节`);
    }
    return 0;
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
