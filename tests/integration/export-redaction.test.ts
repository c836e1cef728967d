import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ApiResponse } from '../../contract/envelope';
import type { StatementDetail } from '../../contract/statements';
import {
  BUNDLE_FORMAT_V1,
  verifyBundle,
  type BundleReport,
  type EvidenceBundle,
} from '../../server/evidence/bundle.rules';
import { EVIDENCE_CRYPTO } from '../../server/evidence/verify';
import { sha256Hex } from '../../server/platform/crypto';
import { formatBundleReport, verifyBundleFile } from '../../scripts/verify-bundle';
import { openHarness, type Harness } from '../fixtures/api-harness';
import { buildEvidenceCase, type EvidenceCase } from '../fixtures/evidence-case';
import { statementItemIds } from '../fixtures/statements';

/**
 * A client's copy of the evidence bundle (server/evidence/redact.ts): a second client of the case reads, asks,
 * acknowledges and writes a request from a device and an address of their own, with their phone number in what
 * they write. The first client's export carries none of it — not their device, address, user agent, phone, name
 * or id — yet verifies offline, names what it withholds, and still catches any edit of a stand-in or of the
 * client's own rows.
 */
jest.setTimeout(60_000);

const SECOND = 'wx:o-second';
const THEIR_DEVICE = {
  platform: 'ios',
  model: 'iPhone-Co-7788',
  system: 'iOS 17.9 CoAgent',
  version: '8.0.50',
};
const THEIR_IP = '203.0.113.77';
const THEIR_PHONE = '13912345678';
const MY_DEVICE = { platform: 'android', model: 'Pixel-Mine-4411', system: 'Android 14', version: '8.0.49' };
const MY_IP = '198.51.100.23';

let h: Harness;
let c: EvidenceCase;
let secondId: string;
let forClient: { html: string; bundle: string };
let forLawyer: { html: string; bundle: string };
let mine: EvidenceBundle;
let full: EvidenceBundle;

/** A call with the device and source address the test names (the harness's own calls use 10.0.0.7). */
async function actAs(subject: string, device: object, ip: string, action: string, payload: object) {
  const res = (await h.app.handle(
    { action, payload, requestId: `req-${randomUUID()}`, client: device },
    { subject, sourceIp: ip },
  )) as ApiResponse<unknown>;
  if (!res.ok) throw new Error(`${action}: ${res.error.code} ${res.error.message}`);
  return res.data as Record<string, unknown>;
}

const check = (bundle: unknown): Promise<BundleReport> => verifyBundle(bundle, { crypto: EVIDENCE_CRYPTO });
const clone = (b: EvidenceBundle): EvidenceBundle => structuredClone(b);

beforeAll(async () => {
  h = await openHarness();
  c = await buildEvidenceCase(h); // the second client has joined through the API (their consent is recorded)
  secondId = (await h.ok(SECOND, 'session.me', {})).userId;
  const detail = (await h.ok(c.lawyer, 'statement.get', { statementId: c.statementId })) as StatementDetail;
  const itemIds = statementItemIds(detail);
  const versionNo = detail.current!.versionNo;
  const they = (action: string, payload: object) => actAs(SECOND, THEIR_DEVICE, THEIR_IP, action, payload);
  await they('update.markRead', { updateId: c.updateId });
  await they('statement.markViewed', { statementId: c.statementId, versionNo });
  await they('statement.acknowledge', { statementId: c.statementId, versionNo, itemIds });
  const question = await they('statement.ask', {
    statementId: c.statementId,
    versionNo,
    itemId: itemIds[0],
    question: `请回电 ${THEIR_PHONE}：这一条是否也适用于我？`,
  });
  await h.ok(c.lawyer, 'statement.answer', { questionId: String(question.id), answer: '适用，已电话说明。' });
  const request = await they('request.create', {
    caseId: c.caseId,
    category: 'consult',
    body: `我的手机 ${THEIR_PHONE}，请联系我补交材料。`,
  });
  await h.ok(c.lawyer, 'request.answer', {
    requestId: String(request.id),
    kind: 'reply',
    text: '已收到，按约定时间补交。',
  });
  const update = await h.ok(c.lawyer, 'update.publish', {
    caseId: c.caseId,
    title: '补充证据已提交',
    body: '补充证据已提交法院。',
    nextSteps: '等待开庭通知。',
    risks: '无',
  });
  await actAs(c.client, MY_DEVICE, MY_IP, 'update.markRead', { updateId: update.id });
  forClient = await h.ok(c.client, 'case.export', { caseId: c.caseId });
  forLawyer = await h.ok(c.lawyer, 'case.export', { caseId: c.caseId });
  mine = JSON.parse(forClient.bundle) as EvidenceBundle;
  full = JSON.parse(forLawyer.bundle) as EvidenceBundle;
});
afterAll(() => h?.close());

