import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createCasetrail } from '../../server/casetrail';
import { buildHttpServer } from '../../server/http/app';
import { createSession } from '../../server/http/sessions.store';
import { openSqlite, sqliteFileIn, type Db } from '../../server/platform/database';
import { ensureUser } from '../../server/session/users.store';
import { openHarness, type Harness } from '../fixtures/api-harness';

jest.setTimeout(60_000);

let h: Harness;
const opened: Db[] = [];
beforeEach(async () => {
  h = await openHarness({ engine: 'sqlite' });
});
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
  await h.close();
});

/** A server started again on the same SQLite file, as a restart would, with or without dev login. */
async function restart(devLogin: boolean): Promise<FastifyInstance> {
  const db = await openSqlite(sqliteFileIn(h.dir));
  opened.push(db);
  const app = await createCasetrail({ db, clock: h.now, logError: () => undefined });
  return buildHttpServer({ app, devLogin, clock: h.now });
}

async function login(server: FastifyInstance, body: object): Promise<string> {
  const res = await server.inject({ method: 'POST', url: '/api/dev/login', payload: body });
  expect(res.statusCode).toBe(200);
  return res.json().token;
}

async function me(server: FastifyInstance, token: string): Promise<string> {
  const res = await server.inject({
    method: 'POST',
    url: '/api',
    headers: { authorization: `Bearer ${token}` },
    payload: {
      action: 'session.me',
      payload: {},
      requestId: `req-me-${Math.random().toString(36).slice(2)}`,
    },
  });
  const body = res.json();
  return body.ok ? 'ok' : body.error.code;
}

describe('identities made by dev login', () => {
  it('stop working when the server is started again without dev login, and work again in dev mode', async () => {
    const demo = await restart(true);
    const persona = await login(demo, { persona: 'lawyer' });
    const made = await login(demo, { persona: 'new', name: '陈先生' });
    expect(await me(demo, persona)).toBe('ok');
    expect(await me(demo, made)).toBe('ok');

    const production = await restart(false);
    expect(await me(production, persona)).toBe('UNAUTHENTICATED');
    expect(await me(production, made)).toBe('UNAUTHENTICATED');
    // The dev login routes are not there to make new ones.
    const res = await production.inject({
      method: 'POST',
      url: '/api/dev/login',
      payload: { persona: 'admin' },
    });
    expect(res.statusCode).toBe(404);

    // The sessions themselves were not touched: a demo started again still has them.
    expect(await me(await restart(true), persona)).toBe('ok');
  });

  it('leaves sessions of other identities working without dev login', async () => {
    const user = await ensureUser(h.db, 'wx:o-real-person', h.now().toISOString(), '赵女士');
    const { token } = await createSession(h.db, user.id, h.now());
    expect(await me(await restart(false), token)).toBe('ok');
  });
});

describe('npm start (scripts/start.ts)', () => {
  const root = path.resolve(__dirname, '../..');
  const start = (nodeEnv: string) =>
    spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/start.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: nodeEnv, CASETRAIL_DATA_DIR: h.dir } as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it.each(['production', 'PRODUCTION', 'prod', 'staging'])(
    'refuses NODE_ENV=%s by the entry configuration rule, before building or starting anything',
    (nodeEnv) => {
      const run = start(nodeEnv);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/Refusing to start: CASETRAIL_DEV_LOGIN is set while NODE_ENV=/);
      expect(run.stdout).not.toMatch(/Building|listening/);
    },
  );
});
