import { ACCOUNT_DELETE_CONFIRMATION, DELETED_USER_NAME } from '../../contract/privacy';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import { verifyCase } from '../../server/evidence/verify';
import { appendConsent } from '../../server/privacy/consent.store';
import { createSession, subjectForToken } from '../../server/http/sessions.store';
import {
  ADMIN,
  enrollLawyer,
  openCaseWithClient,
  openHarness,
  setUpFirm,
  type Firm,
  type Harness,
} from '../fixtures/api-harness';
import { writeRequest } from '../fixtures/requests';
import { publishStatement, statementItemIds } from '../fixtures/statements';

let h: Harness;
let firm: Firm;

beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

const consent = (subject: string) => h.ok(subject, 'privacy.consent', { version: PRIVACY_NOTICE_VERSION });
const userIdOf = async (subject: string) => (await h.ok(subject, 'session.me', {})).userId;

/** The client's evidence in the case: a statement acknowledged from a known device, a question, a request. */
async function clientWritesInCase(): Promise<{ statementId: string }> {
  const statement = await publishStatement(h, firm.lawyer, firm.caseId);
  const ids = statementItemIds(statement);
  await h.ok(firm.client, 'statement.ask', {
    statementId: statement.id,
    versionNo: 1,
    itemId: ids[0],
    question: '败诉时诉讼费由谁承担？',
  });
  const ack = await h.send(firm.client, {
    action: 'statement.acknowledge',
    payload: { statementId: statement.id, versionNo: 1, itemIds: ids },
    requestId: 'req-privacy-ack-1',
    client: { platform: 'ios', model: 'iPhone 15', system: 'iOS 18.1' },
  });
  if (!ack.ok) throw new Error(ack.error.code);
  await writeRequest(h, firm.client, firm.caseId, { body: '请把开庭通知书拍照发给我。' });
  return { statementId: statement.id };
}

describe('consent to the privacy notice', () => {
  it('records who agreed to which version and when, creating nothing before that', async () => {
    const newcomer = 'wx:o-newcomer';
    const users = (await h.counts()).users;
    const before = await h.ok(newcomer, 'privacy.status', {});
    expect(before).toEqual({
      currentVersion: PRIVACY_NOTICE_VERSION,
      consentedVersion: null,
      consentedAt: null,
      withdrawnAt: null,
      needsConsent: true,
    });
    expect((await h.counts()).users).toBe(users);

    expect((await h.err(newcomer, 'privacy.consent', { version: '2020-01-01' })).code).toBe(
      'PRIVACY.VERSION_OUTDATED',
    );
    expect((await h.counts()).users).toBe(users);

    const agreed = await consent(newcomer);
    expect(agreed).toMatchObject({
      consentedVersion: PRIVACY_NOTICE_VERSION,
      consentedAt: h.now().toISOString(),
      needsConsent: false,
    });
    const rows = await h.db
      .selectFrom('privacy_consents')
      .selectAll()
      .where('user_id', '=', await userIdOf(newcomer))
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({
        user_id: await userIdOf(newcomer),
        seq: 1,
        kind: 'consent',
        version: PRIVACY_NOTICE_VERSION,
        at: h.now().toISOString(),
      }),
    ]);
  });

  it('asks again when the notice changes: writes are refused until the new version is agreed to', async () => {
    const clientId = await userIdOf(firm.client);
    // The client's newest agreement is to an earlier notice than the one now in force.
    await appendConsent(h.db, {
      userId: clientId,
      kind: 'consent',
      version: '2025-01-01',
      at: h.now().toISOString(),
      requestId: 'old',
    });
    expect((await h.ok(firm.client, 'privacy.status', {})).needsConsent).toBe(true);
    const before = await h.counts();
    expect(
      (
        await h.err(firm.client, 'request.create', {
          caseId: firm.caseId,
          category: 'consult',
          body: '在吗？',
        })
      ).code,
    ).toBe('PRIVACY.CONSENT_REQUIRED');
    expect(await h.counts()).toEqual(before);

    await consent(firm.client);
    await writeRequest(h, firm.client, firm.caseId);
  });
});

