import { randomUUID } from 'node:crypto';
import type { ActionInput, ActionName } from '../../contract/index';
import type { ApiError } from '../../contract/errors';
import type { ApiResponse } from '../../contract/envelope';
import { createCasetrail } from '../../server/casetrail';
import {
  RATE_LIMITS,
  rateLimitedMessage,
  type ActionLimits,
  type RateLimitedAction,
  type RateWindow,
} from '../../server/core/rate-limit';
import { openSqlite, sqliteFileIn } from '../../server/platform/database';
import { DEMO_NOTIFY } from '../../server/notifications/notify-config';
import { openCase, openHarness, setUpFirm, type Harness } from '../fixtures/api-harness';
import { sampleRequest } from '../fixtures/requests';
import { publishStatement, statementItemIds } from '../fixtures/statements';

jest.setTimeout(120_000);

const HOME = '198.51.100.10';
const ELSEWHERE = '203.0.113.20';

function callAt<A extends ActionName>(
  h: Harness,
  subject: string,
  ip: string,
  action: A,
  payload: ActionInput<A>,
  requestId = `req-${randomUUID()}`,
): Promise<ApiResponse<unknown>> {
  const envelope = { action, payload, requestId };
  return h.withConsentOnFirstWrite(subject, envelope, () =>
    h.app.handle(envelope, { subject, sourceIp: ip }),
  );
}

function refused(res: ApiResponse<unknown>): ApiError {
  if (res.ok || res.error.code !== 'RATE_LIMITED')
    throw new Error(`expected RATE_LIMITED, got ${JSON.stringify(res).slice(0, 200)}`);
  return res.error;
}

function expectOk(res: ApiResponse<unknown>): void {
  if (!res.ok) throw new Error(`expected success, got ${res.error.code}`);
}

function notLimited(res: ApiResponse<unknown>): void {
  if (!res.ok && res.error.code === 'RATE_LIMITED') throw new Error('unexpectedly rate limited');
}

/**
 * How to make counted attempts of one limited action: `attempt` may fail for the action's own reasons (a wrong
 * code, a reminder sent recently, a stranger) — it still counts; `succeed` prepares what a real success needs
 * (through unlimited actions) and then calls the action, which must answer ok.
 */
interface Scenario {
  accounts: [string, string];
  attempt(subject: string, ip: string): Promise<ApiResponse<unknown>>;
  succeed(subject: string, ip: string): Promise<ApiResponse<unknown>>;
}

type Build = (h: Harness) => Promise<Scenario>;

const wrongCode = () => `WRNG-${randomUUID().slice(0, 4).toUpperCase()}-0000-0000`;

const inviteCodeScenario = (action: 'invite.redeem' | 'invite.preview'): Build => {
  return async (h) => {
    const firm = await setUpFirm(h);
    return {
      accounts: ['wx:o-guesser-a', 'wx:o-guesser-b'],
      attempt: (subject, ip) => callAt(h, subject, ip, action, { code: wrongCode() }),
      async succeed(subject, ip) {
        const opened = await openCase(h, firm.lawyer, '新的案件');
        const invite = await h.ok(firm.lawyer, 'invite.createClient', {
          caseId: opened.id,
          clientName: null,
        });
        return callAt(h, subject, ip, action, { code: invite.code });
      },
    };
  };
};