describe("a client's export", () => {
  test('the lawyer’s export holds the second client’s device, address, phone, name and id (so absence means something)', () => {
    for (const seeded of [THEIR_DEVICE.model, THEIR_DEVICE.system, THEIR_IP, THEIR_PHONE, secondId, '王先生'])
      expect(forLawyer.bundle).toContain(seeded);
  });

  test('carries no other client’s device, user agent, IP address, phone, name or id — in the bundle or the document', () => {
    for (const text of [forClient.bundle, forClient.html])
      for (const seeded of [
        THEIR_DEVICE.model,
        THEIR_DEVICE.system,
        THEIR_IP,
        THEIR_PHONE,
        secondId,
        '王先生',
      ])
        expect(text).not.toContain(seeded);
  });

  test('still carries the client’s own acts in full, device and address included', () => {
    expect(forClient.bundle).toContain(MY_DEVICE.model);
    expect(forClient.bundle).toContain(MY_IP);
    expect(forClient.html).toContain(MY_IP);
    const myViews = full.tables.record_views.filter((v) => v.user_id === mine.exportedBy.userId);
    for (const v of myViews) expect(mine.tables.record_views).toContainEqual(v);
  });

  test('verifies offline with the project’s verifier, naming what it withholds', async () => {
    const file = path.join(h.dir, 'client-copy.json');
    fs.writeFileSync(file, forClient.bundle);
    const report = await verifyBundleFile({ file, rootsFile: null, receiptsFile: null });
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.events).toBe(full.events.length);
    expect(report.headHash).toBe(full.events[full.events.length - 1].hash);
    // The second client's joining, read, view, acknowledgment, question and request: their acts. The lawyer's
    // answer to their question and reply to their request: records of their matter.
    expect(report.withheld).toEqual({
      events: 8,
      byKind: { 'other-client-act': 6, 'other-client-matter': 2 },
    });
    const text = formatBundleReport(file, report);
    expect(text).toContain('隐去的事件：8 条（其他客户本人的操作 6 条，涉及其他客户个人事项的记录 2 条）');
    expect(text).toContain('结论：通过');
    const lawyers = await check(forLawyer.bundle);
    expect(lawyers).toMatchObject({ valid: true, withheld: { events: 0 } });
    expect(formatBundleReport(file, lawyers)).not.toContain('隐去的事件');
  });

  test('the document says how many events were withheld and why', () => {
    expect(forClient.html).toContain('隐去的事件');
    expect(forClient.html).toContain('8 条（其他客户本人的操作 6 条，涉及其他客户个人事项的记录 2 条）');
    expect(forLawyer.html).not.toContain('隐去的事件');
  });
});

