import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createCloudMain } from '../../server/cloud/cloud-main';
import { buildHttpServer } from '../../server/http/app';
import { createSession } from '../../server/http/sessions.store';
import { IDEMPOTENCY_RETENTION_DAYS, pruneExpired, startPruning } from '../../server/platform/prune';
import { ensureUser } from '../../server/session/users.store';
import { openHarness, setUpFirm, type Harness } from '../fixtures/api-harness';
import { sampleRequest } from '../fixtures/requests';

jest.setTimeout(60_000);

const DAY = 86400_000;

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ engine: 'sqlite' });
});
afterEach(() => h.close());

/**
 * Rows on both sides of every retention, relative to `now`: a session expired a minute ago and one live for a
 * minute more; stored answers a minute past and a minute short of the retention; a rate-limit window ended a
 * minute ago and one still open.
 */
async function seedAroundRetention(now: Date) {
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const user = await ensureUser(h.db, 'wx:o-prune', at(-40 * DAY), '周先生');
  const session = (hash: string, expiresAt: string) => ({
    token_hash: hash,
    user_id: user.id,
    created_at: at(-30 * DAY),
    expires_at: expiresAt,
  });
  await h.db
    .insertInto('sessions')
    .values([session('expired'.padEnd(64, '0'), at(-60_000)), session('live'.padEnd(64, '0'), at(60_000))])
    .execute();
  const retention = IDEMPOTENCY_RETENTION_DAYS * DAY;
  const answer = (requestId: string, createdAt: string) => ({
    subject: 'wx:o-prune',
    request_id: requestId,
    action: 'request.create',
    payload_hash: 'x'.repeat(64),
    response: '{}',
    created_at: createdAt,
  });
  await h.db
    .insertInto('idempotency')
    .values([
      answer('req-old-00001', at(-retention - 60_000)),
      answer('req-new-00001', at(-retention + 60_000)),
    ])
    .execute();
  const counter = (windowStart: string, expiresAt: string) => ({
    rule: 'invite.code:account:900',
    key_hash: 'k'.repeat(64),
    window_start: windowStart,
    expires_at: expiresAt,
    hits: 3,
  });
  await h.db
    .insertInto('rate_limit_hits')
    .values([counter(at(-960_000), at(-60_000)), counter(at(-60_000), at(840_000))])
    .execute();
}

async function left() {
  const [sessions, idempotency, counters] = await Promise.all([
    h.db.selectFrom('sessions').select('token_hash').execute(),
    h.db.selectFrom('idempotency').select('request_id').where('subject', '=', 'wx:o-prune').execute(),
    h.db.selectFrom('rate_limit_hits').select('expires_at').execute(),
  ]);
  return {
    sessions: sessions.map((s) => s.token_hash.replace(/0+$/, '')).sort(),
    idempotency: idempotency.map((r) => r.request_id).sort(),
    counters: counters.length,
  };
}

const KEPT = { sessions: ['live'], idempotency: ['req-new-00001'], counters: 1 };

