import { actions, ACTION_NAMES } from '../../contract/index';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import { ACCOUNT_DELETE_CONFIRMATION } from '../../contract/privacy';
import type { ActionContext } from '../../server/core/action';
import { handlers } from '../../server/handlers';
import { ALWAYS_ALLOWED, isConsentGated } from '../../server/privacy/consent-gate';
import { appendConsent } from '../../server/privacy/consent.store';
import { openHarness, sampleUpdate, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';
import { sampleRequest } from '../fixtures/requests';
import { publishStatement, statementItemIds } from '../fixtures/statements';

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

const userIdOf = async (subject: string) => (await h.ok(subject, 'session.me', {})).userId;
const consent = (subject: string) => h.ok(subject, 'privacy.consent', { version: PRIVACY_NOTICE_VERSION });

/** Every table the tests compare, with the consent log: a refused write stores nothing, not even consent. */
async function snapshot() {
  const consents = await h.db
    .selectFrom('privacy_consents')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { ...(await h.counts()), privacy_consents: Number(consents.n) };
}

/** Removes a person's consent log: an account made before consent was recorded (migration 0009). */
async function eraseConsentLog(subject: string) {
  const userId = await userIdOf(subject);
  await h.db.deleteFrom('privacy_consents').where('user_id', '=', userId).execute();
}

/** The client's three acts in the case: acknowledge every item, ask about one, write a request. */
async function clientActs(statementId: string, itemIds: string[]) {
  const body = { caseId: firm.caseId, ...sampleRequest };
  return [
    await h.call(firm.client, 'statement.acknowledge', { statementId, versionNo: 1, itemIds }),
    await h.call(firm.client, 'statement.ask', {
      statementId,
      versionNo: 1,
      itemId: itemIds[0],
      question: '败诉时诉讼费由谁承担？',
    }),
    await h.call(firm.client, 'request.create', body),
  ];
}

/** Refuses the client's acts with PRIVACY.CONSENT_REQUIRED and stores nothing; then they agree and succeed. */
async function refusedUntilConsent() {
  const statement = await publishStatement(h, firm.lawyer, firm.caseId);
  const itemIds = statementItemIds(statement);
  const before = await snapshot();
  for (const answer of await clientActs(statement.id, itemIds)) {
    expect(answer).toEqual({
      ok: false,
      error: { code: 'PRIVACY.CONSENT_REQUIRED', message: '请先阅读并同意《律程用户隐私保护指引》' },
    });
  }
  expect(await snapshot()).toEqual(before);

  await consent(firm.client);
  for (const answer of await clientActs(statement.id, itemIds)) expect(answer.ok).toBe(true);
  const detail = await h.ok(firm.lawyer, 'statement.get', { statementId: statement.id });
  expect(detail.acknowledgments).toHaveLength(1);
  expect(detail.questions).toHaveLength(1);
}

describe('the consent gate', () => {
  it('refuses a person who never agreed: no account, no membership, the invite stays unused', async () => {
    const newcomer = 'wx:o-never-agreed';
    h.withoutConsent(newcomer);
    const invite = await h.ok(firm.lawyer, 'invite.createClient', {
      caseId: firm.caseId,
      clientName: '王先生',
    });
    const before = await snapshot();

    expect((await h.err(newcomer, 'invite.redeem', { code: invite.code })).code).toBe(
      'PRIVACY.CONSENT_REQUIRED',
    );
    // Reading who one is would create the account: refused too.
    expect((await h.err(newcomer, 'session.me', {})).code).toBe('PRIVACY.CONSENT_REQUIRED');
    expect(await snapshot()).toEqual(before);
    const list = await h.ok(firm.lawyer, 'invite.list', { caseId: firm.caseId });
    expect(list.invites.find((i) => i.inviteId === invite.inviteId)?.status).toBe('open');

    await consent(newcomer);
    expect(await h.ok(newcomer, 'invite.redeem', { code: invite.code })).toMatchObject({
      kind: 'client',
      caseId: firm.caseId,
    });
    expect((await h.ok(newcomer, 'session.me', {})).displayName).toBe('王先生');
  });

  it('refuses a member whose account has no consent at all, until they agree', async () => {
    await eraseConsentLog(firm.client);
    expect((await h.ok(firm.client, 'privacy.status', {})).needsConsent).toBe(true);
    await refusedUntilConsent();
  });

  it('refuses a member who withdrew, until they agree again', async () => {
    await h.ok(firm.client, 'privacy.withdraw', {});
    await refusedUntilConsent();
  });

  it('refuses a member who agreed only to an older notice, until they agree to the one in force', async () => {
    await appendConsent(h.db, {
      userId: await userIdOf(firm.client),
      kind: 'consent',
      version: '2025-06-01',
      at: h.now().toISOString(),
      requestId: 'req-older-notice',
    });
    await refusedUntilConsent();
  });

  it('refuses a lawyer without consent too', async () => {
    await eraseConsentLog(firm.lawyer);
    const before = await snapshot();
    for (const [action, payload] of [
      ['update.publish', { caseId: firm.caseId, ...sampleUpdate }],
      ['invite.createClient', { caseId: firm.caseId, clientName: null }],
      [
        'case.create',
        { title: '新案件', caseType: '民事', caseNumber: null, court: null, opposingParty: null },
      ],
    ] as const) {
      expect({ action, code: (await h.err(firm.lawyer, action, payload)).code }).toEqual({
        action,
        code: 'PRIVACY.CONSENT_REQUIRED',
      });
    }
    expect(await snapshot()).toEqual(before);
    await consent(firm.lawyer);
    await h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate });
  });

  it('still lets a person without consent read, download, sign out everywhere and delete their account', async () => {
    await h.ok(firm.client, 'privacy.withdraw', {});
    expect((await h.ok(firm.client, 'case.get', { caseId: firm.caseId })).id).toBe(firm.caseId);
    expect((await h.ok(firm.client, 'account.export', {})).memberships).toHaveLength(1);
    await h.ok(firm.client, 'session.signOutEverywhere', {});
    await h.ok(firm.client, 'privacy.withdraw', {});
    await h.ok(firm.client, 'account.delete', { confirm: ACCOUNT_DELETE_CONFIRMATION });
  });
});