const SCENARIOS: Record<RateLimitedAction, Build> = {
  'invite.redeem': inviteCodeScenario('invite.redeem'),
  'invite.preview': inviteCodeScenario('invite.preview'),
  'request.create': async (h) => {
    const a = await setUpFirm(h, 'a');
    const b = await setUpFirm(h, 'b');
    const caseOf = { [a.client]: a.caseId, [b.client]: b.caseId };
    const write = (subject: string, ip: string) =>
      callAt(h, subject, ip, 'request.create', { caseId: caseOf[subject] ?? a.caseId, ...sampleRequest });
    return { accounts: [a.client, b.client], attempt: write, succeed: write };
  },
  'statement.ask': async (h) => {
    const a = await setUpFirm(h, 'a');
    const b = await setUpFirm(h, 'b');
    const statements = {
      [a.client]: await publishStatement(h, a.lawyer, a.caseId),
      [b.client]: await publishStatement(h, b.lawyer, b.caseId),
    };
    const ask = (subject: string, ip: string) => {
      const s = statements[subject] ?? statements[a.client];
      return callAt(h, subject, ip, 'statement.ask', {
        statementId: s.id,
        versionNo: 1,
        itemId: statementItemIds(s)[0],
        question: '这一条是什么意思？',
      });
    };
    return { accounts: [a.client, b.client], attempt: ask, succeed: ask };
  },
  'statement.remind': async (h) => {
    const a = await setUpFirm(h, 'a');
    const b = await setUpFirm(h, 'b');
    const firms = { [a.lawyer]: a, [b.lawyer]: b };
    const clientId = { [a.lawyer]: '', [b.lawyer]: '' };
    for (const f of [a, b]) clientId[f.lawyer] = (await h.ok(f.client, 'session.me', {})).userId;
    const first = await publishStatement(h, a.lawyer, a.caseId);
    const remind = async (subject: string, ip: string, statementId: string) =>
      callAt(h, subject, ip, 'statement.remind', {
        statementId,
        clientUserId: clientId[subject] ?? clientId[a.lawyer],
      });
    return {
      accounts: [a.lawyer, b.lawyer],
      // After the first, each answers STATEMENT.REMINDED_RECENTLY (or NOT_FOUND): attempts all the same.
      attempt: (subject, ip) => remind(subject, ip, first.id),
      async succeed(subject, ip) {
        const f = firms[subject];
        const fresh = await publishStatement(h, f.lawyer, f.caseId);
        return remind(subject, ip, fresh.id);
      },
    };
  },
};

let h: Harness;
let opened: Harness | null = null;
afterEach(async () => {
  // Each harness closes once (the last tests open none).
  await opened?.close();
  opened = null;
});

/** Seconds from the harness's clock to the end of the window of `w` it is in. */
function secondsLeft(w: RateWindow): number {
  const at = h.now().getTime();
  const end = (Math.floor(at / (w.seconds * 1000)) + 1) * w.seconds * 1000;
  return (end - at) / 1000;
}

/**
 * Uses up `w` for one account: attempts in chunks that stay under every shorter window of the same kind, moving
 * the clock past those windows between chunks, so only `w` is full when the next attempt comes.
 */
async function fill(windows: readonly RateWindow[], w: RateWindow, attempt: () => Promise<unknown>) {
  const shorter = windows.filter((o) => o.seconds < w.seconds);
  const chunk = Math.min(w.max, ...shorter.map((o) => o.max));
  const pause = Math.max(0, ...shorter.map((o) => o.seconds));
  for (let done = 0; done < w.max;) {
    const n = Math.min(chunk, w.max - done);
    for (let i = 0; i < n; i++) await attempt();
    done += n;
    if (pause) h.advance(pause * 1000);
  }
}

const cases = (Object.entries(RATE_LIMITS) as [RateLimitedAction, ActionLimits][]).flatMap(
  ([action, limits]) => [
    ...limits.account.map((w) => ({ action, limits, kind: 'account' as const, w })),
    ...limits.address.map((w) => ({ action, limits, kind: 'address' as const, w })),
  ],
);

describe.each(cases)('$action: $w.max per $w.seconds s per $kind', ({ action, limits, kind, w }) => {
  it('refuses the next attempt with when to retry, changing nothing; lets it through once the window passes', async () => {
    opened = h = await openHarness();
    const s = await SCENARIOS[action](h);
    const [a, b] = s.accounts;
    if (kind === 'account') {
      await fill(limits.account, w, () => s.attempt(a, HOME));
    } else {
      // Many accounts behind one address, each far under its own limit.
      let n = 0;
      await fill(limits.address, w, () => s.attempt(`wx:o-crowd-${n++}`, HOME));
    }
    const before = await h.counts();
    const wait = secondsLeft(w);
    const error = refused(await s.attempt(a, HOME));
    expect(error.retryAfterSeconds).toBe(Math.ceil(wait));
    expect(error.message).toBe(rateLimitedMessage(wait));
    expect(error.message).toMatch(/^操作过于频繁，请 \d+ (秒|分钟|小时)后再试$/);
    expect(await h.counts()).toEqual(before);
    // Refused even when it would otherwise have succeeded.
    refused(await s.succeed(a, HOME));

    if (kind === 'account') {
      // Another account is not affected, from the same address.
      expectOk(await s.succeed(b, HOME));
    } else {
      // The same account from another address is not affected.
      expectOk(await s.succeed(a, ELSEWHERE));
    }

    h.advance(wait * 1000);
    expectOk(await s.succeed(a, HOME));
  });
});

