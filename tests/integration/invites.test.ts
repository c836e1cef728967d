import { openHarness, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

const NEWCOMER = 'wx:o-newcomer';

describe('client invites', () => {
  it('carries at least 128 bits of randomness and stores only a hash of the code', async () => {
    const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    const symbols = invite.code.replace(/-/g, '');
    expect(symbols.length * 5).toBeGreaterThanOrEqual(128);
    const stored = await h.db
      .selectFrom('invites')
      .selectAll()
      .where('id', '=', invite.inviteId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(symbols);
  });

  it('accepts a code typed loosely: lower case, spaces, look-alike letters', async () => {
    const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    const typed = invite.code.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
    expect(await h.ok(NEWCOMER, 'invite.redeem', { code: typed })).toEqual({
      kind: 'client',
      caseId: firm.caseId,
    });
  });

  it('refuses an invite used by someone else, changing nothing', async () => {
    const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    await h.ok(NEWCOMER, 'invite.redeem', { code: invite.code });
    const before = await h.counts();
    const error = await h.err('wx:o-second', 'invite.redeem', { code: invite.code });
    expect(error).toEqual({ code: 'INVITE.USED', message: '该邀请已被使用，请联系律师重新邀请' });
    expect(await h.counts()).toEqual(before);
  });

  it('lets the person who used an invite open it again without an error', async () => {
    const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    await h.ok(NEWCOMER, 'invite.redeem', { code: invite.code });
    expect(await h.ok(NEWCOMER, 'invite.redeem', { code: invite.code })).toEqual({
      kind: 'client',
      caseId: firm.caseId,
    });
  });

  it('refuses an expired invite', async () => {
    const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    h.advance(72 * 3600_000);
    const before = await h.counts();
    expect((await h.err(NEWCOMER, 'invite.redeem', { code: invite.code })).code).toBe('INVITE.EXPIRED');
    expect(await h.counts()).toEqual(before);
  });

  it('refuses a wrong code, whatever its shape', async () => {
    const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    const last = invite.code.slice(-1);
    const wrong = invite.code.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    for (const code of [wrong, 'ABCD', '!!!!-????', invite.code + 'X']) {
      expect((await h.err(NEWCOMER, 'invite.redeem', { code })).code).toBe('INVITE.NOT_FOUND');
    }
  });

  it('tells a member they are already in the case and keeps the invite open', async () => {
    const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    expect((await h.err(firm.client, 'invite.redeem', { code: invite.code })).code).toBe(
      'INVITE.ALREADY_MEMBER',
    );
    expect(await h.ok(NEWCOMER, 'invite.redeem', { code: invite.code })).toMatchObject({ kind: 'client' });
  });
});

describe('lawyer enrollment', () => {
  it('makes the person who redeems an admin invite a lawyer, who must fill a profile before opening cases', async () => {
    const invite = await h.ok('wx:o-admin', 'admin.inviteLawyer', { name: '赵律师' });
    expect(invite.kind).toBe('lawyer');
    const listed = await h.ok('wx:o-admin', 'admin.listLawyers', {});
    expect(listed.pendingInvites.map((p) => p.name)).toEqual(['赵律师']);
    await h.ok('wx:o-zhao', 'invite.redeem', { code: invite.code });
    const me = await h.ok('wx:o-zhao', 'session.me', {});
    expect(me).toMatchObject({ isLawyer: true, displayName: '赵律师', profile: null });
    const error = await h.err('wx:o-zhao', 'case.create', { title: '新案件', caseType: '民事' });
    expect(error.code).toBe('LAWYER.PROFILE_REQUIRED');
    const after = await h.ok('wx:o-admin', 'admin.listLawyers', {});
    expect(after.pendingInvites).toEqual([]);
    expect(after.lawyers.map((l) => l.displayName).sort()).toEqual(['张律师', '赵律师'].sort());
  });
});
