import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildHttpServer } from '../../server/http/app';
import { readHttpSettings } from '../../server/http/http-settings';
import { h5ContentSecurityPolicy, inlineScriptHashes } from '../../server/http/security-headers';
import { openHarness, setUpFirm, type Harness } from '../fixtures/api-harness';
import { overHttp } from '../fixtures/http-harness';
import { publishStatement, statementItemIds } from '../fixtures/statements';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

/** The CSP agreed for the H5 page (docs: README 运维). */
const AGREED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; " +
  "form-action 'self'";

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

function h5Build(inlineScript: string | null): string {
  const dir = path.join(h.dir, 'h5');
  fs.mkdirSync(path.join(dir, 'js'), { recursive: true });
  const script = inlineScript === null ? '' : `<script>${inlineScript}</script>`;
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><title>律程</title>${script}<script defer src="/js/app.1a2b3c4d.js"></script>`,
  );
  fs.writeFileSync(path.join(dir, 'js/app.1a2b3c4d.js'), "console.log('app')");
  return dir;
}

describe('security headers', () => {
  it('sends the agreed CSP, nosniff, frame and referrer policy on the H5 page, keeping its cache rules', async () => {
    const server = await buildHttpServer({ app: h.app, devLogin: false, h5Dir: h5Build(null) });
    const page = await server.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers).toMatchObject({
      ...SECURITY_HEADERS,
      'content-security-policy': AGREED_CSP,
      'cache-control': 'no-cache',
    });
    const script = await server.inject({ url: '/js/app.1a2b3c4d.js' });
    expect(script.headers).toMatchObject({
      ...SECURITY_HEADERS,
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  it('allows exactly the hash of an inline script the build wrote, and no other inline script', async () => {
    const rem = 'document.documentElement.style.fontSize="20px"';
    const dir = h5Build(rem);
    expect(inlineScriptHashes(dir)).toEqual([
      "'sha256-" + createHash('sha256').update(rem).digest('base64') + "'",
    ]);
    const server = await buildHttpServer({ app: h.app, devLogin: false, h5Dir: dir });
    const csp = (await server.inject({ url: '/' })).headers['content-security-policy'];
    expect(csp).toBe(h5ContentSecurityPolicy(inlineScriptHashes(dir)));
    expect(String(csp)).toMatch(
      /^default-src 'self'; script-src 'self' 'sha256-[A-Za-z0-9+/]{43}='; style-src/,
    );
    expect(String(csp)).not.toMatch(/unsafe-inline'.*script|script-src[^;]*unsafe/);
  });

  it('marks every API answer no-store, with a policy that lets nothing load from it', async () => {
    const server = await buildHttpServer({ app: h.app, devLogin: true, h5Dir: h5Build(null) });
    const answers = [
      await server.inject({
        method: 'POST',
        url: '/api',
        payload: { action: 'case.list', payload: {}, requestId: 'req-headers-01' },
      }),
      await server.inject({ method: 'POST', url: '/api/dev/login', payload: { persona: 'client' } }),
      await server.inject({ method: 'POST', url: '/api/session/logout' }),
      await server.inject({ url: '/no-such-file.js' }),
    ];
    for (const res of answers) {
      expect(res.headers).toMatchObject({
        ...SECURITY_HEADERS,
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
      });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('every route answers in the envelope', () => {
  let server: FastifyInstance;
  beforeEach(async () => {
    server = await buildHttpServer({ app: h.app, devLogin: false });
  });
  const expectEnvelope = (
    res: { statusCode: number; body: string; json(): unknown },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({
      ok: false,
      error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) },
    });
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+|Error:|FST_/);
  };

  it('answers an unknown route NOT_FOUND', async () => {
    expectEnvelope(await server.inject({ url: '/nope' }), 404, 'NOT_FOUND');
    expectEnvelope(await server.inject({ method: 'POST', url: '/api/nope', payload: {} }), 404, 'NOT_FOUND');
  });

  it('answers a wrong method NOT_FOUND', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH'] as const)
      expectEnvelope(await server.inject({ method, url: '/api' }), 404, 'NOT_FOUND');
  });

  it('answers a body over the limit 413 INVALID_ARGUMENT, saying so in Chinese', async () => {
    const res = await server.inject({
      method: 'POST',
      url: '/api',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        action: 'case.list',
        payload: { x: 'x'.repeat(300 * 1024) },
        requestId: 'r-12345678',
      }),
    });
    expectEnvelope(res, 413, 'INVALID_ARGUMENT');
    expect(res.json().error.message).toBe('请求内容过大（上限 256 KB）');
  });

  it('answers bad JSON, an empty body, another content type and a broken URL INVALID_ARGUMENT', async () => {
    const post = (payload: string, type = 'application/json') =>
      server.inject({ method: 'POST', url: '/api', headers: { 'content-type': type }, payload });
    expectEnvelope(await post('{"action": '), 400, 'INVALID_ARGUMENT');
    expect((await post('{"action": ')).json().error.message).toBe('请求内容不是有效的 JSON');
    expectEnvelope(await post(''), 400, 'INVALID_ARGUMENT');
    expectEnvelope(
      await post('action=case.list', 'application/x-www-form-urlencoded'),
      415,
      'INVALID_ARGUMENT',
    );
    expectEnvelope(await post('case.list', 'text/plain'), 415, 'INVALID_ARGUMENT');
    const broken = await server.inject({ url: '/%E0%A4%A' });
    expectEnvelope(broken, 400, 'INVALID_ARGUMENT');
    expect(broken.headers).toMatchObject({ ...SECURITY_HEADERS, 'cache-control': 'no-store' });
  });

  it('answers the dev routes NOT_FOUND when dev login is off, and a bad dev login INVALID_ARGUMENT', async () => {
    expectEnvelope(await server.inject({ url: '/api/dev/personas' }), 404, 'NOT_FOUND');
    expectEnvelope(
      await server.inject({ method: 'POST', url: '/api/dev/login', payload: { persona: 'admin' } }),
      404,
      'NOT_FOUND',
    );
    const dev = await buildHttpServer({ app: h.app, devLogin: true });
    expectEnvelope(
      await dev.inject({ method: 'POST', url: '/api/dev/login', payload: { persona: 'judge' } }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('answers a failure INTERNAL without its message or stack', async () => {
    const broken = { ...h.app, handle: async () => Promise.reject(new Error('secret detail 李女士')) };
    const failing = await buildHttpServer({ app: broken, devLogin: false });
    const res = await failing.inject({ method: 'POST', url: '/api', payload: { action: 'case.list' } });
    expectEnvelope(res, 500, 'INTERNAL');
    expect(res.body).not.toContain('李女士');
  });
});

/** Opens a raw socket, sends `text`, resolves with what came back and when the server closed it. */
function halfRequest(port: number, text: string): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let answer = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve({ answer, closedAfterMs: Date.now() - started }));
  });
}

describe('timeouts', () => {
  const timeouts = { requestMs: 600, keepAliveMs: 300 };

  it('closes 50 connections that sent half a body within the request timeout, answering others meanwhile', async () => {
    const server = await buildHttpServer({ app: h.app, devLogin: false, timeouts });
    await server.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = server.server.address() as AddressInfo;
      const half =
        'POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n' +
        '{"action":"case.list","payload":{"x":"' +
        'x'.repeat(900);
      const stalled = Array.from({ length: 50 }, () => halfRequest(port, half));
      // Headers that never end are cut off the same way.
      const slowHeaders = halfRequest(port, 'POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1');

      await new Promise((r) => setTimeout(r, 100));
      const started = Date.now();
      const normal = await fetch(`http://127.0.0.1:${port}/api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'case.list', payload: {}, requestId: 'req-timeout-01' }),
      });
      // Answered while 50 connections stall (generous: the machine is shared; a blocked server would take seconds).
      expect(Date.now() - started).toBeLessThan(5 * timeouts.requestMs);
      expect(await normal.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

      const closed = await Promise.all(stalled);
      for (const c of closed) {
        // Node checks deadlines every requestMs / 4: closed after the timeout (the upper bound is loose, for a
        // shared machine: without the timeout the socket would stay open until the test's own timeout).
        expect(c.closedAfterMs).toBeGreaterThanOrEqual(timeouts.requestMs - 50);
        expect(c.closedAfterMs).toBeLessThan(timeouts.requestMs + 3000);
        expect(c.answer).toMatch(/^HTTP\/1\.1 408 /);
        const body = JSON.parse(c.answer.split('\r\n\r\n')[1]);
        expect(body).toEqual({
          ok: false,
          error: { code: 'INVALID_ARGUMENT', message: '请求未在限定时间内发送完毕，请重试' },
        });
        expect(c.answer).toMatch(/x-content-type-options: nosniff/);
      }
      const headersCut = await slowHeaders;
      expect(headersCut.closedAfterMs).toBeLessThan(timeouts.requestMs + 3000);
      expect(headersCut.answer).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await server.close();
    }
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const server = await buildHttpServer({ app: h.app, devLogin: false, timeouts });
    await server.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = server.server.address() as AddressInfo;
      const done = await halfRequest(port, 'GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      expect(done.answer).toMatch(/^HTTP\/1\.1 404 /);
      expect(done.closedAfterMs).toBeGreaterThanOrEqual(timeouts.keepAliveMs - 50);
      // Node allows a keep-alive socket up to a second past the timeout before it closes it.
      expect(done.closedAfterMs).toBeLessThan(timeouts.keepAliveMs + 3000);
    } finally {
      await server.close();
    }
  });

  it('reads its timeouts and log level from the environment, refusing nonsense', () => {
    expect(readHttpSettings({})).toEqual({
      timeouts: { requestMs: 15_000, keepAliveMs: 5_000 },
      logLevel: 'info',
    });
    expect(
      readHttpSettings({
        CASETRAIL_REQUEST_TIMEOUT_MS: '8000',
        CASETRAIL_KEEPALIVE_TIMEOUT_MS: '65000',
        CASETRAIL_LOG_LEVEL: 'warn',
      }),
    ).toEqual({ timeouts: { requestMs: 8000, keepAliveMs: 65_000 }, logLevel: 'warn' });
    expect(() => readHttpSettings({ CASETRAIL_REQUEST_TIMEOUT_MS: '0' })).toThrow(
      /CASETRAIL_REQUEST_TIMEOUT_MS/,
    );
    expect(() => readHttpSettings({ CASETRAIL_LOG_LEVEL: 'loud' })).toThrow(/CASETRAIL_LOG_LEVEL/);
  });
});