describe('withdrawing consent', () => {
  it('stops processing: sessions end, writes are refused, until the person agrees again', async () => {
    const clientId = await userIdOf(firm.client);
    const { token } = await createSession(h.db, clientId, h.now());
    expect(await subjectForToken(h.db, token, h.now())).toBe(firm.client);

    h.advance(60_000);
    const withdrawn = await h.ok(firm.client, 'privacy.withdraw', {});
    expect(withdrawn).toMatchObject({
      consentedVersion: null,
      withdrawnAt: h.now().toISOString(),
      needsConsent: true,
    });
    expect(await subjectForToken(h.db, token, h.now())).toBeNull();

    const before = await h.counts();
    const refused = await h.err(firm.client, 'request.create', {
      caseId: firm.caseId,
      category: 'consult',
      body: '撤回后还能写吗？',
    });
    expect(refused.code).toBe('PRIVACY.CONSENT_REQUIRED');
    expect(await h.counts()).toEqual(before);
    // What is already held can still be read and downloaded.
    expect((await h.ok(firm.client, 'account.export', {})).consents.map((c) => c.kind)).toEqual([
      'consent',
      'withdraw',
    ]);

    await consent(firm.client);
    await writeRequest(h, firm.client, firm.caseId);
  });
});

describe('downloading my data', () => {
  it('holds the person’s own records with their device and address, and nobody else’s', async () => {
    await clientWritesInCase();
    // Another client of another lawyer writes too: none of it may appear.
    const other = await setUpFirm(h, '-other');
    await writeRequest(h, other.client, other.caseId, { body: '另一位客户的私密请求' });
    const lawyerProfile = await h.ok(firm.lawyer, 'session.me', {});

    const data = await h.ok(firm.client, 'account.export', {});
    expect(data.account).toMatchObject({ displayName: '李女士', isLawyer: false });
    expect(data.lawyerProfile).toBeNull();
    expect(data.consents).toEqual([
      { kind: 'consent', version: PRIVACY_NOTICE_VERSION, at: h.now().toISOString() },
    ]);
    expect(data.memberships).toEqual([expect.objectContaining({ caseId: firm.caseId, role: 'client' })]);
    expect(data.responses).toEqual([
      expect.objectContaining({
        kind: 'acknowledged',
        nameRecorded: '李女士',
        sourceIp: '10.0.0.7',
        clientInfo: expect.stringContaining('iPhone 15'),
      }),
    ]);
    expect(data.questions.map((q) => q.question)).toEqual(['败诉时诉讼费由谁承担？']);
    expect(data.writings.map((w) => w.recordKind)).toEqual(['request']);
    expect(JSON.stringify(data.writings)).toContain('请把开庭通知书拍照发给我。');

    const text = JSON.stringify(data);
    expect(text).not.toContain('另一位客户的私密请求');
    expect(text).not.toContain(other.caseId);
    expect(text).not.toContain(lawyerProfile.profile!.licenseNo);
    expect(text).not.toContain(lawyerProfile.userId);
  });

  it('gives a lawyer their practice profile', async () => {
    const data = await h.ok(firm.lawyer, 'account.export', {});
    expect(data.lawyerProfile).toMatchObject({ name: '张律师', licenseNo: '13101201810000001' });
    expect(data.memberships).toEqual([expect.objectContaining({ role: 'lawyer' })]);
  });
});

