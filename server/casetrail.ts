import type { ApiResponse } from '../contract/envelope';
import type { ServerConfig } from './core/action';
import { NO_TSA, sealAndTimestamp, type SealOutcome } from './evidence/seal';
import { dispatch, type EntryIdentity } from './core/router';
import { handlers } from './handlers';
import { NOTIFY_OFF } from './notifications/notify-config';
import type { Db } from './platform/migrate';
import { bootstrapAdmins } from './session/users.store';

export interface CasetrailOptions {
  db: Db;
  /** Subjects (e.g. `wx:<openid>`) of the firm's bootstrap admins, from configuration. */
  adminSubjects?: string[];
  clock?: () => Date;
  config?: Partial<ServerConfig>;
  logError?: (message: string, error: unknown) => void;
}

export interface Casetrail {
  db: Db;
  /** Answers one envelope for a caller the entry has identified. Never throws. */
  handle(envelope: unknown, identity: EntryIdentity): Promise<ApiResponse<unknown>>;
  /** Seals every moved case head into the firm log and timestamps its head (timer triggers, intervals). */
  seal(): Promise<SealOutcome>;
}

export const DEFAULT_CONFIG: ServerConfig = { inviteTtlHours: 72, tsa: NO_TSA, notify: NOTIFY_OFF };

/**
 * Wires the API over an opened database: the one place entries (cloud function, HTTP, CLI, tests) get it from.
 * @example
 *   const app = await createCasetrail({ db: await openSqlite(file), adminSubjects: ['wx:o123'] });
 *   await app.handle({ action: 'case.list', payload: {}, requestId: 'r-00000001' }, { subject: 'wx:o123', sourceIp: null });
 */
export async function createCasetrail(options: CasetrailOptions): Promise<Casetrail> {
  const clock = options.clock ?? (() => new Date());
  await bootstrapAdmins(options.db, options.adminSubjects ?? [], clock().toISOString());
  const deps = {
    db: options.db,
    handlers,
    clock,
    config: { ...DEFAULT_CONFIG, ...options.config },
    logError:
      options.logError ??
      ((message: string, error: unknown) =>
        console.error(`[casetrail] ${message}:`, error instanceof Error ? error.stack : String(error))),
  };
  return {
    db: options.db,
    handle: (envelope, identity) => dispatch(deps, envelope, identity),
    seal: () => sealAndTimestamp(options.db, clock().toISOString(), deps.config.tsa),
  };
}