describe('tampering with a client’s copy is detected', () => {
  const standIn = (b: EvidenceBundle) => b.events.findIndex((e) => 'withheld' in e);
  const codes = async (b: EvidenceBundle) => (await check(b)).findings.map((f) => f.code);

  test('a stand-in’s hash changed', async () => {
    const b = clone(mine);
    const i = standIn(b);
    b.events[i].hash = sha256Hex('forged');
    const report = await check(b);
    expect(report.valid).toBe(false);
    expect(report.findings[0]).toMatchObject({ code: 'CHAIN_BROKEN', row: String(i + 2) });
  });

  test('a stand-in’s link or position changed, or the stand-in dropped', async () => {
    const linked = clone(mine);
    linked.events[standIn(linked)].prev_hash = sha256Hex('elsewhere');
    expect(await codes(linked)).toContain('CHAIN_BROKEN');
    const moved = clone(mine);
    moved.events[standIn(moved)].seq = 999;
    expect(await codes(moved)).toContain('CHAIN_BROKEN');
    const dropped = clone(mine);
    dropped.events.splice(standIn(dropped), 1);
    expect(await codes(dropped)).toContain('CHAIN_BROKEN');
  });

  test('a stand-in that is not a hash, or of an unknown kind, or with content added back', async () => {
    const notHash = clone(mine);
    notHash.events[standIn(notHash)].hash = 'x';
    expect(await codes(notHash)).toContain('CHAIN_BROKEN');
    const kind = clone(mine);
    kind.events[standIn(kind)].withheld = 'whatever';
    expect(await codes(kind)).toContain('BUNDLE_MALFORMED');
    const extra = clone(mine);
    extra.events[standIn(extra)].payload = '{}';
    expect(await codes(extra)).toContain('BUNDLE_MALFORMED');
  });

  test('a full event replaced by a stand-in of another’s hash, or a row the stand-in committed put back altered', async () => {
    const swapped = clone(mine);
    const j = swapped.events.findIndex((e) => !('withheld' in e) && e.actor_id === mine.exportedBy.userId);
    const e = swapped.events[j];
    swapped.events[j] = {
      case_id: e.case_id,
      seq: e.seq,
      prev_hash: e.prev_hash,
      hash: sha256Hex('x'),
      withheld: 'other-client-act',
    };
    expect(await codes(swapped)).toContain('CHAIN_BROKEN');
    // With its true hash the chain holds, but the rows it committed are then vouched for by nothing.
    const hidden = clone(mine);
    const own = hidden.events.findIndex(
      (e) => !('withheld' in e) && e.actor_id === mine.exportedBy.userId && String(e.payload).includes(MY_IP),
    );
    const o = hidden.events[own];
    hidden.events[own] = {
      case_id: o.case_id,
      seq: o.seq,
      prev_hash: o.prev_hash,
      hash: o.hash,
      withheld: 'other-client-act',
    };
    const report = await check(hidden);
    expect(report.findings.map((f) => `${f.code} ${f.table}`)).toEqual(['ROW_UNCOMMITTED record_views']);
    // A row only a withheld event committed cannot be slipped in: nothing visible commits to it.
    const smuggled = clone(mine);
    const theirView = full.tables.record_views.find((v) => v.user_id === secondId)!;
    smuggled.tables.record_views = [
      ...smuggled.tables.record_views,
      { ...theirView, source_ip: '1.2.3.4' },
    ].sort((a, b) => `${a.version_id}/${a.user_id}`.localeCompare(`${b.version_id}/${b.user_id}`));
    expect(await codes(smuggled)).toContain('ROW_UNCOMMITTED');
  });

  test('the client’s own record changed: a receipt’s address, an event of theirs', async () => {
    const row = clone(mine);
    const k = row.tables.record_views.findIndex((v) => v.source_ip === MY_IP);
    row.tables.record_views[k].source_ip = '192.0.2.1';
    expect((await check(row)).findings).toEqual([
      expect.objectContaining({ code: 'FIELD_CHANGED', table: 'record_views', field: 'source_ip' }),
    ]);
    const event = clone(mine);
    const j = event.events.findIndex((e) => String(e.payload ?? '').includes(MY_IP));
    event.events[j].payload = String(event.events[j].payload).replace(MY_IP, '192.0.2.1');
    expect(await codes(event)).toContain('CHAIN_BROKEN');
  });

  test('a stand-in in a /1 bundle is malformed; a /1 bundle without stand-ins or removal columns still verifies', async () => {
    const v1 = clone(full);
    v1.format = BUNDLE_FORMAT_V1;
    for (const m of v1.tables.case_members) {
      delete m.removed_at;
      delete m.removed_by;
    }
    expect((await check(v1)).findings).toEqual([]);
    const mixed = clone(mine);
    mixed.format = BUNDLE_FORMAT_V1;
    for (const m of mixed.tables.case_members) {
      delete m.removed_at;
      delete m.removed_by;
    }
    expect((await check(mixed)).findings.map((f) => `${f.code} ${f.field}`)).toContain(
      'BUNDLE_MALFORMED withheld',
    );
  });
});
