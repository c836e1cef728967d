import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import fc from 'fast-check';
import {
  BUNDLE_COLUMNS,
  verifyBundle,
  type BundleReport,
  type BundleRow,
  type BundleValue,
  type EvidenceBundle,
} from '../../server/evidence/bundle.rules';
import { caseRows } from '../../server/evidence/evidence.store';
import { EVIDENCE_TABLE_NAMES, rowKey, type EvidenceTable } from '../../server/evidence/evidence-tables';
import { sealFirmLog } from '../../server/evidence/firm-log.store';
import { sealAndTimestamp } from '../../server/evidence/seal';
import { verifyTimestampToken } from '../../server/evidence/timestamp/rfc3161';
import { EVIDENCE_CRYPTO } from '../../server/evidence/verify';
import { GENESIS_HASH, eventHashInput } from '../../server/events/event-chain.rules';
import { canonicalJson, sha256Hex } from '../../server/platform/crypto';
import { seedDemo } from '../../server/seed/demo-seed';
import { CHROMIUM, printPdf } from '../../scripts/export-case';
import { formatBundleReport } from '../../scripts/verify-bundle';
import { openHarness, openCase, sampleUpdate, setUpFirm, type Harness } from '../fixtures/api-harness';
import { buildEvidenceCase, type EvidenceCase } from '../fixtures/evidence-case';
import { makeUnrelatedRootPem, startOpensslTsa, type OpensslTsa } from '../fixtures/openssl-tsa';

const run = promisify(execFile);

let h: Harness;
let c: EvidenceCase;
let tsa: OpensslTsa;
/**
 * The lawyer's export of a case sealed twice (with another case in between), timestamped at the end, and read
 * by its lawyer.
 */
let exported: { fileName: string; html: string; bundle: string };
let base: EvidenceBundle;

beforeAll(async () => {
  h = await openHarness();
  tsa = await startOpensslTsa();
  c = await buildEvidenceCase(h);
  const other = await setUpFirm(h, '-other');
  await sealFirmLog(h.db, h.now().toISOString());
  h.advance(60_000);
  await h.ok(c.lawyer, 'update.publish', { caseId: c.caseId, ...sampleUpdate, title: '开庭时间已确定' });
  await h.ok(other.lawyer, 'update.publish', { caseId: other.caseId, ...sampleUpdate });
  const sealed = await sealAndTimestamp(h.db, h.now().toISOString(), {
    url: tsa.url,
    rootsPem: [tsa.rootPem],
    timeoutMs: 10_000,
  });
  expect(sealed.timestampError).toBeNull();
  await h.ok(c.lawyer, 'update.markRead', { updateId: c.updateId }); // a lawyer's own read: not evidence
  exported = await h.ok(c.lawyer, 'case.export', { caseId: c.caseId });
  base = JSON.parse(exported.bundle) as EvidenceBundle;
}, 60_000);
afterAll(async () => {
  await tsa?.close();
  await h?.close();
});

/** The offline check, tokens left out (mutations below never touch them; the timestamp tests check them). */
const check = (bundle: unknown, receipts: unknown = []): Promise<BundleReport> =>
  verifyBundle(bundle, { crypto: EVIDENCE_CRYPTO }, receipts);

const withRoots = (rootsPem: string[]) => ({
  crypto: EVIDENCE_CRYPTO,
  checkToken: (token: string, digest: string) => verifyTimestampToken(token, digest, rootsPem),
  rootsGiven: rootsPem.length > 0,
});

const clone = (b: EvidenceBundle): EvidenceBundle => structuredClone(b);

