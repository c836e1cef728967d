import { verifyBundle, type BundleReport } from '../../server/evidence/bundle.rules';
import { sealFirmLog } from '../../server/evidence/firm-log.store';
import { EVIDENCE_CRYPTO } from '../../server/evidence/verify';
import { openHarness, setUpFirm, type Harness } from '../fixtures/api-harness';
import { buildEvidenceCase, type EvidenceCase } from '../fixtures/evidence-case';

const check = (bundle: unknown, receipts: unknown = []): Promise<BundleReport> =>
  verifyBundle(bundle, { crypto: EVIDENCE_CRYPTO }, receipts);

let h: Harness;
let c: EvidenceCase;
beforeAll(async () => {
  h = await openHarness();
  c = await buildEvidenceCase(h);
  await sealFirmLog(h.db, h.now().toISOString());
});
afterAll(() => h.close());

describe('case.export', () => {
  it('exports a bundle that verifies clean, sealed up to the head', async () => {
    const exported = await h.ok(c.lawyer, 'case.export', { caseId: c.caseId });
    const report = await check(exported.bundle);
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ valid: true, caseId: c.caseId, events: 19 });
    expect(report.firmLog.sealedCaseSeq).toBe(report.events);
    expect(exported.fileName).toBe('书面记录汇编-李女士诉某公司民间借贷纠纷-20260302');
    console.log(
      `buildEvidenceCase export: bundle ${Buffer.byteLength(exported.bundle)} bytes, html ${Buffer.byteLength(exported.html)} bytes`,
    );
  });

  it('gives a client of the case the same evidence as the lawyer', async () => {
    const lawyers = JSON.parse((await h.ok(c.lawyer, 'case.export', { caseId: c.caseId })).bundle);
    const clients = JSON.parse((await h.ok(c.client, 'case.export', { caseId: c.caseId })).bundle);
    expect(clients.exportedBy).toMatchObject({ name: '李女士', role: 'client' });
    for (const part of ['events', 'tables', 'firmLog', 'firmTimestamps'])
      expect(clients[part]).toEqual(lawyers[part]);
  });

  it('is not found for a client of another case', async () => {
    const other = await setUpFirm(h, '-elsewhere');
    expect((await h.err(other.client, 'case.export', { caseId: c.caseId })).code).toBe('NOT_FOUND');
  });
});
