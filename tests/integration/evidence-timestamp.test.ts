import { sealFirmLog } from '../../server/evidence/firm-log.store';
import { verifyDatabase } from '../../server/evidence/verify';
import { dropAppendOnlyGuards } from '../../server/platform/migrations/0005-evidence';
import { openHarness, type Harness } from '../fixtures/api-harness';
import { buildEvidenceCase, type EvidenceCase } from '../fixtures/evidence-case';
import { startOpensslTsa, type OpensslTsa } from '../fixtures/openssl-tsa';
import { rewriteAnswerAndRehash } from '../fixtures/tamper';
import { statementItemIds } from '../fixtures/statements';

let tsa: OpensslTsa;
let h: Harness;
let c: EvidenceCase;
beforeAll(async () => {
  tsa = await startOpensslTsa();
});
afterAll(() => tsa.close());
beforeEach(async () => {
  h = await openHarness({ config: { tsa: { url: tsa.url, rootsPem: [tsa.rootPem], timeoutMs: 10_000 } } });
  c = await buildEvidenceCase(h);
});
afterEach(() => h.close());

const roots = () => ({ tsaRootsPem: [tsa.rootPem] });

describe('trusted timestamps over the firm log (RFC 3161, a real TSA on loopback)', () => {
  it('seals on demand, takes a token over the firm head, and verify checks it against the TSA root', async () => {
    const sealed = await h.ok(c.lawyer, 'evidence.seal', {});
    expect(sealed).toMatchObject({ appended: 1, firmSeq: 1, timestampError: null });
    expect(sealed.timestamp?.tsaUrl).toBe(tsa.url);
    const report = await verifyDatabase(h.db, roots());
    expect(report.findings).toEqual([]);
    expect(report.timestamps).toEqual([expect.objectContaining({ firmSeq: 1, checked: true })]);
    // Without configured roots the imprint still holds, and the report says the signer was not checked.
    expect((await verifyDatabase(h.db)).timestamps).toEqual([expect.objectContaining({ checked: false })]);

    // Nothing moved: a second seal appends nothing and asks the TSA for nothing new.
    expect(await h.ok(c.lawyer, 'evidence.seal', {})).toMatchObject({ appended: 0, firmSeq: 1 });
    expect((await h.counts()).firm_timestamps).toBe(1);
    const state = await h.ok(c.client, 'case.verifyLog', { caseId: c.caseId });
    expect(state.seal).toMatchObject({ firmSeq: 1, behind: false, timestamp: { firmSeq: 1 } });
  });

  it('names a token whose bytes were changed', async () => {
    await h.ok(c.lawyer, 'evidence.seal', {});
    await dropAppendOnlyGuards(h.db);
    const row = await h.db.selectFrom('firm_timestamps').selectAll().executeTakeFirstOrThrow();
    const der = Buffer.from(row.token, 'base64');
    der[der.length - 10] ^= 0x01;
    await h.db
      .updateTable('firm_timestamps')
      .set({ token: der.toString('base64') })
      .execute();
    const report = await verifyDatabase(h.db, roots());
    expect(report.findings).toEqual([
      expect.objectContaining({
        code: 'TIMESTAMP_INVALID',
        table: 'firm_timestamps',
        row: '1',
        field: 'token',
      }),
    ]);
  });

  it('finds a history rewritten and re-hashed all the way up through the firm log', async () => {
    const statement = await h.ok(c.client, 'statement.get', { statementId: c.statementId });
    const receipt = await h.ok(c.client, 'statement.acknowledge', {
      statementId: c.statementId,
      versionNo: 2,
      itemIds: statementItemIds(statement),
    });
    await h.ok(c.lawyer, 'evidence.seal', {});
    await dropAppendOnlyGuards(h.db);
    // Rewrite an answer, re-hash the case chain, then rebuild the firm log over the new head.
    await rewriteAnswerAndRehash(h.db, c.caseId);
    await h.db.deleteFrom('firm_log').execute();
    const [entry] = await sealFirmLog(h.db, h.now().toISOString());

    // The token still names the old head.
    expect((await verifyDatabase(h.db, roots())).findings).toEqual([
      expect.objectContaining({ code: 'TIMESTAMP_INVALID', row: '1', field: 'firm_head' }),
    ]);
    // Made to name the new head, the token's signed imprint no longer matches it.
    await h.db.updateTable('firm_timestamps').set({ firm_head: entry.hash }).execute();
    expect((await verifyDatabase(h.db, roots())).findings).toEqual([
      expect.objectContaining({ code: 'TIMESTAMP_INVALID', row: '1', field: 'token' }),
    ]);
    // With the token deleted too, the database alone passes; the receipt the client kept does not.
    await h.db.deleteFrom('firm_timestamps').execute();
    expect((await verifyDatabase(h.db, roots())).findings).toEqual([]);
    expect(receipt.chain).not.toBeNull();
    const held = {
      caseId: c.caseId,
      seq: receipt.chain!.seq,
      head: receipt.chain!.head,
      ref: receipt.acknowledgmentId,
    };
    expect((await verifyDatabase(h.db, { ...roots(), receipts: [held] })).findings).toEqual([
      expect.objectContaining({ code: 'CHAIN_REWRITTEN', table: 'receipt', row: receipt.acknowledgmentId }),
    ]);
  });

  it('still seals when the TSA cannot be reached, and says so', async () => {
    const down = await openHarness({
      config: { tsa: { url: 'http://127.0.0.1:1/tsr', rootsPem: [], timeoutMs: 2000 } },
    });
    try {
      const firm = await buildEvidenceCase(down, 1, '-down');
      const sealed = await down.ok(firm.lawyer, 'evidence.seal', {});
      expect(sealed).toMatchObject({
        appended: 1,
        timestamp: null,
        timestampError: expect.stringContaining('无法连接'),
      });
      expect((await down.counts()).firm_timestamps).toBe(0);
    } finally {
      await down.close();
    }
  });
});
