import type { ConsentKind } from '../../contract/privacy';
import type { Db } from '../platform/migrate';
import type { ConsentStanding } from './privacy.rules';

/** The person's newest consent-log row (their standing), or null when they have none. */
export async function readLatest(db: Db, userId: string): Promise<ConsentStanding | null> {
  const row = await db
    .selectFrom('privacy_consents')
    .select(['kind', 'version', 'at'])
    .where('user_id', '=', userId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** Appends one row to the person's consent log (numbered per person, so order never rests on equal times). */
export async function appendConsent(
  db: Db,
  row: { userId: string; kind: ConsentKind; version: string; at: string; requestId: string },
): Promise<void> {
  const last = await db
    .selectFrom('privacy_consents')
    .select((e) => e.fn.max<number>('seq').as('seq'))
    .where('user_id', '=', row.userId)
    .executeTakeFirst();
  await db
    .insertInto('privacy_consents')
    .values({
      user_id: row.userId,
      seq: Number(last?.seq ?? 0) + 1,
      kind: row.kind,
      version: row.version,
      at: row.at,
      request_id: row.requestId,
    })
    .execute();
}

export async function consentLog(db: Db, userId: string) {
  return db
    .selectFrom('privacy_consents')
    .select(['kind', 'version', 'at'])
    .where('user_id', '=', userId)
    .orderBy('seq', 'asc')
    .execute();
}