describe('case.export', () => {
  it('exports a bundle that verifies clean, sealed to the head and timestamped', async () => {
    const report = await verifyBundle(exported.bundle, withRoots([tsa.rootPem]));
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ valid: true, caseId: c.caseId, events: 20 });
    // Seal 1 names both cases (in case id order), seal 2 both again: the segment starts at this case's first.
    expect(report.firmLog).toMatchObject({ sealedCaseSeq: 20, to: 4 });
    expect(report.firmLog.entries).toBe(5 - Number(report.firmLog.from));
    expect(report.timestamps).toEqual([expect.objectContaining({ coversCaseSeq: 20, status: 'verified' })]);
    expect(exported.fileName).toBe('书面记录汇编-李女士诉某公司民间借贷纠纷-20260302');
    console.log(
      `buildEvidenceCase: bundle ${Buffer.byteLength(exported.bundle)} bytes, html ${Buffer.byteLength(exported.html)} bytes`,
    );
  });

  it('gives a client of the case the same evidence as the lawyer, but the second client’s events as stand-ins', async () => {
    const clients = JSON.parse(
      (await h.ok(c.client, 'case.export', { caseId: c.caseId })).bundle,
    ) as EvidenceBundle;
    expect(clients.exportedBy).toMatchObject({ name: '李女士', role: 'client' });
    for (const part of ['firmLog', 'firmTimestamps'] as const) expect(clients[part]).toEqual(base[part]);
    const second = (await h.ok('wx:o-second', 'session.me', {})).userId;
    expect(clients.events).toHaveLength(base.events.length);
    clients.events.forEach((e, i) => {
      const full = base.events[i];
      if ('withheld' in e) {
        expect(full.actor_id === second || String(full.payload).includes(second)).toBe(true);
        expect(e).toEqual({
          case_id: full.case_id,
          seq: full.seq,
          prev_hash: full.prev_hash,
          hash: full.hash,
          withheld: full.actor_id === second ? 'other-client-act' : 'other-client-matter',
        });
      } else expect(e).toEqual(full);
    });
    expect(clients.events.some((e) => 'withheld' in e)).toBe(true);
    for (const table of EVIDENCE_TABLE_NAMES)
      for (const row of clients.tables[table]) expect(base.tables[table]).toContainEqual(row);
    expect(JSON.stringify(clients)).not.toContain(second);
    const report = await check(clients);
    expect(report.findings).toEqual([]);
    expect(report.withheld.events).toBe(clients.events.filter((e) => 'withheld' in e).length);
    expect((await check(base)).withheld).toEqual({ events: 0, byKind: {} });
  });

  it("shows a client their own devices and addresses, not another client's (neither in the bundle)", async () => {
    const own = await openHarness();
    try {
      const firm = await buildEvidenceCase(own, 1, '-own');
      await own.ok('wx:o-second-own', 'update.markRead', { updateId: firm.updateId });
      const readOf = async (subject: string) => {
        const me = await own.ok(subject, 'session.me', {});
        return own.db
          .selectFrom('record_views')
          .select('request_id')
          .where('user_id', '=', me.userId)
          .where('role', '=', 'client')
          .executeTakeFirstOrThrow();
      };
      const mine = await readOf(firm.client);
      const theirs = await readOf('wx:o-second-own');
      const forClient = await own.ok(firm.client, 'case.export', { caseId: firm.caseId });
      const forLawyer = await own.ok(firm.lawyer, 'case.export', { caseId: firm.caseId });
      expect(forClient.html).toContain(String(mine.request_id));
      expect(forClient.html).not.toContain(String(theirs.request_id));
      expect(forClient.html).toContain('已隐去（其他客户本人的操作）');
      expect(forClient.html).toContain('隐去的事件');
      expect(forLawyer.html).toContain(String(theirs.request_id));
      expect(forLawyer.html).not.toContain('已隐去');
      expect(forClient.bundle).toContain(String(mine.request_id));
      expect(forClient.bundle).not.toContain(String(theirs.request_id));
      expect(forLawyer.bundle).toContain(String(theirs.request_id));
    } finally {
      await own.close();
    }
  });

  it('is not found for a client of another case', async () => {
    const elsewhere = await setUpFirm(h, '-elsewhere');
    expect((await h.err(elsewhere.client, 'case.export', { caseId: c.caseId })).code).toBe('NOT_FOUND');
  });

  it('carries every stored column of every evidence row, but the case’s last activity and the lawyer’s own views', async () => {
    for (const table of EVIDENCE_TABLE_NAMES) {
      const { rows } = await caseRows(h.db, table, c.caseId);
      const stored = Object.keys(rows[0]).filter((k) => !['record_kind', 'record_case_id'].includes(k));
      // Working state nobody can verify: a case's last activity. (A member's removal is checked against the chain.)
      const omitted = table === 'cases' ? ['last_activity_at'] : [];
      expect([...BUNDLE_COLUMNS[table]].sort()).toEqual(stored.filter((k) => !omitted.includes(k)).sort());
      const views = rows.filter((r) => r.role === 'lawyer').length;
      expect(base.tables[table]).toHaveLength(rows.length - (table === 'record_views' ? views : 0));
    }
    expect((await caseRows(h.db, 'record_views', c.caseId)).rows.some((r) => r.role === 'lawyer')).toBe(true);
  });

  it('verifies a case never sealed: no firm log, no timestamp, and the document says so', async () => {
    const fresh = await openCase(h, c.lawyer, '未封存的案件');
    const out = await h.ok(c.lawyer, 'case.export', { caseId: fresh.id });
    const report = await check(out.bundle);
    expect(report).toMatchObject({ valid: true, events: 1, firmLog: { entries: 0 }, timestamps: [] });
    expect(out.html).toContain('尚未取得可信时间戳');
  });
});

