import { z } from 'zod';
import { actions, type ActionName } from '../../contract/index';
import type { ApiResponse, ClientInfo } from '../../contract/envelope';
import type { FieldIssue } from '../../contract/errors';
import { toNfc, unsafeCharacter } from '../../contract/text-safety';
import { canonicalJson, sha256Hex } from '../platform/crypto';
import type { Db } from '../platform/migrate';
import type { ActionContext, Caller, Handlers, ServerConfig } from './action';
import { authorize } from './authorize';
import { fail, type Result } from './result';
import { checkRateLimit } from './rate-limit';
import { cappedIssues, oversizedInput } from './input-bounds';

export interface RouterDeps {
  db: Db;
  handlers: Handlers;
  clock: () => Date;
  config: ServerConfig;
  /** Receives unexpected failures. Never passed personal data or content. */
  logError: (message: string, error: unknown) => void;
}

/** What the entry (cloud function or HTTP) learned about the caller from its trusted source. */
export interface EntryIdentity {
  /** Null when the caller could not be identified. */
  subject: string | null;
  sourceIp: string | null;
}

const requestIdSchema = z
  .string({ required_error: '缺少请求编号', invalid_type_error: '请求编号应为文本' })
  .max(100, '请求编号格式不正确')
  .regex(/^[A-Za-z0-9_-]{8,100}$/, '请求编号格式不正确');

/** Device details the client reports are kept as evidence: the same characters are refused as in any text. */
const deviceText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => unsafeCharacter(text) === null)
    .transform(toNfc)
    .optional();

const clientInfoSchema = z
  .object({
    platform: deviceText(40),
    model: deviceText(80),
    system: deviceText(80),
    version: deviceText(40),
  })
  .strip()
  .optional()
  .catch(undefined);

/** Carries an expected failure out of a transaction so the transaction rolls back. */
class Rollback {
  constructor(readonly result: Result<never>) {}
}

/** A refused payload's issues, capped in number and length (see input-bounds.ts). */
function zodIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return cappedIssues(error.issues.map((i) => ({ path: prefix + i.path.join('.'), message: i.message })));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Answers one envelope: identify → validate → authorize → rules → persist (one transaction) → answer.
 * Never throws: every outcome is an `ApiResponse`.
 */
export async function dispatch(
  deps: RouterDeps,
  envelope: unknown,
  identity: EntryIdentity,
): Promise<ApiResponse<unknown>> {
  try {
    return await dispatchUnsafe(deps, envelope, identity);
  } catch (error) {
    deps.logError('unexpected failure while dispatching', error);
    return fail('INTERNAL');
  }
}

