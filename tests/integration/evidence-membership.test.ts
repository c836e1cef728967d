import { verifyBundle, type EvidenceBundle } from '../../server/evidence/bundle.rules';
import { EVIDENCE_CRYPTO, verifyDatabase } from '../../server/evidence/verify';
import { openHarness, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';

/**
 * A member's removal is working state on their `case_members` row (`removed_at`, `removed_by`), and the chain
 * records it as a `member.removed` event. Both verifiers — over the database (`case.verifyLog`, `npm run verify`)
 * and offline over the bundle — hold each to the other: a removal without its event, an event without its removal,
 * or a removal whose time or remover differs is a MEMBERSHIP_MISMATCH.
 */
let h: Harness;
let firm: Firm;
let clientId: string;
let lawyerId: string;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
  clientId = (await h.ok(firm.client, 'session.me', {})).userId;
  lawyerId = (await h.ok(firm.lawyer, 'session.me', {})).userId;
});
afterEach(() => h.close());

const onServer = async () => {
  const report = await h.ok(firm.lawyer, 'case.verifyLog', { caseId: firm.caseId });
  const all = await verifyDatabase(h.db, { caseId: firm.caseId });
  expect(all.findings.map((f) => f.code)).toEqual(report.findings.map((f) => f.code));
  return report;
};
const offline = async () => {
  const { bundle } = await h.ok(firm.lawyer, 'case.export', { caseId: firm.caseId });
  return verifyBundle(bundle, { crypto: EVIDENCE_CRYPTO });
};
const editMember = (userId: string, set: { removed_at: string | null; removed_by: string | null }) =>
  h.db
    .updateTable('case_members')
    .set(set)
    .where('case_id', '=', firm.caseId)
    .where('user_id', '=', userId)
    .execute();

async function removeClient() {
  h.advance(60_000);
  return h.ok(firm.lawyer, 'member.remove', { caseId: firm.caseId, userId: clientId });
}

describe('member removals against the chain', () => {
  it('a removal made through the API verifies, on the server and offline, and the bundle carries it', async () => {
    const removed = await removeClient();
    expect(await onServer()).toMatchObject({ valid: true, findingCount: 0 });
    const report = await offline();
    expect(report.findings).toEqual([]);
    const { bundle } = await h.ok(firm.lawyer, 'case.export', { caseId: firm.caseId });
    const row = (JSON.parse(bundle) as EvidenceBundle).tables.case_members.find(
      (m) => m.user_id === clientId,
    );
    expect(row).toMatchObject({ removed_at: removed.removedAt, removed_by: lawyerId });
  });

  it('a removal time altered in the database fails both verifiers', async () => {
    const removed = await removeClient();
    const later = new Date(Date.parse(removed.removedAt) + 3_600_000).toISOString();
    await editMember(clientId, { removed_at: later, removed_by: lawyerId });
    const report = await onServer();
    expect(report.valid).toBe(false);
    expect(report.findings).toEqual([
      expect.objectContaining({ code: 'MEMBERSHIP_MISMATCH', table: 'case_members', field: 'removed_at' }),
    ]);
    expect((await offline()).findings).toEqual([
      expect.objectContaining({ code: 'MEMBERSHIP_MISMATCH', field: 'removed_at' }),
    ]);
  });

  it('a removal undone in the database (the event stays) fails', async () => {
    await removeClient();
    await editMember(clientId, { removed_at: null, removed_by: null });
    expect((await onServer()).findings).toEqual([
      expect.objectContaining({ code: 'MEMBERSHIP_MISMATCH', field: 'removed_at' }),
    ]);
  });

  it('a removal written without its event fails, and so does a changed remover', async () => {
    await editMember(clientId, { removed_at: h.now().toISOString(), removed_by: lawyerId });
    expect((await onServer()).findings).toEqual([
      expect.objectContaining({ code: 'MEMBERSHIP_MISMATCH', field: 'removed_at' }),
    ]);
    await editMember(clientId, { removed_at: null, removed_by: null });
    expect((await onServer()).valid).toBe(true);
    const removed = await removeClient();
    await editMember(clientId, { removed_at: removed.removedAt, removed_by: clientId });
    expect((await offline()).findings).toEqual([
      expect.objectContaining({ code: 'MEMBERSHIP_MISMATCH', field: 'removed_by' }),
    ]);
  });

  it('a removed client who joins again verifies; a removal put back on them afterwards does not', async () => {
    const removed = await removeClient();
    h.advance(60_000);
    const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    await h.ok(firm.client, 'invite.redeem', { code: invite.code });
    expect((await onServer()).valid).toBe(true);
    expect((await offline()).valid).toBe(true);
    await editMember(clientId, { removed_at: removed.removedAt, removed_by: lawyerId });
    expect((await onServer()).findings).toEqual([
      expect.objectContaining({ code: 'MEMBERSHIP_MISMATCH', field: 'removed_at' }),
    ]);
  });

  it('an edited removal in a bundle is caught offline', async () => {
    await removeClient();
    const { bundle } = await h.ok(firm.lawyer, 'case.export', { caseId: firm.caseId });
    const edited = JSON.parse(bundle) as EvidenceBundle;
    const row = edited.tables.case_members.find((m) => m.user_id === clientId)!;
    row.removed_at = null;
    row.removed_by = null;
    expect((await verifyBundle(edited, { crypto: EVIDENCE_CRYPTO })).findings).toEqual([
      expect.objectContaining({ code: 'MEMBERSHIP_MISMATCH', table: 'case_members' }),
    ]);
  });
});