type Place = { kind: 'events' } | { kind: 'firm' } | { kind: 'table'; table: EvidenceTable };

const listOf = (b: EvidenceBundle, p: Place): BundleRow[] =>
  p.kind === 'events' ? b.events : p.kind === 'firm' ? b.firmLog : b.tables[p.table];
const tableOf = (p: Place) =>
  p.kind === 'events' ? 'case_events' : p.kind === 'firm' ? 'firm_log' : p.table;
const nameOf = (p: Place, row: BundleRow) => (p.kind === 'table' ? rowKey(p.table, row) : String(row.seq));

const PLACES: Place[] = [
  { kind: 'events' },
  { kind: 'firm' },
  ...EVIDENCE_TABLE_NAMES.map((table) => ({ kind: 'table' as const, table })),
];

/** Every cell of every row and event: where, which row, which column. */
function cells(b: EvidenceBundle) {
  return PLACES.flatMap((place) =>
    listOf(b, place).flatMap((row, index) => Object.keys(row).map((column) => ({ place, index, column }))),
  );
}

const change = fc.record({
  how: fc.nat(4),
  at: fc.nat(),
  ch: fc.constantFrom('a', '0', '书', ' ', '"', '\\', '}', '-', 'Z', '\n'),
  delta: fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0),
});

interface Change {
  how: number;
  at: number;
  ch: string;
  delta: number;
}

/** A different value for a cell: an edited, extended or shortened text, another number, a changed type. */
function changed(old: BundleValue, c: Change) {
  if (typeof old === 'number') return [old + c.delta, String(old), null][c.how % 3];
  if (old === null) return [c.ch, '', 0][c.how % 3];
  const i = old.length ? c.at % old.length : 0;
  const options: BundleValue[] = [
    old + c.ch,
    old.slice(0, i) + c.ch + old.slice(i + 1),
    old.slice(0, i) + old.slice(i + 1),
    null,
    0,
  ];
  const value = options[c.how % options.length];
  return value === old ? old + c.ch : value;
}

const names = (r: BundleReport) => r.findings.map((f) => `${f.table}|${f.row}`);