async function dispatchUnsafe(
  deps: RouterDeps,
  envelope: unknown,
  identity: EntryIdentity,
): Promise<ApiResponse<unknown>> {
  if (!isPlainObject(envelope)) {
    return fail('INVALID_ARGUMENT', [{ path: '', message: '请求应为对象' }]);
  }
  const action = envelope.action;
  if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(actions, action)) {
    return fail('UNKNOWN_ACTION');
  }
  const name = action as ActionName;
  const requestId = requestIdSchema.safeParse(envelope.requestId);
  if (!requestId.success) return fail('INVALID_ARGUMENT', zodIssues(requestId.error, 'requestId'));
  if (!identity.subject) return fail('UNAUTHENTICATED');

  const definition = actions[name];
  if (!isPlainObject(envelope.payload)) {
    return fail('INVALID_ARGUMENT', [{ path: 'payload', message: '参数应为对象' }]);
  }
  // An oversized array, string or map is refused before zod walks every element of it.
  const oversized = oversizedInput(definition.input, envelope.payload);
  if (oversized) return fail('INVALID_ARGUMENT', cappedIssues([oversized]));
  const parsed = definition.input.safeParse(envelope.payload);
  if (!parsed.success) return fail('INVALID_ARGUMENT', zodIssues(parsed.error));

  const handler = deps.handlers[name] as Handlers[ActionName];
  const subject = identity.subject;
  const payloadHash = definition.mutates ? sha256Hex(canonicalJson(parsed.data)) : '';
  const now = deps.clock().toISOString();
  // Counted before the action's transaction, so a refused or failed attempt stays counted (rate-limit.ts).
  const limited = await checkRateLimit(
    deps.db,
    name,
    { subject, sourceIp: identity.sourceIp, requestId: requestId.data },
    new Date(now),
  );
  if (limited) return { ok: false, error: limited };

  // Writes run in one transaction. Reads hold the one connection for their few queries (nothing interleaves),
  // without the cost of BEGIN/COMMIT.
  const unitOfWork = <T>(work: (db: Db) => Promise<T>): Promise<T> =>
    definition.mutates ? deps.db.transaction().execute(work) : deps.db.connection().execute(work);

  try {
    return await unitOfWork(async (db) => {
      const caller = await loadCaller(db, subject);
      const access = await authorize(db, handler.access, caller, parsed.data, { write: definition.mutates });
      if (!access.ok) throw new Rollback(access);
      const ctx: ActionContext = {
        db,
        caller,
        now,
        requestId: requestId.data,
        client: (clientInfoSchema.parse(envelope.client) as ClientInfo | undefined) ?? null,
        sourceIp: identity.sourceIp,
        membership: access.data,
        config: deps.config,
      };

      if (definition.mutates) {
        const replay = await claimRequest(db, { subject, requestId: requestId.data, name, payloadHash, now });
        if (replay === 'reused') throw new Rollback(fail('REQUEST.ID_REUSED'));
        if (replay) {
          if (!handler.secret) return { ok: true, data: replay.response } as const;
          // The stored answer holds no secret: the handler issues a fresh one for the same record.
          const reissued = await handler.secret.reissue(ctx, replay.response as never);
          if (!reissued.ok) throw new Rollback(reissued);
          return { ok: true, data: definition.output.parse(reissued.data) } as const;
        }
      }

      const result = await (handler.run as (c: ActionContext, i: unknown) => Promise<Result<unknown>>)(
        ctx,
        parsed.data,
      );
      if (!result.ok) throw new Rollback(result);

      // Parsing the output strips anything the contract does not name: no internal field leaks by accident.
      const data = definition.output.parse(result.data);
      if (definition.mutates) {
        const stored = handler.secret ? handler.secret.strip(data as never) : data;
        await db
          .updateTable('idempotency')
          .set({ response: JSON.stringify(stored) })
          .where('subject', '=', subject)
          .where('request_id', '=', requestId.data)
          .execute();
      }
      return { ok: true, data } as const;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}

/**
 * Claims a request id before any work: the claim row is inserted first, so a concurrent copy of the same
 * request waits on it (PostgreSQL) or runs after it (SQLite) and then finds the stored answer instead of
 * doing the work twice. Returns null when this request holds the claim.
 */
async function claimRequest(
  db: Db,
  r: { subject: string; requestId: string; name: ActionName; payloadHash: string; now: string },
): Promise<{ response: unknown } | 'reused' | null> {
  const claim = await db
    .insertInto('idempotency')
    .values({
      subject: r.subject,
      request_id: r.requestId,
      action: r.name,
      payload_hash: r.payloadHash,
      response: '',
      created_at: r.now,
    })
    .onConflict((oc) => oc.columns(['subject', 'request_id']).doNothing())
    .executeTakeFirst();
  if (Number(claim.numInsertedOrUpdatedRows ?? 0) === 1) return null;
  const previous = await db
    .selectFrom('idempotency')
    .select(['action', 'payload_hash', 'response'])
    .where('subject', '=', r.subject)
    .where('request_id', '=', r.requestId)
    .executeTakeFirstOrThrow();
  if (previous.action !== r.name || previous.payload_hash !== r.payloadHash) return 'reused';
  return { response: JSON.parse(previous.response) };
}

async function loadCaller(db: Db, subject: string): Promise<Caller> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'is_admin', 'is_lawyer'])
    .where('subject', '=', subject)
    .executeTakeFirst();
  return {
    subject,
    user: row
      ? { id: row.id, displayName: row.display_name, isAdmin: !!row.is_admin, isLawyer: !!row.is_lawyer }
      : null,
  };
}
