import { sql } from 'kysely';
import { canonicalJson, sha256Hex } from '../platform/crypto';
import { isPostgres } from '../platform/engine';
import type { Db } from '../platform/migrate';
import type { RowCommitment } from '../evidence/evidence-tables';
import {
  GENESIS_HASH,
  eventHashInput,
  verifyChain,
  type ChainEvent,
  type ChainVerdict,
} from './event-chain.rules';

/** Event types written to a case's chain. */
export type CaseEventType =
  | 'case.created'
  | 'invite.created'
  | 'member.joined'
  | 'member.removed'
  | 'invite.revoked'
  | 'update.published'
  | 'update.corrected'
  | 'update.read'
  | 'stage.changed'
  | 'statement.drafted'
  | 'statement.draftSaved'
  | 'statement.published'
  | 'statement.viewed'
  | 'statement.acknowledged'
  | 'statement.question.asked'
  | 'statement.question.answered'
  | 'statement.reminder.queued'
  | 'evidence.checkpoint'
  | 'memo.published'
  | 'memo.corrected'
  | 'memo.viewed'
  | 'memo.confirmed'
  | 'memo.disputed'
  | 'request.created'
  | 'request.answered'
  | 'request.answerRead'
  | 'task.assigned'
  | 'task.completed'
  | 'task.accepted'
  | 'task.returned';

/**
 * Serializes writers of one case's chain until the transaction ends. On PostgreSQL a row lock on the case
 * (NO KEY UPDATE: foreign-key checks of other writers are not blocked by it); on SQLite the one connection
 * already runs one transaction at a time. Taking it again in the same transaction is free.
 */
export async function lockCaseChain(db: Db, caseId: string): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`select id from cases where id = ${caseId} for no key update`.execute(db);
}

/**
 * Appends one event to the case's chain. Must run inside the transaction that makes the change,
 * so the change and its event commit or vanish together.
 */
export async function appendCaseEvent(
  db: Db,
  event: {
    caseId: string;
    at: string;
    actorId: string;
    type: CaseEventType;
    payload: Record<string, unknown>;
    /** The evidence rows this event creates, as committed (`verify` holds each row to it). */
    commits?: RowCommitment[];
  },
): Promise<ChainEvent> {
  await lockCaseChain(db, event.caseId);
  const head = await db
    .selectFrom('case_events')
    .select(['seq', 'hash'])
    .where('case_id', '=', event.caseId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const unhashed = {
    caseId: event.caseId,
    seq: (head?.seq ?? 0) + 1,
    at: event.at,
    actorId: event.actorId,
    type: event.type,
    payload: canonicalJson(
      event.commits?.length ? { ...event.payload, commits: event.commits } : event.payload,
    ),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const chained: ChainEvent = { ...unhashed, hash: sha256Hex(eventHashInput(unhashed)) };
  await db
    .insertInto('case_events')
    .values({
      case_id: chained.caseId,
      seq: chained.seq,
      at: chained.at,
      actor_id: chained.actorId,
      type: chained.type,
      payload: chained.payload,
      prev_hash: chained.prevHash,
      hash: chained.hash,
    })
    .execute();
  return chained;
}

export async function readCaseEvents(db: Db, caseId: string): Promise<ChainEvent[]> {
  const rows = await db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq', 'asc')
    .execute();
  return rows.map((r) => ({
    caseId: r.case_id,
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    type: r.type,
    payload: r.payload,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

export async function verifyCaseEvents(db: Db, caseId: string): Promise<ChainVerdict> {
  return verifyChain(await readCaseEvents(db, caseId), sha256Hex);
}
