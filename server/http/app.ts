import fs from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type http from 'node:http';
import { z } from 'zod';
import { actions, type ActionName } from '../../contract/index';
import { isMutating } from '../../contract/mutating-actions';
import { apiError, type ApiError, type ErrorCode } from '../../contract/errors';
import type { ApiResponse } from '../../contract/envelope';
import type { Casetrail } from '../casetrail';
import { PERSONAS } from '../seed/personas';
import { DEFAULT_DISPLAY_NAME, ensureUser } from '../session/users.store';
import { LIMITS } from '../../contract/limits';
import { requiredText } from '../../contract/fields';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import zlib from 'node:zlib';
import { createSession, deleteSession, subjectForToken } from './sessions.store';
import { DEFAULT_TIMEOUTS, timedHttpServer, type HttpTimeouts, type LogLevel } from './http-settings';
import {
  API_CONTENT_SECURITY_POLICY,
  COMMON_SECURITY_HEADERS,
  h5ContentSecurityPolicy,
  inlineScriptHashes,
} from './security-headers';

export interface HttpOptions {
  app: Casetrail;
  /** Dev login routes exist only when true; the entry refuses it in production. */
  devLogin: boolean;
  /** Folder of the H5 build to serve at `/`, if present. */
  h5Dir?: string;
  clock?: () => Date;
  /**
   * The request log: one JSON line per request (request id, route, action, outcome code, status, latency) — never
   * a body, a name, a token, a code or an address. Absent: no log.
   */
  log?: { level?: LogLevel; stream?: { write(line: string): void } };
  /**
   * Addresses or CIDR ranges of reverse proxies (CASETRAIL_TRUSTED_PROXIES). Only when the socket's peer is one of
   * them is X-Forwarded-For believed: the forwarded client address is then the one recorded as evidence.
   */
  trustedProxies?: string[];
  timeouts?: HttpTimeouts;
}

const devLoginBody = z.union([
  z.object({ persona: z.enum(['admin', 'lawyer', 'client']) }),
  z.object({ persona: z.literal('new'), name: requiredText(LIMITS.personName) }),
]);

const BODY_LIMIT = 256 * 1024;

/** `fatal: true`: a malformed byte sequence throws instead of becoming U+FFFD. A leading BOM is dropped. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A request body whose bytes are not valid UTF-8; answered 400 with the contract's envelope. */
class InvalidUtf8Body extends Error {
  readonly statusCode = 400;
  readonly apiError = apiError('INVALID_ARGUMENT', [{ path: '', message: '请求内容不是有效的 UTF-8 编码' }]);
  constructor() {
    super('request body is not valid UTF-8');
  }
}

/** A file whose name carries its content hash (`app.1a2b3c4d.js`) never changes: cache it for a year. */
const HASHED_ASSET = /\.[0-9a-f]{8}\.(js|css)(\.br|\.gz)?$/;

/** Hashed assets are immutable; everything else (index.html) is revalidated, so a new build shows at once. */
export function cacheControlFor(file: string): string {
  return HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header) : null;
  return match ? match[1] : null;
}

/** `POST /api/batch`: up to 10 envelopes (the boot script sends at most 7). */
export const BATCH_MAX = 10;
const batchBody = z.object({ requests: z.array(z.unknown()).min(1).max(BATCH_MAX) }).strict();
const BATCH_READS_ONLY = '批量请求只能包含读取操作，写入请逐条发送';

/** What the request log says of one request: the action (a name the contract knows) and its outcome code. */
interface Outcome {
  action: string | null;
  code: ErrorCode | 'ok';
}

/** The action an envelope names, for the log: only a name the contract knows, never what a client made up. */
function actionOf(body: unknown): string | null {
  const action =
    typeof body === 'object' && body !== null ? (body as { action?: unknown }).action : undefined;
  if (action === undefined) return null;
  return typeof action === 'string' && Object.prototype.hasOwnProperty.call(actions, action) ? action : '?';
}

