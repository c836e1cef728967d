import { heldReceiptsFrom } from '../../server/evidence/held-receipts';
import { verifyDatabase } from '../../server/evidence/verify';
import { dropAppendOnlyGuards } from '../../server/platform/migrations/0005-evidence';
import { openHarness, type Harness } from '../fixtures/api-harness';
import { buildEvidenceCase, type EvidenceCase } from '../fixtures/evidence-case';
import { statementItemIds } from '../fixtures/statements';
import { rewriteAnswerAndRehash } from '../fixtures/tamper';

let h: Harness;
let c: EvidenceCase;
beforeEach(async () => {
  h = await openHarness();
  c = await buildEvidenceCase(h);
});
afterEach(() => h.close());

/** Someone with the database rewrites an answer and re-hashes the chain; no seal has been taken yet. */
async function rewriteAnswer() {
  await dropAppendOnlyGuards(h.db);
  await rewriteAnswerAndRehash(h.db, c.caseId);
}

describe('what people kept, held against the database', () => {
  it('an evidence bundle exported earlier: its head covers everything before it', async () => {
    const bundle = JSON.parse((await h.ok(c.client, 'case.export', { caseId: c.caseId })).bundle) as unknown;
    const held = heldReceiptsFrom(bundle);
    expect(held).toEqual([expect.objectContaining({ caseId: c.caseId })]);
    expect((await verifyDatabase(h.db, { receipts: held })).findings).toEqual([]);

    await rewriteAnswer();
    // Without a seal the rewritten chain is consistent in itself; the client's earlier export is not fooled.
    expect((await verifyDatabase(h.db)).findings).toEqual([]);
    expect((await verifyDatabase(h.db, { receipts: held })).findings).toEqual([
      expect.objectContaining({ code: 'CHAIN_REWRITTEN', table: 'receipt', caseId: c.caseId }),
    ]);
  });

  it('receipts as the API answers them, with the case id added', async () => {
    const statement = await h.ok(c.client, 'statement.get', { statementId: c.statementId });
    const receipt = await h.ok(c.client, 'statement.acknowledge', {
      statementId: c.statementId,
      versionNo: 2,
      itemIds: statementItemIds(statement),
    });
    const held = heldReceiptsFrom([{ ...receipt, caseId: c.caseId }]);
    expect(held).toEqual([
      { caseId: c.caseId, seq: receipt.chain?.seq, head: receipt.chain?.head, ref: receipt.acknowledgmentId },
    ]);
    await rewriteAnswer();
    expect((await verifyDatabase(h.db, { receipts: held })).findings).toEqual([
      expect.objectContaining({ code: 'CHAIN_REWRITTEN', row: receipt.acknowledgmentId }),
    ]);
  });

  it('refuses a file that is neither receipts nor a bundle', () => {
    expect(() => heldReceiptsFrom({ hello: 'world' })).toThrow(/no list of receipts/);
    expect(() => heldReceiptsFrom([{ caseId: 'c', seq: '3', head: 'h' }])).toThrow(/receipt #1/);
  });
});