describe('the address recorded as evidence', () => {
  /** A client acknowledges a statement over HTTP from `remoteAddress`; returns the ip stored on the receipt row. */
  async function acknowledgeFrom(trustedProxies: string[], remoteAddress: string, forwardedFor: string) {
    const firm = await setUpFirm(h);
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const server = await buildHttpServer({ app: h.app, devLogin: false, trustedProxies, clock: h.now });
    const http = overHttp(h, server);
    const token = (await http.ok(firm.client, 'session.me', {}), http.tokens.get(firm.client)!);
    const res = await server.inject({
      method: 'POST',
      url: '/api',
      remoteAddress,
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': forwardedFor },
      payload: {
        action: 'statement.acknowledge',
        payload: { statementId: statement.id, versionNo: 1, itemIds: statementItemIds(statement) },
        requestId: 'req-ip-000001',
      },
    });
    expect(res.json()).toMatchObject({ ok: true });
    const row = await h.db
      .selectFrom('record_responses')
      .select('source_ip')
      .where('record_id', '=', statement.id)
      .executeTakeFirstOrThrow();
    return row.source_ip;
  }

  it('is the socket peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', async () => {
    expect(await acknowledgeFrom([], '203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
  });

  it('is the peer also when proxies are trusted but this peer is not one of them', async () => {
    expect(await acknowledgeFrom(['10.0.0.0/8'], '203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
  });

  it('is the forwarded client address when the peer is a trusted proxy', async () => {
    expect(await acknowledgeFrom(['10.0.0.0/8'], '10.1.2.3', '198.51.100.7')).toBe('198.51.100.7');
  });

  it('skips only trusted hops of a forwarded chain: a client cannot plant an address', async () => {
    // The client sent "X-Forwarded-For: 1.2.3.4" itself; the trusted proxy appended the address it saw.
    expect(await acknowledgeFrom(['10.0.0.0/8'], '10.1.2.3', '1.2.3.4, 198.51.100.7')).toBe('198.51.100.7');
  });
});
