import type { TsaConfig } from '../evidence/seal';
import type { NotifyConfig } from '../notifications/notify-config';
import type { ActionName, ActionOutput, ParsedInput } from '../../contract/index';
import type { ClientInfo } from '../../contract/envelope';
import type { MemberRole } from '../../contract/roles';
import type { Db } from '../platform/migrate';
import type { Result } from './result';

/** The caller as the router knows them after identification. `user` is null for a WeChat user we have not seen. */
export interface Caller {
  subject: string;
  user: CallerUser | null;
}

export interface CallerUser {
  id: string;
  displayName: string;
  isAdmin: boolean;
  isLawyer: boolean;
}

/**
 * Who may call an action. Case-scoped access resolves the case from the input first; a caller who is not
 * a member gets NOT_FOUND (the case's existence is not revealed), a member in the wrong role FORBIDDEN.
 */
export type Access<I = unknown> =
  | { kind: 'anyone' }
  /** Any signed-in person (a user row); others get UNAUTHENTICATED. */
  | { kind: 'user' }
  | { kind: 'lawyer' }
  | { kind: 'admin' }
  | { kind: 'case'; roles: readonly MemberRole[]; caseOf: (db: Db, input: I) => Promise<string | null> };

export interface ActionContext {
  /** The transaction every read and write of this request goes through. */
  db: Db;
  caller: Caller;
  /** Server time of this request, ISO-8601 UTC. */
  now: string;
  requestId: string;
  client: ClientInfo | null;
  sourceIp: string | null;
  /** Set for case-scoped actions once access is granted. */
  membership: { caseId: string; role: MemberRole } | null;
  config: ServerConfig;
}

export interface ServerConfig {
  inviteTtlHours: number;
  /** The time-stamping authority the firm log's head is timestamped by (RFC 3161). */
  tsa: TsaConfig;
  /** How notices reach people: WeChat subscribe messages, the demo's recorder, or the app only. */
  notify: NotifyConfig;
  /**
   * The address people reach the app at (CASETRAIL_PUBLIC_URL): invite links and QR codes point there. Unset or
   * null: invites carry no link and the H5 page uses its own address.
   */
  publicBaseUrl?: string | null;
}

/** A context whose caller is known to have a user row (everything but `anyone` access guarantees it). */
export type UserContext = ActionContext & { caller: Caller & { user: CallerUser } };
export type CaseContext = UserContext & { membership: { caseId: string; role: MemberRole } };

export interface ActionHandler<A extends ActionName> {
  access: Access<ParsedInput<A>>;
  run(ctx: ActionContext, input: ParsedInput<A>): Promise<Result<ActionOutput<A>>>;
  /**
   * For answers that carry a secret (an invite code): the idempotency store keeps `strip(answer)`, never the
   * secret, and a replayed request gets `reissue(stored)` — a usable answer without the database holding one.
   */
  secret?: {
    strip(answer: ActionOutput<A>): unknown;
    reissue(ctx: ActionContext, stored: unknown): Promise<Result<ActionOutput<A>>>;
  };
}

export type Handlers = { [A in ActionName]: ActionHandler<A> };

/** Narrows a context whose access rule guarantees a user. */
export function userContext(ctx: ActionContext): UserContext {
  if (!ctx.caller.user) throw new Error('access rule should have required a user');
  return ctx as UserContext;
}

export function caseContext(ctx: ActionContext): CaseContext {
  if (!ctx.caller.user || !ctx.membership) throw new Error('access rule should have required membership');
  return ctx as CaseContext;
}