/** The envelope for a request the framework refused before any route ran (never a stack trace). */
function refusal(error: { statusCode?: number; code?: string }): { status: number; error: ApiError } {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (error instanceof InvalidUtf8Body) return { status, error: error.apiError };
  const invalid = (message: string) => ({ status, error: apiError('INVALID_ARGUMENT', undefined, message) });
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return invalid(`请求内容过大（上限 ${BODY_LIMIT / 1024} KB）`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return invalid('请求内容类型应为 application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalid('请求内容为空');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalid('请求内容不是有效的 JSON');
    case 'FST_ERR_BAD_URL':
      return invalid('请求地址无效');
  }
  if (status === 404) return { status, error: apiError('NOT_FOUND') };
  if (status === 408) return invalid('请求未在限定时间内发送完毕，请重试');
  if (status < 500) return { status, error: apiError('INVALID_ARGUMENT') };
  return { status, error: apiError('INTERNAL') };
}

/** The headers of every answer that is not an H5 file. */
const API_HEADERS = {
  ...COMMON_SECURITY_HEADERS,
  'content-security-policy': API_CONTENT_SECURITY_POLICY,
  'cache-control': 'no-store',
};

/** HTTP/1.1 reasons for the statuses a connection-level refusal can carry. */
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/** The HTTP entry: `POST /api` with the same envelope as the cloud function, bearer-token identity. */
export async function buildHttpServer(options: HttpOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? (() => new Date());
  const { db } = options.app;
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const outcomes = new WeakMap<FastifyRequest, Outcome>();
  const h5Dir =
    options.h5Dir && fs.existsSync(path.join(options.h5Dir, 'index.html')) ? options.h5Dir : undefined;
  const h5Policy = h5ContentSecurityPolicy(h5Dir ? inlineScriptHashes(h5Dir) : []);

  const settings: FastifyServerOptions<http.Server> = {
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustedProxies?.length ? options.trustedProxies : false,
    serverFactory: (handler) => timedHttpServer(timeouts, handler),
    genReqId: () => randomUUID(),
    // One line per request, written below from what the request did; Fastify's own lines carry the URL.
    logController: new LogController({ disableRequestLogging: true }),
    logger: options.log
      ? {
          level: options.log.level ?? 'info',
          ...(options.log.stream ? { stream: options.log.stream } : {}),
          timestamp: () => `,"time":"${new Date().toISOString()}"`,
          // Whatever Fastify itself logs about a request says which one, not who sent it or what.
          serializers: { req: (req: { id?: string }) => ({ id: req.id }), err: errorSummary },
        }
      : false,
    // A connection that breaks HTTP itself (half a request past the deadline, oversized headers, bad framing) gets
    // the envelope too, written straight to the socket since there is no request to answer through.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: Socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const status =
        error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      server.log.info(
        { status, outcome: 'INVALID_ARGUMENT', reason: error.code ?? 'client error' },
        'connection',
      );
      const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
      if (socket.writable && !inFlight?.headersSent) {
        const body = JSON.stringify({ ok: false, error: refusal({ statusCode: status }).error });
        const headers = {
          ...API_HEADERS,
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(body)),
          connection: 'close',
        };
        const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
        socket.write(`HTTP/1.1 ${status} ${REASONS[status]}\r\n${head.join('')}\r\n${body}`);
      }
      socket.destroy();
    },
    // A URL the router cannot even read: no hook runs for it, so its headers and log line are written here.
    frameworkErrors: (error, request, reply) => {
      const answer = refusal(error);
      request.log.info(
        { method: request.method, status: answer.status, outcome: answer.error.code },
        'request',
      );
      void (reply as FastifyReply)
        .headers({ ...API_HEADERS, 'x-request-id': request.id })
        .status(answer.status)
        .send({ ok: false, error: answer.error });
    },
  };
  const server = Fastify(settings);

  // Every answer carries the security headers; the H5 files their page's policy, everything else (API answers,
  // refusals) a policy that allows nothing, and no-store: an answer may hold a case's content.
  server.addHook('onRequest', async (_request, reply) => {
    void reply.headers(COMMON_SECURITY_HEADERS);
    void reply.header('x-request-id', reply.request.id);
  });
  server.addHook('onSend', async (request, reply) => {
    const page =
      h5Dir !== undefined && reply.statusCode < 400 && reply.getHeader('cache-control') !== undefined;
    if (page) {
      void reply.header('content-security-policy', h5Policy);
    } else {
      void reply.header('content-security-policy', API_CONTENT_SECURITY_POLICY);
      void reply.header('cache-control', 'no-store');
    }
    if (request.protocol === 'https')
      void reply.header('strict-transport-security', 'max-age=15552000; includeSubDomains');
  });
  server.addHook('onResponse', async (request, reply) => {
    const outcome = outcomes.get(request);
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      action: outcome?.action ?? null,
      outcome:
        outcome?.code ??
        (reply.statusCode < 400 ? 'ok' : refusal({ statusCode: reply.statusCode }).error.code),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (reply.statusCode >= 500) request.log.error(line, 'request');
    else request.log.info(line, 'request');
  });

  // JSON bodies are decoded strictly: invalid UTF-8 is refused, never silently repaired into U+FFFD (the text
  // that would be stored and hashed is not what the client sent). Parsing itself stays Fastify's, with its
  // prototype-poisoning protection.
  const parseJson = server.getDefaultJsonParser('error', 'error');
  // Only JSON is an envelope: a text/plain body is refused (415) rather than parsed into a string.
  server.removeContentTypeParser('text/plain');
  server.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: BODY_LIMIT },
    (request, body: Buffer, done) => {
      let text: string;
      try {
        text = strictUtf8.decode(body);
      } catch {
        done(new InvalidUtf8Body(), undefined);
        return;
      }
      void parseJson(request, text, done);
    },
  );

  // Anything refused (a body that is not JSON, too large, not UTF-8; a failure) gets the contract's error shape.
  server.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    const answer = refusal(error);
    outcomes.set(request, { action: outcomes.get(request)?.action ?? null, code: answer.error.code });
    if (answer.status >= 500) request.log.error({ err: error }, 'unhandled error');
    void reply.status(answer.status).send({ ok: false, error: answer.error });
  });
  server.setNotFoundHandler((request, reply) => {
    outcomes.set(request, { action: null, code: 'NOT_FOUND' });
    void reply.status(404).send({ ok: false, error: apiError('NOT_FOUND') });
  });

  // Answers above 1 KB go out compressed when the client accepts it (a case page's JSON shrinks ~5×). Brotli at
  // quality 4 costs well under a millisecond per answer; the static H5 files are compressed ahead (compress-h5.ts).
  await server.register(fastifyCompress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });

  server.post('/api', async (request) => {
    const token = bearerToken(request);
    const subject = token ? await subjectForToken(db, token, clock(), { allowDev: options.devLogin }) : null;
    const answer = await options.app.handle(request.body, { subject, sourceIp: request.ip });
    outcomes.set(request, { action: actionOf(request.body), code: answer.ok ? 'ok' : answer.error.code });
    return answer;
  });

  // Several reads in one request: the first screen's reads, which the H5 boot script sends while the app's script
  // downloads (src/boot/prefetch.boot.ts). Each is answered exactly as /api would answer it alone, in order; a
  // write is refused (writes keep their one-envelope, idempotent path).
  server.post('/api/batch', async (request, reply) => {
    const body = batchBody.safeParse(request.body);
    if (!body.success) {
      outcomes.set(request, { action: null, code: 'INVALID_ARGUMENT' });
      return reply.status(400).send({ ok: false, error: apiError('INVALID_ARGUMENT') });
    }
    const token = bearerToken(request);
    const subject = token ? await subjectForToken(db, token, clock(), { allowDev: options.devLogin }) : null;
    const answers = await Promise.all(
      body.data.requests.map(async (envelope): Promise<ApiResponse<unknown>> => {
        const action = actionOf(envelope);
        if (action && action !== '?' && isMutating(action as ActionName))
          return { ok: false, error: apiError('INVALID_ARGUMENT', undefined, BATCH_READS_ONLY) };
        return options.app.handle(envelope, { subject, sourceIp: request.ip });
      }),
    );
    outcomes.set(request, { action: 'batch', code: 'ok' });
    return { ok: true, data: { answers } };
  });

  server.post('/api/session/logout', async (request) => {
    const token = bearerToken(request);
    if (token) await deleteSession(db, token);
    return { ok: true, data: {} };
  });

  if (options.devLogin) {
    server.get('/api/dev/personas', async () => ({
      personas: PERSONAS.map((p) => ({ key: p.key, displayName: p.displayName, role: p.role })),
    }));
    server.post('/api/dev/login', async (request, reply) => {
      const body = devLoginBody.safeParse(request.body);
      if (!body.success) {
        outcomes.set(request, { action: null, code: 'INVALID_ARGUMENT' });
        return reply.status(400).send({ ok: false, error: apiError('INVALID_ARGUMENT') });
      }
      const now = clock();
      const persona = body.data.persona === 'new' ? null : PERSONAS.find((p) => p.key === body.data.persona);
      const subject = persona ? persona.subject : `dev:new:${randomUUID()}`;
      const name = 'name' in body.data ? body.data.name : (persona?.displayName ?? DEFAULT_DISPLAY_NAME);
      const user = await ensureUser(db, subject, now.toISOString(), name);
      return createSession(db, user.id, now);
    });
  }

  if (h5Dir) {
    await server.register(fastifyStatic, {
      root: path.resolve(h5Dir),
      prefix: '/',
      // `.br` / `.gz` copies written at build time (scripts/compress-h5.ts), chosen by Accept-Encoding.
      preCompressed: true,
      // Our own Cache-Control below, not the plugin's `max-age=0` on everything.
      cacheControl: false,
      setHeaders: (res, file) => {
        res.setHeader('Cache-Control', cacheControlFor(file));
      },
    });
  }
  return server;
}

/**
 * An error as the log may show it: its kind, code and stack frames, never its message or other fields (a database
 * error's message and detail can quote the values that were sent).
 */
function errorSummary(error: { name?: string; code?: string; stack?: string }) {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return { type: error.name ?? 'Error', message: error.code ?? '', stack: frames.join('\n') };
}