describe('the bundle verifier', () => {
  it('reports a change of any single cell of any row, event or firm entry, naming its table and row', async () => {
    const all = cells(base);
    expect(all.length).toBeGreaterThan(400);
    await fc.assert(
      fc.asyncProperty(fc.nat(all.length - 1), change, async (n, how) => {
        const { place, index, column } = all[n];
        const b = clone(base);
        const row = listOf(b, place)[index];
        const before = nameOf(place, row);
        row[column] = changed(row[column], how);
        const report = await check(b);
        expect(report.valid).toBe(false);
        expect(names(report)).toEqual(
          expect.arrayContaining([
            expect.stringMatching(nameRegex(tableOf(place), before, nameOf(place, row))),
          ]),
        );
      }),
      { numRuns: 600 },
    );
  });

  it('reports one change of each cell in turn (every cell of the bundle)', async () => {
    const missed: string[] = [];
    for (const { place, index, column } of cells(base)) {
      const b = clone(base);
      const row = listOf(b, place)[index];
      const before = nameOf(place, row);
      row[column] = changed(row[column], { how: 1, at: 3, ch: '书', delta: 1 });
      const found = names(await check(b)).some((n) =>
        nameRegex(tableOf(place), before, nameOf(place, row)).test(n),
      );
      if (!found) missed.push(`${tableOf(place)} ${before} ${column}`);
    }
    expect(missed).toEqual([]);
  });

  it('reports a deleted row, event or firm entry, naming its table and row', async () => {
    const rows = PLACES.flatMap((place) => listOf(base, place).map((_, index) => ({ place, index }))).filter(
      ({ place, index }) => !(place.kind === 'firm' && index === 0),
    );
    const missed: string[] = [];
    for (const { place, index } of rows) {
      const b = clone(base);
      const [row] = listOf(b, place).splice(index, 1);
      const report = await check(b);
      const last = place.kind !== 'table' && index === listOf(base, place).length - 1;
      // A cut last event is named by the firm entry that held it; a cut last firm entry by its timestamp.
      const table = last ? (place.kind === 'events' ? 'firm_log' : 'firm_timestamps') : tableOf(place);
      const expected = last ? /.*/ : nameRegex(table, nameOf(place, row), nameOf(place, row));
      if (!names(report).some((n) => n.startsWith(`${table}|`) && expected.test(n)))
        missed.push(`${tableOf(place)} ${nameOf(place, row)}`);
    }
    expect(missed).toEqual([]);
  });

  it('reports two rows, events or firm entries swapped, naming one of them', async () => {
    const places = PLACES.filter((p) => listOf(base, p).length >= 2);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...places), fc.nat(), fc.nat(), async (place, x, y) => {
        const b = clone(base);
        const list = listOf(b, place);
        const [i, j] = [x % list.length, y % list.length];
        fc.pre(i !== j);
        [list[i], list[j]] = [list[j], list[i]];
        const report = await check(b);
        expect(report.valid).toBe(false);
        const either = new RegExp(
          `^${tableOf(place)}\\|(${esc(nameOf(place, list[i]))}|${esc(nameOf(place, list[j]))})$`,
        );
        expect(names(report).some((n) => either.test(n))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reports the event tail cut, by the firm entries that held it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: base.events.length }), async (cut) => {
        const b = clone(base);
        b.events = b.events.slice(0, b.events.length - cut);
        const report = await check(b);
        expect(report.findings).toEqual(
          expect.arrayContaining([
            expect.objectContaining(
              cut === base.events.length
                ? { code: 'CHAIN_EMPTY', table: 'case_events' }
                : { code: 'CHAIN_CUT', table: 'firm_log', row: lastEntryOfCase(b) },
            ),
          ]),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('reports a row and its commitment both edited and the whole chain re-hashed, by the firm log and receipts', async () => {
    const committed = EVIDENCE_TABLE_NAMES.flatMap((table) =>
      base.tables[table].map((row) => ({ table, key: rowKey(table, row) })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...committed), fc.boolean(), async ({ table, key }, byReceipt) => {
        const b = clone(base);
        const seq = forgeConsistently(b, table, key);
        if (byReceipt) b.firmLog = [];
        const head = base.events[base.events.length - 1];
        const receipt = { caseId: c.caseId, seq: head.seq, head: head.hash, ref: 'ack-1' };
        const report = await check(b, byReceipt ? [receipt] : []);
        expect(report.valid).toBe(false);
        expect(report.findings).toEqual(
          expect.arrayContaining([
            expect.objectContaining(
              byReceipt
                ? { code: 'CHAIN_REWRITTEN', table: 'receipt', row: 'ack-1' }
                : { code: 'CHAIN_REWRITTEN', table: 'firm_log' },
            ),
          ]),
        );
        expect(seq).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('holds receipts to the chain: a matching one passes, one beyond the head is a cut', async () => {
    const e = base.events[11];
    expect(await check(base, [{ caseId: c.caseId, seq: e.seq, head: e.hash, ref: 'r1' }])).toMatchObject({
      valid: true,
      receipts: { held: 1 },
    });
    const beyond = { caseId: c.caseId, seq: 99, head: e.hash, ref: 'r2' };
    expect((await check(base, [beyond])).findings).toEqual([
      expect.objectContaining({ code: 'CHAIN_CUT', table: 'receipt', row: 'r2' }),
    ]);
  });

  it('never throws: any value, any subtree replaced, a broken file — each is a finding', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (value) => {
        const report = await check(value, value);
        expect(report.valid).toBe(false);
      }),
      { numRuns: 300 },
    );
    // Not verified, by design: who exported and when, the names, and the timestamps' display copies (their
    // tokens are checked in the timestamp tests). Dropping the whole firm log or every timestamp leaves less
    // evidence, not forged evidence: such a bundle holds, with what it still has.
    const paths = subtreePaths(base).filter(
      (p) => ['events', 'tables', 'firmLog', 'format', 'caseId'].includes(p[0]) && p.join('.') !== 'firmLog',
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue(), async (where, value) => {
        const b = clone(base) as unknown as Record<string, unknown>;
        const parent = where.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as never, b);
        fc.pre(JSON.stringify(parent[where[where.length - 1]]) !== JSON.stringify(value));
        parent[where[where.length - 1]] = value;
        expect((await check(b)).valid).toBe(false);
      }),
      { numRuns: 300 },
    );
    for (const text of ['', '{', 'null', exported.bundle.slice(0, 5000)])
      expect((await check(text)).findings[0]).toMatchObject({ code: 'BUNDLE_MALFORMED' });
  });

  describe('timestamps', () => {
    it('checks a token’s imprint and signature without roots, and says the signer is not checked', async () => {
      const report = await verifyBundle(base, withRoots([]));
      expect(report.valid).toBe(true);
      expect(report.timestamps.map((t) => t.status)).toEqual(['imprint-only']);
      expect(formatBundleReport('x.json', report)).toContain('签发者未核验');
    });

    it('refuses a token against an unrelated root, and a token or head edited', async () => {
      const unrelated = await verifyBundle(base, withRoots([await makeUnrelatedRootPem()]));
      expect(unrelated.findings).toEqual([
        expect.objectContaining({ code: 'TIMESTAMP_INVALID', table: 'firm_timestamps', field: 'token' }),
      ]);
      const token = clone(base);
      const der = Buffer.from(String(token.firmTimestamps[0].token), 'base64');
      der[der.length - 10] ^= 0xff;
      token.firmTimestamps[0].token = der.toString('base64');
      expect((await verifyBundle(token, withRoots([tsa.rootPem]))).findings).toEqual([
        expect.objectContaining({ code: 'TIMESTAMP_INVALID', field: 'token' }),
      ]);
      const head = clone(base);
      head.firmTimestamps[0].firm_head = sha256Hex('another head');
      expect((await verifyBundle(head, withRoots([tsa.rootPem]))).findings).toEqual([
        expect.objectContaining({ code: 'TIMESTAMP_INVALID', field: 'firm_head' }),
      ]);
    });
  });

  it('prints a verdict naming table, row and field, and exits 1 on a tampered bundle', async () => {
    const b = clone(base);
    const ack = b.tables.record_responses[0];
    ack.responded_at = '2020-01-01T00:00:00.000Z';
    const file = path.join(h.dir, 'tampered.json');
    fs.writeFileSync(file, JSON.stringify(b));
    const failed = await run('npx', ['tsx', 'scripts/verify-bundle.ts', file]).catch((e: unknown) => e);
    const { code, stdout } = failed as { code: number; stdout: string };
    expect(code).toBe(1);
    expect(stdout).toContain(`表 record_responses 行 ${String(ack.id)} 字段 responded_at`);
    expect(stdout).toContain('结论：未通过');
  }, 30_000);
});

describe('the document', () => {
  it('shows every version in full with its fingerprint, every receipt, question and answer', () => {
    const html = exported.html;
    for (const v of base.tables.record_versions) {
      expect(html).toContain(String(v.content_hash));
      expect(html).toContain(`第 ${v.version_no} 版`);
    }
    for (const r of base.tables.record_responses) expect(html).toContain(String(r.request_id));
    for (const v of base.tables.record_views) expect(html).toContain(String(v.request_id));
    for (const q of base.tables.record_questions) expect(html).toContain(String(q.question));
    for (const a of base.tables.record_answers) expect(html).toContain(String(a.answer));
    expect(html).toContain('补充举证要求'); // a statement's 修订说明
    expect(html).toContain('日期有误'); // an update's 更正原因
    expect(html).toContain(base.events[base.events.length - 1].hash as string);
    expect(html).toContain('摘要与签名已核对'); // the harness configures no TSA roots
    expect(html).toContain(tsa.url);
    expect(html).toContain('如何核验');
  });

  it('escapes user text, and loads nothing from outside', async () => {
    const firm = await setUpFirm(h, '-xss');
    const hostile = '<script>alert("x")</script>';
    const created = await openCase(h, firm.lawyer, `案件${hostile}`);
    await h.ok(firm.lawyer, 'update.publish', {
      caseId: created.id,
      ...sampleUpdate,
      title: `<img src=x onerror=alert(1)>`,
      body: `正文 ${hostile} & "引号"`,
    });
    const out = await h.ok(firm.lawyer, 'case.export', { caseId: created.id });
    expect(out.html).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(out.html).toContain('案件&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(out.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out.html).not.toMatch(/\bsrc=["']?http|href=["']?http|@import|url\(/i);
    expect(out.fileName).not.toMatch(/[<>"/\\]/);
  });

  it('prints to an A4 PDF with the Chinese text embedded', async () => {
    if (!fs.existsSync(CHROMIUM) && !process.env.CI) return; // CI installs chromium: there it must run
    const file = path.join(h.dir, 'export.pdf');
    await printPdf(exported.html, file);
    const pdf = fs.readFileSync(file);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    console.log(`PDF: ${pdf.length} bytes, ${pages.length} pages`);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pdf.toString('latin1')).toMatch(/WenQuanYi/);
    const cmaps = inflatedStreams(pdf).filter((s) => s.includes('beginbfchar') || s.includes('beginbfrange'));
    for (const ch of '书面记录汇编内容指纹')
      expect(cmaps.some((s) => s.toUpperCase().includes(ch.codePointAt(0)!.toString(16).toUpperCase()))).toBe(
        true,
      );
  }, 60_000);
});

describe('the demo seed', () => {
  it('exports the demo case clean; its size', async () => {
    const demo = await openHarness();
    try {
      await seedDemo(demo.db);
      await sealFirmLog(demo.db, new Date().toISOString());
      const cases = await demo.db.selectFrom('cases').select('id').execute();
      for (const { id } of cases) {
        const out = await demo.ok('dev:lawyer', 'case.export', { caseId: id });
        expect((await check(out.bundle)).findings).toEqual([]);
        console.log(
          `demo case: bundle ${Buffer.byteLength(out.bundle)} bytes, html ${Buffer.byteLength(out.html)} bytes`,
        );
      }
    } finally {
      await demo.close();
    }
  });
});

/** A finding's `table|row` for a row known before and after a change (either name will do). */
function nameRegex(table: string, before: string, after: string) {
  return new RegExp(`^${esc(table)}\\|(${esc(before)}|${esc(after)})$`);
}

function esc(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lastEntryOfCase(b: EvidenceBundle) {
  const ofCase = b.firmLog.filter((f) => f.case_id === b.caseId);
  return String(ofCase[ofCase.length - 1].seq);
}

/**
 * What someone with the bundle and the public algorithm can do: change a committed value in the row and in the
 * event that commits it, then recompute every hash of the chain. Returns the seq of the event edited.
 */
function forgeConsistently(b: EvidenceBundle, table: EvidenceTable, key: string): number {
  const row = b.tables[table].find((r) => rowKey(table, r) === key)!;
  const event = b.events.find((e) => String(e.payload).includes('"commits"') && commitsRow(e, table, key))!;
  const payload = JSON.parse(String(event.payload)) as { commits: { table: string; row: BundleRow }[] };
  const commitment = payload.commits.find((x) => x.table === table && rowKey(table, x.row) === key)!;
  const column = Object.keys(commitment.row).find(
    (k) => typeof commitment.row[k] === 'string' && !key.includes(String(commitment.row[k])),
  )!;
  const forged = `${String(commitment.row[column])}（改）`;
  commitment.row[column] = forged;
  row[column] = forged;
  event.payload = canonicalJson(payload);
  let prevHash = GENESIS_HASH;
  for (const e of b.events) {
    const unhashed = {
      caseId: String(e.case_id),
      seq: Number(e.seq),
      at: String(e.at),
      actorId: String(e.actor_id),
      type: String(e.type),
      payload: String(e.payload),
      prevHash,
    };
    e.prev_hash = prevHash;
    e.hash = sha256Hex(eventHashInput(unhashed));
    prevHash = String(e.hash);
  }
  return Number(event.seq);
}

function commitsRow(e: BundleRow, table: EvidenceTable, key: string): boolean {
  const payload = JSON.parse(String(e.payload)) as { commits?: { table: string; row: BundleRow }[] };
  return (payload.commits ?? []).some((x) => x.table === table && rowKey(table, x.row) === key);
}

/** Paths to every object member and array element of a bundle (its structure, not its text). */
function subtreePaths(value: unknown, at: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return at.length ? [at] : [];
  const keys = Object.keys(value);
  return [
    ...(at.length ? [at] : []),
    ...keys.flatMap((k) => subtreePaths((value as Record<string, unknown>)[k], [...at, k])),
  ];
}

/** The text of every Flate stream of a PDF (fonts' ToUnicode maps among them). */
function inflatedStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const start = pdf.indexOf('stream', from);
    if (start < 0) return out;
    const body = start + (pdf[start + 6] === 0x0d ? 8 : 7);
    const end = pdf.indexOf('endstream', body);
    if (end < 0) return out;
    try {
      out.push(zlib.inflateSync(pdf.subarray(body, end)).toString('latin1'));
    } catch {
      // not Flate, or not a stream start ("endstream" also contains "stream")
    }
    from = end + 9;
  }
}
