import fs from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiError } from '../../contract/errors';
import type { Casetrail } from '../casetrail';
import { PERSONAS } from '../seed/personas';
import { DEFAULT_DISPLAY_NAME, ensureUser } from '../session/users.store';
import { LIMITS } from '../../contract/limits';
import { requiredText } from '../../contract/fields';
import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import { createSession, deleteSession, subjectForToken } from './sessions.store';

export interface HttpOptions {
  app: Casetrail;
  /** Dev login routes exist only when true; the entry refuses it in production. */
  devLogin: boolean;
  /** Folder of the H5 build to serve at `/`, if present. */
  h5Dir?: string;
  clock?: () => Date;
  logger?: boolean;
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

/** The HTTP entry: `POST /api` with the same envelope as the cloud function, bearer-token identity. */
export async function buildHttpServer(options: HttpOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? (() => new Date());
  const { db } = options.app;
  const server = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT });

  // JSON bodies are decoded strictly: invalid UTF-8 is refused, never silently repaired into U+FFFD (the text
  // that would be stored and hashed is not what the client sent). Parsing itself stays Fastify's, with its
  // prototype-poisoning protection.
  const parseJson = server.getDefaultJsonParser('error', 'error');
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

  // A body that is not JSON (or not UTF-8) gets the contract's error shape, never a stack trace.
  server.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    if (error instanceof InvalidUtf8Body) {
      void reply.status(400).send({ ok: false, error: error.apiError });
      return;
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    const code = status < 500 ? 'INVALID_ARGUMENT' : 'INTERNAL';
    if (status >= 500) server.log.error({ err: error }, 'unhandled error');
    void reply.status(status).send({ ok: false, error: apiError(code) });
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
    return options.app.handle(request.body, { subject, sourceIp: request.ip });
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

  if (options.h5Dir && fs.existsSync(path.join(options.h5Dir, 'index.html'))) {
    await server.register(fastifyStatic, {
      root: path.resolve(options.h5Dir),
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
