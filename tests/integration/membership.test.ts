import type { ActionName } from '../../contract/index';
import { AUTHORIZATION_MATRIX } from '../../server/authorization-matrix';
import { openHarness, sampleUpdate, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';
import { publishStatement, statementItemIds } from '../fixtures/statements';

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

const userIdOf = async (subject: string) => (await h.ok(subject, 'session.me', {})).userId;

async function inviteAndJoin(subject: string, clientName: string | null = null) {
  const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName });
  await h.ok(subject, 'invite.redeem', { code: invite.code });
  return invite;
}

describe('who joined through each invite', () => {
  it('lists every invite of the case with its status and who used it, and the members', async () => {
    h.advance(1000);
    const used = await inviteAndJoin('wx:o-wang', '王先生');
    h.advance(1000);
    const open = await h.ok(firm.lawyer, 'invite.createClient', {
      caseId: firm.caseId,
      clientName: '赵女士',
    });
    h.advance(1000);
    const revoked = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    await h.ok(firm.lawyer, 'invite.revoke', { inviteId: revoked.inviteId });

    const list = await h.ok(firm.lawyer, 'invite.list', { caseId: firm.caseId });
    const byId = new Map(list.invites.map((i) => [i.inviteId, i]));
    expect(byId.get(used.inviteId)).toMatchObject({
      status: 'used',
      intendedName: '王先生',
      createdByName: '张律师',
      usedBy: { userId: await userIdOf('wx:o-wang'), displayName: '王先生' },
      usedAt: expect.any(String),
    });
    expect(byId.get(open.inviteId)).toMatchObject({ status: 'open', usedBy: null, intendedName: '赵女士' });
    expect(byId.get(revoked.inviteId)).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    // Newest first; the setup's own invite (李女士) is the oldest.
    expect(list.invites.map((i) => i.intendedName)).toEqual([null, '赵女士', '王先生', '李女士']);
    // By joining time; the lawyer and the first client joined at the same instant of the test clock.
    expect(list.members.map((m) => [m.displayName, m.role, m.removedAt]).sort()).toEqual(
      [
        ['张律师', 'lawyer', null],
        ['李女士', 'client', null],
        ['王先生', 'client', null],
      ].sort(),
    );
    expect(list.members[2].displayName).toBe('王先生');

    h.advance(72 * 3600_000);
    const later = await h.ok(firm.lawyer, 'invite.list', { caseId: firm.caseId });
    expect(later.invites.find((i) => i.inviteId === open.inviteId)?.status).toBe('expired');
  });

  it('is for the case lawyer only', async () => {
    expect((await h.err(firm.client, 'invite.list', { caseId: firm.caseId })).code).toBe('FORBIDDEN');
    const other = await setUpFirm(h, '-other');
    expect((await h.err(other.lawyer, 'invite.list', { caseId: firm.caseId })).code).toBe('NOT_FOUND');
  });

  it('refuses to revoke an invite someone already used', async () => {
    const used = await inviteAndJoin('wx:o-wang');
    expect((await h.err(firm.lawyer, 'invite.revoke', { inviteId: used.inviteId })).code).toBe('INVITE.USED');
  });
});

