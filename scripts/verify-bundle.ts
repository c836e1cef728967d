/**
 * Verifies an exported evidence bundle offline (docs/evidence-bundle.md), without the firm's database:
 *   npm run verify-bundle -- FILE.json [--roots TSA-ROOTS.pem] [--receipts RECEIPTS.json]
 * Prints a verdict in Chinese with every finding named by table, row and field; exits 0 when the bundle holds,
 * 1 when anything is wrong, 2 when the command itself is misused or a file cannot be read.
 */
import fs from 'node:fs';
import {
  WITHHELD_KINDS,
  verifyBundle,
  type BundleReport,
  type TimestampCheck,
  type WithheldKind,
} from '../server/evidence/bundle.rules';
import { EVIDENCE_CRYPTO } from '../server/evidence/verify';

export interface VerifyBundleArgs {
  file: string;
  rootsFile: string | null;
  receiptsFile: string | null;
}

export function parseArgs(argv: string[]): VerifyBundleArgs | string {
  const args: VerifyBundleArgs = { file: '', rootsFile: null, receiptsFile: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--roots' || arg === '--receipts') {
      const value = argv[++i];
      if (!value) return `${arg} 需要一个文件路径`;
      if (arg === '--roots') args.rootsFile = value;
      else args.receiptsFile = value;
    } else if (arg.startsWith('--')) return `未知选项：${arg}`;
    else if (args.file) return `只能核验一个导出件：${arg}`;
    else args.file = arg;
  }
  return args.file ? args : '请给出导出件文件';
}

/** Reads the files and verifies; tokens against the roots when given, else their imprint and signature only. */
export async function verifyBundleFile(args: VerifyBundleArgs): Promise<BundleReport> {
  const rootsPem = args.rootsFile ? [fs.readFileSync(args.rootsFile, 'utf8')] : [];
  let receipts: unknown = [];
  if (args.receiptsFile) {
    const text = fs.readFileSync(args.receiptsFile, 'utf8');
    try {
      receipts = JSON.parse(text);
    } catch {
      receipts = null; // reported as a malformed receipts list
    }
  }
  const { verifyTimestampToken } = await import('../server/evidence/timestamp/rfc3161');
  return verifyBundle(
    fs.readFileSync(args.file, 'utf8'),
    {
      crypto: EVIDENCE_CRYPTO,
      checkToken: (token, digest) => verifyTimestampToken(token, digest, rootsPem),
      rootsGiven: rootsPem.length > 0,
    },
    receipts,
  );
}

const TOKEN_WORDS: Record<TimestampCheck['status'], string> = {
  verified: '签名与证书链已用根证书核验',
  'imprint-only': '摘要与签名已核对，签发者未核验（未提供 --roots）',
  'not-checked': '未核验',
  invalid: '无效',
};

/** The verdict as people read it. */
export function formatBundleReport(file: string, r: BundleReport): string {
  const lines = [`核验导出件：${file}`];
  if (r.caseId) lines.push(`案件：${r.caseTitle ?? '（无案件记录）'}（${r.caseId}）`);
  lines.push(`事件链：${r.events} 条${r.headHash ? `，链头 ${r.headHash}` : ''}`);
  if (r.firmLog.entries > 0)
    lines.push(
      `律所总日志：第 ${r.firmLog.from}–${r.firmLog.to} 条（${r.firmLog.entries} 条），封存本案至第 ${r.firmLog.sealedCaseSeq ?? '—'} 条事件`,
    );
  else lines.push('律所总日志：导出件未含封存记录（本案导出时尚未封存）');
  for (const s of r.timestamps)
    lines.push(
      `可信时间戳：日志第 ${s.firmSeq} 条，${s.tsaUrl}，${s.genTime}，覆盖本案至第 ${s.coversCaseSeq ?? '—'} 条事件：${TOKEN_WORDS[s.status]}`,
    );
  if (r.timestamps.length === 0) lines.push('可信时间戳：无');
  if (r.receipts.held || r.receipts.otherCases)
    lines.push(
      `回执：本案 ${r.receipts.held} 份已对照${r.receipts.otherCases ? `，其他案件 ${r.receipts.otherCases} 份未用` : ''}`,
    );
  if (r.withheld.events > 0)
    lines.push(
      `隐去的事件：${r.withheld.events} 条（${Object.entries(r.withheld.byKind)
        .map(([kind, n]) => `${WITHHELD_KINDS[kind as WithheldKind]} ${n} 条`)
        .join('，')}）。这是客户副本：其他客户的个人信息不予提供。这些事件在链中的位置与摘要已核验，` +
        '其内容及其记载的证据记录不在导出件中，未能核验；其余事件与证据记录已逐条完整核验。',
    );
  if (r.valid) {
    lines.push(
      `结论：通过。导出件${r.withheld.events ? '所载部分' : ''}内部完整一致，未发现任何改动、删除、插入或调换。`,
    );
    if (!r.timestamps.some((s) => s.status === 'verified'))
      lines.push(
        r.timestamps.length
          ? '注意：时间戳的签发者尚未用根证书核验；请以 --roots 提供时间戳服务的根证书。'
          : '注意：没有可信时间戳为其背书时，只能证明导出件自身一致，不能排除导出方整体重写；请对照回执或律所总日志的其他副本。',
      );
  } else {
    lines.push(`结论：未通过。发现 ${r.findings.length} 处问题：`);
    for (const f of r.findings)
      lines.push(
        `  [${f.code}] 表 ${f.table}${f.row !== null ? ` 行 ${f.row}` : ''}${f.field !== null ? ` 字段 ${f.field}` : ''}：${f.message}`,
      );
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(
      `${args}\n用法：npm run verify-bundle -- 导出件.json [--roots 根证书.pem] [--receipts 回执.json]`,
    );
    return 2;
  }
  let report: BundleReport;
  try {
    report = await verifyBundleFile(args);
  } catch (error) {
    console.error(`无法读取文件：${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  console.log(formatBundleReport(args.file, report));
  return report.valid ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