describe('which actions the gate covers', () => {
  it('is every write but agreeing, withdrawing, deleting the account and signing out everywhere', () => {
    const writes = ACTION_NAMES.filter((name) => actions[name].mutates);
    expect(writes.filter((name) => !isConsentGated(name)).sort()).toEqual(
      ['account.delete', 'privacy.consent', 'privacy.withdraw', 'session.signOutEverywhere'].sort(),
    );
    expect([...ALWAYS_ALLOWED].sort()).toEqual(writes.filter((name) => !isConsentGated(name)).sort());
  });

  it('answers PRIVACY.CONSENT_REQUIRED from every gated handler before the handler itself runs', async () => {
    await eraseConsentLog(firm.client);
    const clientId = await h.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('subject', '=', firm.client)
      .executeTakeFirstOrThrow();
    const ctx = {
      db: h.db,
      caller: {
        subject: firm.client,
        user: { id: clientId.id, displayName: clientId.display_name, isAdmin: false, isLawyer: false },
      },
      now: h.now().toISOString(),
      requestId: 'req-gate-walk',
      client: null,
      sourceIp: null,
      membership: { caseId: firm.caseId, role: 'client' },
      config: {} as ActionContext['config'],
    } as ActionContext;
    const before = await snapshot();
    const gated = ACTION_NAMES.filter((name) => actions[name].mutates && isConsentGated(name));
    expect(gated.length).toBeGreaterThan(30);
    for (const name of gated) {
      // An empty input would fail inside any handler that got to run: only the gate can answer this code.
      const run = handlers[name].run as (c: ActionContext, input: unknown) => Promise<unknown>;
      expect({ name, answer: await run(ctx, {}) }).toEqual({
        name,
        answer: { ok: false, error: expect.objectContaining({ code: 'PRIVACY.CONSENT_REQUIRED' }) },
      });
    }
    expect(await snapshot()).toEqual(before);
  });
});
