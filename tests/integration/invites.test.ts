import { ADMIN, openHarness, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

const NEWCOMER = 'wx:o-newcomer';
const PROFILE = { name: '赵律师', firm: '某律师事务所', licenseNo: '13101201810000002', phone: null };

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
      pending: false,
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
      pending: false,
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

describe('the join page preview', () => {
  it('names the case, the lawyer, the firm and the person invited, and nothing else of the case', async () => {
    const invite = await h.ok(firm.lawyer, 'invite.createClient', {
      caseId: firm.caseId,
      clientName: '王先生',
    });
    const preview = await h.ok(NEWCOMER, 'invite.preview', { code: invite.code });
    expect(preview).toEqual({
      kind: 'client',
      caseTitle: '李女士诉某公司民间借贷纠纷',
      inviterName: '张律师',
      firm: '示例律师事务所',
      intendedName: '王先生',
      expiresAt: invite.expiresAt,
      redeemedByYou: false,
    });
  });

  it('changes nothing: previewing neither uses the invite nor makes an account', async () => {
    const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    const before = await h.counts();
    await h.ok(NEWCOMER, 'invite.preview', { code: invite.code });
    expect(await h.counts()).toEqual(before);
    expect(await h.ok(NEWCOMER, 'invite.redeem', { code: invite.code })).toMatchObject({ kind: 'client' });
  });

  it('refuses wrong, used, expired and revoked codes with the same errors as joining', async () => {
    const used = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    await h.ok(NEWCOMER, 'invite.redeem', { code: used.code });
    expect((await h.err('wx:o-second', 'invite.preview', { code: used.code })).code).toBe('INVITE.USED');
    expect((await h.ok(NEWCOMER, 'invite.preview', { code: used.code })).redeemedByYou).toBe(true);
    expect((await h.err(NEWCOMER, 'invite.preview', { code: 'ABCD-EFGH' })).code).toBe('INVITE.NOT_FOUND');

    const revoked = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    await h.ok(firm.lawyer, 'invite.revoke', { inviteId: revoked.inviteId });
    expect((await h.err(NEWCOMER, 'invite.preview', { code: revoked.code })).code).toBe('INVITE.REVOKED');
    expect((await h.err('wx:o-third', 'invite.redeem', { code: revoked.code })).code).toBe('INVITE.REVOKED');

    const expiring = await h.ok(firm.lawyer, 'invite.createClient', {
      caseId: firm.caseId,
      clientName: null,
    });
    h.advance(72 * 3600_000);
    expect((await h.err(NEWCOMER, 'invite.preview', { code: expiring.code })).code).toBe('INVITE.EXPIRED');
  });

  it('shows a lawyer invite as an enrolment, naming no case', async () => {
    const invite = await h.ok(ADMIN, 'admin.inviteLawyer', { name: '赵律师' });
    expect(await h.ok('wx:o-zhao', 'invite.preview', { code: invite.code })).toMatchObject({
      kind: 'lawyer',
      caseTitle: null,
      intendedName: '赵律师',
    });
  });
});

describe('invite links', () => {
  it('point at the public address when one is configured, and carry none otherwise', async () => {
    const plain = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    expect(plain.link).toBeNull();
    const hp = await openHarness({ config: { publicBaseUrl: 'https://casetrail.example.cn' } });
    try {
      const f = await setUpFirm(hp);
      const invite = await hp.ok(f.lawyer, 'invite.createClient', { caseId: f.caseId, clientName: null });
      const code = invite.code.replace(/-/g, '');
      expect(invite.link).toBe(`https://casetrail.example.cn/#/pages/join/index?code=${code}`);
    } finally {
      await hp.close();
    }
  });
});

describe('lawyer enrolment', () => {
  const ZHAO = 'wx:o-zhao';

  async function redeemLawyerInvite(subject = ZHAO) {
    const invite = await h.ok(ADMIN, 'admin.inviteLawyer', { name: '赵律师' });
    expect(await h.ok(subject, 'invite.redeem', { code: invite.code })).toEqual({
      kind: 'lawyer',
      caseId: null,
      pending: true,
    });
    return invite;
  }

  it('is pending after redeeming: the redeemer cannot act as a lawyer until the admin confirms', async () => {
    const invite = await redeemLawyerInvite();
    expect(await h.ok(ZHAO, 'session.me', {})).toMatchObject({ isLawyer: false });
    expect((await h.err(ZHAO, 'profile.update', PROFILE)).code).toBe('FORBIDDEN');
    const caseInput = {
      title: '新案件',
      caseType: '民事',
      caseNumber: null,
      court: null,
      opposingParty: null,
    };
    expect((await h.err(ZHAO, 'case.create', caseInput)).code).toBe('FORBIDDEN');
    // Opening the link again says the same: still waiting.
    expect(await h.ok(ZHAO, 'invite.redeem', { code: invite.code })).toMatchObject({ pending: true });

    const listed = await h.ok(ADMIN, 'admin.listLawyers', {});
    expect(listed.pendingInvites).toEqual([]);
    expect(listed.pendingEnrolments).toEqual([
      {
        inviteId: invite.inviteId,
        invitedName: '赵律师',
        redeemer: {
          userId: (await h.ok(ZHAO, 'session.me', {})).userId,
          // The account's own name, not the invite's: the admin sees who actually redeemed it.
          displayName: '微信用户',
          accountCreatedAt: expect.any(String),
          clientCaseCount: 0,
        },
        redeemedAt: expect.any(String),
      },
    ]);
  });

  it('grants the lawyer role when the admin confirms, naming the account as invited', async () => {
    const invite = await redeemLawyerInvite();
    const decided = await h.ok(ADMIN, 'admin.confirmLawyer', { inviteId: invite.inviteId });
    expect(decided).toMatchObject({ inviteId: invite.inviteId, decision: 'confirmed' });
    expect(await h.ok(ZHAO, 'session.me', {})).toMatchObject({
      isLawyer: true,
      displayName: '赵律师',
      profile: null,
    });
    const caseInput = {
      title: '新案件',
      caseType: '民事',
      caseNumber: null,
      court: null,
      opposingParty: null,
    };
    expect((await h.err(ZHAO, 'case.create', caseInput)).code).toBe('LAWYER.PROFILE_REQUIRED');
    const after = await h.ok(ADMIN, 'admin.listLawyers', {});
    expect(after.pendingEnrolments).toEqual([]);
    expect(after.lawyers.map((l) => l.displayName).sort()).toEqual(['张律师', '赵律师'].sort());
    expect((await h.err(ADMIN, 'admin.rejectLawyer', { inviteId: invite.inviteId })).code).toBe(
      'INVITE.ALREADY_DECIDED',
    );
  });

  it('does not grant it when the admin rejects: a client who got hold of a lawyer invite stays a client', async () => {
    const invite = await redeemLawyerInvite(firm.client);
    const listed = await h.ok(ADMIN, 'admin.listLawyers', {});
    expect(listed.pendingEnrolments[0].redeemer).toMatchObject({ displayName: '李女士', clientCaseCount: 1 });
    await h.ok(ADMIN, 'admin.rejectLawyer', { inviteId: invite.inviteId });
    expect(await h.ok(firm.client, 'session.me', {})).toMatchObject({ isLawyer: false });
    expect((await h.err(firm.client, 'profile.update', PROFILE)).code).toBe('FORBIDDEN');
    expect((await h.err(ADMIN, 'admin.confirmLawyer', { inviteId: invite.inviteId })).code).toBe(
      'INVITE.ALREADY_DECIDED',
    );
    expect((await h.ok(ADMIN, 'admin.listLawyers', {})).pendingEnrolments).toEqual([]);
  });

  it('cannot be confirmed by anyone but the admin, changing nothing', async () => {
    const invite = await redeemLawyerInvite(firm.client);
    const before = await h.counts();
    for (const subject of [firm.lawyer, firm.client, ZHAO]) {
      expect((await h.err(subject, 'admin.confirmLawyer', { inviteId: invite.inviteId })).code).toBe(
        'FORBIDDEN',
      );
    }
    expect(await h.counts()).toEqual(before);
    expect(await h.ok(firm.client, 'session.me', {})).toMatchObject({ isLawyer: false });
  });

  it('refuses a decision on an invite nobody redeemed', async () => {
    const invite = await h.ok(ADMIN, 'admin.inviteLawyer', { name: '赵律师' });
    expect((await h.err(ADMIN, 'admin.confirmLawyer', { inviteId: invite.inviteId })).code).toBe('NOT_FOUND');
  });
});
