import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { compressDir } from '../../scripts/compress-h5';
import { readEntryConfig } from '../../server/config';
import { buildHttpServer } from '../../server/http/app';
import { createSession } from '../../server/http/sessions.store';
import { openHarness, setUpFirm, type Harness } from '../fixtures/api-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

async function login(server: FastifyInstance, body: object): Promise<string> {
  const res = await server.inject({ method: 'POST', url: '/api/dev/login', payload: body });
  expect(res.statusCode).toBe(200);
  return res.json().token;
}

function api(server: FastifyInstance, token: string | null, envelope: unknown) {
  return server.inject({
    method: 'POST',
    url: '/api',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: envelope as object,
  });
}

describe('the HTTP entry', () => {
  it('identifies the caller by bearer token and answers the same envelope as the cloud function', async () => {
    const server = await buildHttpServer({ app: h.app, devLogin: true, clock: h.now });
    const token = await login(server, { persona: 'new', name: '陈先生' });
    const res = await api(server, token, { action: 'session.me', payload: {}, requestId: 'req-http-0001' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, data: { displayName: '陈先生', isLawyer: false } });
    const sessions = await h.db.selectFrom('sessions').select('token_hash').execute();
    expect(sessions.map((s) => s.token_hash)).not.toContain(token);
  });

  it('treats a missing, unknown or expired token as unauthenticated', async () => {
    const server = await buildHttpServer({ app: h.app, devLogin: true, clock: h.now });
    const envelope = { action: 'case.list', payload: {}, requestId: 'req-http-0002' };
    expect((await api(server, null, envelope)).json().error.code).toBe('UNAUTHENTICATED');
    expect((await api(server, 'x'.repeat(43), envelope)).json().error.code).toBe('UNAUTHENTICATED');
    const token = await login(server, { persona: 'client' });
    expect((await api(server, token, envelope)).json().ok).toBe(true);
    h.advance(31 * 86400_000);
    expect((await api(server, token, envelope)).json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session on logout', async () => {
    const server = await buildHttpServer({ app: h.app, devLogin: true, clock: h.now });
    const token = await login(server, { persona: 'lawyer' });
    await server.inject({
      method: 'POST',
      url: '/api/session/logout',
      headers: { authorization: `Bearer ${token}` },
    });
    const res = await api(server, token, { action: 'case.list', payload: {}, requestId: 'req-http-0003' });
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers a body that is not JSON with the contract error shape and no stack trace', async () => {
    const server = await buildHttpServer({ app: h.app, devLogin: false });
    const res = await server.inject({
      method: 'POST',
      url: '/api',
      headers: { 'content-type': 'application/json' },
      payload: '{"action": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.any(String) },
    });
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('has no dev login routes unless dev login is on', async () => {
    const server = await buildHttpServer({ app: h.app, devLogin: false });
    expect((await server.inject({ method: 'GET', url: '/api/dev/personas' })).statusCode).toBe(404);
    expect(
      (await server.inject({ method: 'POST', url: '/api/dev/login', payload: { persona: 'admin' } }))
        .statusCode,
    ).toBe(404);
  });

  it('rejects a dev login for a persona that does not exist', async () => {
    const server = await buildHttpServer({ app: h.app, devLogin: true });
    const res = await server.inject({ method: 'POST', url: '/api/dev/login', payload: { persona: 'judge' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('API answers', () => {
  it('go out compressed above 1 KB when the client accepts it, and as they are otherwise', async () => {
    const firm = await setUpFirm(h);
    const lawyer = await h.db
      .selectFrom('users')
      .select('id')
      .where('subject', '=', firm.lawyer)
      .executeTakeFirstOrThrow();
    const { token } = await createSession(h.db, lawyer.id, new Date());
    const server = await buildHttpServer({ app: h.app, devLogin: false });
    let n = 0;
    const call = (action: string, encoding?: string) =>
      server.inject({
        method: 'POST',
        url: '/api',
        headers: { authorization: `Bearer ${token}`, ...(encoding ? { 'accept-encoding': encoding } : {}) },
        payload: { action, payload: {}, requestId: `req-compress-${String(++n).padStart(4, '0')}` },
      });

    // The statement templates: tens of KB of JSON.
    const plain = await call('statement.templates');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toMatchObject({ ok: true });
    expect(plain.rawPayload.length).toBeGreaterThan(10_000);
    const br = await call('statement.templates', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gz = await call('statement.templates', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());

    // A small answer is not worth compressing.
    const me = await call('session.me', 'br, gzip');
    expect(me.rawPayload.length).toBeLessThan(1024);
    expect(me.headers['content-encoding']).toBeUndefined();
  });
});

describe('the H5 build as served', () => {
  /** A small H5 build: the page, one hashed script, one small file; compressed as `npm run build:h5` does. */
  function h5Build(): { dir: string; script: string } {
    const dir = path.join(h.dir, 'h5');
    fs.mkdirSync(path.join(dir, 'js'), { recursive: true });
    const script = `/* ${'律程 casetrail '.repeat(400)} */ console.log('app');`;
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      `<!doctype html><title>律程</title>${'<!-- -->'.repeat(200)}`,
    );
    fs.writeFileSync(path.join(dir, 'js/app.1a2b3c4d.js'), script);
    fs.writeFileSync(path.join(dir, 'js/tiny.0a0b0c0d.js'), 'x');
    const totals = compressDir(dir);
    expect(totals.files).toBe(2); // the tiny file is not worth a compressed copy
    return { dir, script };
  }

  it('sends the pre-compressed copy the browser accepts, with the same content', async () => {
    const { dir, script } = h5Build();
    const server = await buildHttpServer({ app: h.app, devLogin: false, h5Dir: dir });
    const url = '/js/app.1a2b3c4d.js';
    const br = await server.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await server.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await server.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(script);
  });

  it('caches hashed assets for a year as immutable, and revalidates the page itself', async () => {
    const { dir } = h5Build();
    const server = await buildHttpServer({ app: h.app, devLogin: false, h5Dir: dir });
    for (const url of ['/js/app.1a2b3c4d.js', '/js/tiny.0a0b0c0d.js']) {
      const res = await server.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const url of ['/', '/index.html']) {
      const res = await server.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
  });
});

describe('entry configuration', () => {
  it('refuses to start in production with dev login requested, saying why', () => {
    expect(() => readEntryConfig({ NODE_ENV: 'production', CASETRAIL_DEV_LOGIN: '1' })).toThrow(
      /CASETRAIL_DEV_LOGIN.*NODE_ENV=production/,
    );
  });

  it.each(['production', 'PRODUCTION', 'prod', 'staging', 'Production ', 'development2'])(
    'treats NODE_ENV=%j as production: dev login refuses to start',
    (nodeEnv) => {
      expect(() => readEntryConfig({ NODE_ENV: nodeEnv, CASETRAIL_DEV_LOGIN: '1' })).toThrow(
        /Refusing to start: CASETRAIL_DEV_LOGIN.*unset, development or test/,
      );
      expect(readEntryConfig({ NODE_ENV: nodeEnv })).toMatchObject({ production: true, devLogin: false });
    },
  );

  it.each([undefined, '', 'development', 'test'])('allows dev login with NODE_ENV=%j', (nodeEnv) => {
    expect(readEntryConfig({ NODE_ENV: nodeEnv, CASETRAIL_DEV_LOGIN: '1' })).toMatchObject({
      production: false,
      devLogin: true,
    });
  });

  it('listens on loopback unless told otherwise and reads admins as WeChat openids', () => {
    const config = readEntryConfig({ CASETRAIL_ADMIN_OPENIDS: 'o-1, o-2' });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      devLogin: false,
      adminSubjects: ['wx:o-1', 'wx:o-2'],
    });
    expect(() => readEntryConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