describe('what is counted', () => {
  it('counts wrong invite codes although each failed redeem rolls back, per account across addresses', async () => {
    opened = h = await openHarness();
    const guesser = 'wx:o-guesser';
    const [quarter] = RATE_LIMITS['invite.redeem'].account;
    for (let i = 0; i < quarter.max; i++) {
      const res = await callAt(h, guesser, `192.0.2.${i + 1}`, 'invite.redeem', { code: wrongCode() });
      expect(res.ok ? 'ok' : res.error.code).toBe('INVITE.NOT_FOUND');
    }
    refused(await callAt(h, guesser, '192.0.2.200', 'invite.redeem', { code: wrongCode() }));
  });

  it('counts a preview and a redeem of invite codes together', async () => {
    opened = h = await openHarness();
    const [quarter] = RATE_LIMITS['invite.redeem'].account;
    for (let i = 0; i < quarter.max; i++) {
      const action = i % 2 ? 'invite.preview' : 'invite.redeem';
      notLimited(await callAt(h, 'wx:o-guesser', HOME, action, { code: wrongCode() }));
    }
    refused(await callAt(h, 'wx:o-guesser', HOME, 'invite.preview', { code: wrongCode() }));
  });

  it('answers a retry of a request that went through with its first answer, even at the limit', async () => {
    opened = h = await openHarness();
    const firm = await setUpFirm(h);
    const [hour] = RATE_LIMITS['request.create'].account;
    const payload = { caseId: firm.caseId, ...sampleRequest };
    const first = await callAt(h, firm.client, HOME, 'request.create', payload, 'req-retried-0001');
    expectOk(first);
    for (let i = 1; i < hour.max; i++)
      expectOk(await callAt(h, firm.client, HOME, 'request.create', payload));
    refused(await callAt(h, firm.client, HOME, 'request.create', payload));
    expect(await callAt(h, firm.client, HOME, 'request.create', payload, 'req-retried-0001')).toEqual(first);
  });

  it('counts across instances sharing one database (two processes, or two cloud-function instances)', async () => {
    opened = h = await openHarness({ engine: 'sqlite' });
    const second = await openSqlite(sqliteFileIn(h.dir));
    try {
      const other = await createCasetrail({
        db: second,
        clock: () => h.now(),
        logError: () => undefined,
        config: { notify: DEMO_NOTIFY },
      });
      const [quarter] = RATE_LIMITS['invite.redeem'].account;
      for (let i = 0; i < quarter.max; i++) {
        const app = i % 2 ? other : h.app;
        const res = await app.handle(
          { action: 'invite.redeem', payload: { code: wrongCode() }, requestId: `req-${randomUUID()}` },
          { subject: 'wx:o-guesser', sourceIp: HOME },
        );
        notLimited(res);
      }
      refused(
        await other.handle(
          { action: 'invite.redeem', payload: { code: wrongCode() }, requestId: `req-${randomUUID()}` },
          { subject: 'wx:o-guesser', sourceIp: null },
        ),
      );
    } finally {
      await second.destroy();
    }
  });

  it('leaves actions outside the table unlimited', async () => {
    opened = h = await openHarness();
    for (let i = 0; i < 80; i++) expectOk(await callAt(h, 'wx:o-reader', HOME, 'session.me', {}));
  });
});

describe('rateLimitedMessage', () => {
  it('says when in seconds, minutes or hours', () => {
    expect(rateLimitedMessage(42)).toBe('操作过于频繁，请 42 秒后再试');
    expect(rateLimitedMessage(900)).toBe('操作过于频繁，请 15 分钟后再试');
    expect(rateLimitedMessage(61)).toBe('操作过于频繁，请 2 分钟后再试');
    expect(rateLimitedMessage(7200)).toBe('操作过于频繁，请 2 小时后再试');
    expect(rateLimitedMessage(23 * 3600 + 1)).toBe('操作过于频繁，请 24 小时后再试');
  });
});