describe('deleting an account', () => {
  it('anonymizes the person, keeps the case records, and the chain still verifies', async () => {
    await clientWritesInCase();
    const clientId = await userIdOf(firm.client);
    const { token } = await createSession(h.db, clientId, h.now());
    const evidenceBefore = await h.counts();

    expect((await h.err(firm.client, 'account.delete', { confirm: '删除' })).issues?.[0]?.message).toBe(
      `请输入「${ACCOUNT_DELETE_CONFIRMATION}」以继续`,
    );
    const deleted = await h.ok(firm.client, 'account.delete', { confirm: ACCOUNT_DELETE_CONFIRMATION });
    expect(deleted.deletedAt).toBe(h.now().toISOString());

    const user = await h.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', clientId)
      .executeTakeFirstOrThrow();
    expect(user.display_name).toBe(DELETED_USER_NAME);
    expect(user.subject).not.toBe(firm.client);
    expect(user.deleted_at).toBe(h.now().toISOString());
    expect(await subjectForToken(h.db, token, h.now())).toBeNull();
    const invite = await h.db
      .selectFrom('invites')
      .select('intended_name')
      .where('used_by', '=', clientId)
      .executeTakeFirstOrThrow();
    expect(invite.intended_name).toBe(DELETED_USER_NAME);
    expect(
      await h.db.selectFrom('idempotency').select('request_id').where('subject', '=', firm.client).execute(),
    ).toEqual([]);

    // The records the firm keeps are all still there, as they were.
    const after = await h.counts();
    for (const table of [
      'case_events',
      'case_members',
      'records',
      'record_versions',
      'record_views',
      'record_responses',
      'record_questions',
    ])
      expect({ table, rows: after[table] }).toEqual({ table, rows: evidenceBefore[table] });
    const ack = await h.db
      .selectFrom('record_responses')
      .selectAll()
      .where('user_id', '=', clientId)
      .executeTakeFirstOrThrow();
    expect(ack).toMatchObject({ user_name: '李女士', source_ip: '10.0.0.7' });
    const report = await verifyCase(h.db, firm.caseId);
    expect(report.findings).toEqual([]);
    expect(report.brokenAt).toBeNull();

    // The lawyer sees the member under the anonymized name.
    const detail = await h.ok(firm.lawyer, 'case.get', { caseId: firm.caseId });
    expect(JSON.stringify(detail)).toContain(DELETED_USER_NAME);
  });

  it('does not let the same WeChat identity back into the old account', async () => {
    const clientId = await userIdOf(firm.client);
    await h.ok(firm.client, 'account.delete', { confirm: ACCOUNT_DELETE_CONFIRMATION });

    expect((await h.ok(firm.client, 'case.list', {})).cases).toEqual([]);
    expect((await h.err(firm.client, 'case.get', { caseId: firm.caseId })).code).toBe('NOT_FOUND');
    // The identity is a newcomer now: nothing is stored about it until it agrees to the notice again.
    expect((await h.err(firm.client, 'session.me', {})).code).toBe('PRIVACY.CONSENT_REQUIRED');
    await consent(firm.client);
    const me = await h.ok(firm.client, 'session.me', {});
    expect(me.userId).not.toBe(clientId);
    expect((await h.ok(firm.client, 'account.export', {})).memberships).toEqual([]);
  });

  it('refuses a lawyer who still holds cases, and the firm’s admin, changing nothing', async () => {
    const before = await h.counts();
    expect((await h.err(firm.lawyer, 'account.delete', { confirm: ACCOUNT_DELETE_CONFIRMATION })).code).toBe(
      'ACCOUNT.LAWYER_HAS_CASES',
    );
    expect((await h.err(ADMIN, 'account.delete', { confirm: ACCOUNT_DELETE_CONFIRMATION })).code).toBe(
      'ACCOUNT.ADMIN_CONFIGURED',
    );
    expect(await h.counts()).toEqual(before);
  });

  it('lets a lawyer without cases go, practice profile and all', async () => {
    const idle = 'wx:o-idle-lawyer';
    await enrollLawyer(h, idle, '王律师');
    const idleId = await userIdOf(idle);
    await h.ok(idle, 'account.delete', { confirm: ACCOUNT_DELETE_CONFIRMATION });
    expect(
      await h.db.selectFrom('lawyer_profiles').selectAll().where('user_id', '=', idleId).execute(),
    ).toEqual([]);
    const lawyers = await h.ok(ADMIN, 'admin.listLawyers', {});
    expect(JSON.stringify(lawyers)).not.toContain('王律师');
    // A second case for the remaining lawyer still opens normally.
    await openCaseWithClient(h, firm.lawyer, 'wx:o-client-2', '赵先生');
  });
});