describe('removing a member', () => {
  it('cuts the removed client off from every action of the case at once', async () => {
    const clientId = await userIdOf(firm.client);
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    await h.ok(firm.client, 'case.get', { caseId: firm.caseId });
    await h.ok(firm.lawyer, 'member.remove', { caseId: firm.caseId, userId: clientId });

    // Every case-scoped action a client may call now answers NOT_FOUND, as for any outsider.
    const probes: Partial<Record<ActionName, unknown>> = {
      'case.get': { caseId: firm.caseId },
      'case.timeline': { caseId: firm.caseId },
      'case.verifyLog': { caseId: firm.caseId },
      'case.export': { caseId: firm.caseId },
      'statement.get': { statementId: statement.id },
      'statement.acknowledge': {
        statementId: statement.id,
        versionNo: 1,
        itemIds: statementItemIds(statement),
      },
      'statement.ask': {
        statementId: statement.id,
        versionNo: 1,
        itemId: statementItemIds(statement)[0],
        question: '?',
      },
    };
    for (const [action, payload] of Object.entries(probes)) {
      expect(AUTHORIZATION_MATRIX[action as ActionName]).toContain('client');
      const res = await h.send(firm.client, {
        action,
        payload,
        requestId: `req-removed-${action.replace('.', '-')}`,
      });
      expect({ action, code: res.ok ? 'ok' : res.error.code }).toEqual({ action, code: 'NOT_FOUND' });
    }
    // The case is gone from their list, and the lawyer's client counts no longer include them.
    expect((await h.ok(firm.client, 'case.list', {})).cases).toEqual([]);
    const detail = await h.ok(firm.lawyer, 'case.get', { caseId: firm.caseId });
    expect(detail.members.map((m) => m.displayName)).toEqual(['张律师']);
  });

  it('keeps what they acknowledged and asked in the record, the chain and the export, and records the removal', async () => {
    const clientId = await userIdOf(firm.client);
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const itemIds = statementItemIds(statement);
    await h.ok(firm.client, 'statement.acknowledge', { statementId: statement.id, versionNo: 1, itemIds });
    await h.ok(firm.client, 'statement.ask', {
      statementId: statement.id,
      versionNo: 1,
      itemId: itemIds[0],
      question: '这一条是什么意思？',
    });
    const update = await h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate });
    await h.ok(firm.client, 'update.get', { updateId: update.id });
    const before = await h.counts();

    h.advance(60_000);
    const removed = await h.ok(firm.lawyer, 'member.remove', { caseId: firm.caseId, userId: clientId });
    const after = await h.counts();
    // Nothing of the evidence is deleted: only the client's list entry (a read model) goes.
    for (const table of ['record_responses', 'record_questions', 'record_views', 'case_members']) {
      expect({ table, n: after[table] }).toEqual({ table, n: before[table] });
    }
    expect(after.case_events).toBe(before.case_events + 1);

    const event = await h.db
      .selectFrom('case_events')
      .selectAll()
      .where('case_id', '=', firm.caseId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const lawyerId = await userIdOf(firm.lawyer);
    expect(event).toMatchObject({ type: 'member.removed', actor_id: lawyerId, at: removed.removedAt });
    expect(JSON.parse(event.payload)).toMatchObject({
      userId: clientId,
      role: 'client',
      removedBy: lawyerId,
    });

    // The chain still verifies, and the export still carries the client's acts and the removal.
    expect((await h.ok(firm.lawyer, 'case.verifyLog', { caseId: firm.caseId })).valid).toBe(true);
    const exported = await h.ok(firm.lawyer, 'case.export', { caseId: firm.caseId });
    const bundle = JSON.parse(exported.bundle);
    expect(JSON.stringify(bundle)).toContain('这一条是什么意思？');
    expect(exported.html).toContain('律师移出成员');
    expect(exported.html).toContain('这一条是什么意思？');

    const list = await h.ok(firm.lawyer, 'invite.list', { caseId: firm.caseId });
    expect(list.members.find((m) => m.userId === clientId)).toMatchObject({
      removedAt: removed.removedAt,
      removedByName: '张律师',
    });
  });

  it('does not send the removed client notices, even ones already waiting', async () => {
    const clientId = await userIdOf(firm.client);
    await h.ok(firm.lawyer, 'member.remove', { caseId: firm.caseId, userId: clientId });
    const outboxBefore = await h.db
      .selectFrom('notification_outbox')
      .select('id')
      .where('recipient_user_id', '=', clientId)
      .execute();
    await h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate });
    const outboxAfter = await h.db
      .selectFrom('notification_outbox')
      .select('id')
      .where('recipient_user_id', '=', clientId)
      .execute();
    expect(outboxAfter).toEqual(outboxBefore);
  });

  it('refuses removing oneself, the last lawyer, or someone already removed', async () => {
    const lawyerId = await userIdOf(firm.lawyer);
    const clientId = await userIdOf(firm.client);
    expect((await h.err(firm.lawyer, 'member.remove', { caseId: firm.caseId, userId: lawyerId })).code).toBe(
      'MEMBER.CANNOT_REMOVE_SELF',
    );
    await h.ok(firm.lawyer, 'member.remove', { caseId: firm.caseId, userId: clientId });
    expect((await h.err(firm.lawyer, 'member.remove', { caseId: firm.caseId, userId: clientId })).code).toBe(
      'MEMBER.ALREADY_REMOVED',
    );
    // A client cannot remove anyone, and an outsider learns nothing of the case.
    const wang = 'wx:o-wang';
    await inviteAndJoin(wang);
    expect((await h.err(wang, 'member.remove', { caseId: firm.caseId, userId: lawyerId })).code).toBe(
      'FORBIDDEN',
    );
    expect((await h.err(firm.client, 'member.remove', { caseId: firm.caseId, userId: lawyerId })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('lets a removed client back only through a new invite', async () => {
    const clientId = await userIdOf(firm.client);
    await h.ok(firm.lawyer, 'member.remove', { caseId: firm.caseId, userId: clientId });
    expect((await h.err(firm.client, 'case.get', { caseId: firm.caseId })).code).toBe('NOT_FOUND');

    const again = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    expect(await h.ok(firm.client, 'invite.redeem', { code: again.code })).toEqual({
      kind: 'client',
      caseId: firm.caseId,
      pending: false,
    });
    await h.ok(firm.client, 'case.get', { caseId: firm.caseId });
    expect((await h.ok(firm.client, 'case.list', {})).cases.map((c) => c.id)).toEqual([firm.caseId]);
    const list = await h.ok(firm.lawyer, 'invite.list', { caseId: firm.caseId });
    expect(list.members.find((m) => m.userId === clientId)?.removedAt).toBeNull();
    expect(list.invites.find((i) => i.inviteId === again.inviteId)?.usedBy?.userId).toBe(clientId);
    expect((await h.ok(firm.lawyer, 'case.verifyLog', { caseId: firm.caseId })).valid).toBe(true);
  });

  it('refuses the removed client their own old link (spent by their first joining)', async () => {
    const clientId = await userIdOf(firm.client);
    const invite = await inviteAndJoin('wx:o-wang');
    const wangId = await userIdOf('wx:o-wang');
    await h.ok(firm.lawyer, 'member.remove', { caseId: firm.caseId, userId: wangId });
    expect((await h.err('wx:o-wang', 'invite.redeem', { code: invite.code })).code).toBe('INVITE.USED');
    expect((await h.err('wx:o-wang', 'invite.preview', { code: invite.code })).code).toBe('INVITE.USED');
    expect(clientId).not.toBe(wangId);
  });
});