describe('pruning', () => {
  it('deletes expired sessions, answers past the retention and finished windows, and keeps the rest', async () => {
    await seedAroundRetention(h.now());
    expect(await pruneExpired(h.db, h.now())).toEqual({ sessions: 1, idempotency: 1, rateLimits: 1 });
    expect(await left()).toEqual(KEPT);
    expect(await pruneExpired(h.db, h.now())).toEqual({ sessions: 0, idempotency: 0, rateLimits: 0 });
  });

  it('keeps a request answerable by its first answer for the whole retention', async () => {
    const firm = await setUpFirm(h);
    const envelope = {
      action: 'request.create',
      payload: { caseId: firm.caseId, ...sampleRequest },
      requestId: 'req-kept-00001',
    };
    const first = await h.send(firm.client, envelope);
    expect(first.ok).toBe(true);
    h.advance(IDEMPOTENCY_RETENTION_DAYS * DAY - 60_000);
    await pruneExpired(h.db, h.now());
    expect(await h.send(firm.client, envelope)).toEqual(first);
    expect((await h.ok(firm.client, 'request.list', { caseId: firm.caseId })).requests).toHaveLength(1);
  });

  it('runs from `tsx server/cli.ts prune` on the SQLite file', async () => {
    await seedAroundRetention(new Date());
    const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'server/cli.ts', 'prune'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, CASETRAIL_DATA_DIR: h.dir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /pruned 1 expired session\(s\), 1 stored answer\(s\) older than 7 days, 1 finished/,
    );
    expect(await left()).toEqual(KEPT);
  });

  it("runs from the cloud function's prune timer, and never for a user's call", async () => {
    await seedAroundRetention(h.now());
    const platform = (OPENID?: string) => ({
      getWXContext: () => (OPENID ? { OPENID } : {}),
      subscribeMessage: { send: async () => ({ errCode: 0, errMsg: 'ok' }) },
    });
    const event = { Type: 'Timer', TriggerName: 'prune' };
    const asUser = createCloudMain(platform('o-someone'), async () => h.app, { clock: h.now });
    expect(await asUser(event)).toMatchObject({ ok: false });
    expect((await left()).sessions).toEqual(['expired', 'live']);
    const timer = createCloudMain(platform(), async () => h.app, { clock: h.now });
    expect(await timer(event)).toEqual({ ok: true, data: { sessions: 1, idempotency: 1, rateLimits: 1 } });
    expect(await left()).toEqual(KEPT);
  });

  it('runs as soon as the HTTP entry starts its timer (then every hour)', async () => {
    await seedAroundRetention(h.now());
    const logged: string[] = [];
    const stop = startPruning(h.db, h.now, (m) => logged.push(m));
    try {
      for (let i = 0; i < 50 && logged.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(logged).toEqual([expect.stringMatching(/^pruned 1 expired session/)]);
      expect(await left()).toEqual(KEPT);
    } finally {
      stop();
    }
  });
});

describe('退出所有设备 (session.signOutEverywhere)', () => {
  const api = (server: FastifyInstance, token: string, action: string) =>
    server.inject({
      method: 'POST',
      url: '/api',
      headers: { authorization: `Bearer ${token}` },
      payload: { action, payload: {}, requestId: `req-${Math.random().toString(36).slice(2, 12)}` },
    });
  const outcome = async (server: FastifyInstance, token: string) => {
    const body = (await api(server, token, 'case.list')).json();
    return body.ok ? 'ok' : body.error.code;
  };

  it("ends every session of the caller, this one included, and no one else's", async () => {
    const server = await buildHttpServer({ app: h.app, devLogin: false, clock: h.now });
    const person = await ensureUser(h.db, 'wx:o-two-devices', h.now().toISOString(), '孙女士');
    const other = await ensureUser(h.db, 'wx:o-someone-else', h.now().toISOString(), '钱先生');
    const phone = (await createSession(h.db, person.id, h.now())).token;
    const laptop = (await createSession(h.db, person.id, h.now())).token;
    const theirs = (await createSession(h.db, other.id, h.now())).token;
    for (const token of [phone, laptop, theirs]) expect(await outcome(server, token)).toBe('ok');

    const res = (await api(server, laptop, 'session.signOutEverywhere')).json();
    expect(res).toEqual({ ok: true, data: { sessionsEnded: 2 } });
    expect(await outcome(server, phone)).toBe('UNAUTHENTICATED');
    expect(await outcome(server, laptop)).toBe('UNAUTHENTICATED');
    expect(await outcome(server, theirs)).toBe('ok');
  });

  it('answers 0 for a WeChat user, whom the platform identifies without a session', async () => {
    const firm = await setUpFirm(h);
    expect(await h.ok(firm.client, 'session.signOutEverywhere', {})).toEqual({ sessionsEnded: 0 });
  });
});
