import type { Kysely } from 'kysely';

/**
 * Keyset paging of list actions (issue 12, list pages bounded): each page is one range of an index ending in the
 * tie-breaking id, so equal timestamps neither repeat nor skip a row and a page costs the same however long the
 * list. Records of a case already have theirs (`records_by_case`: case_id, kind, created_at, id).
 * - `invites_by_case_page`: a case's invites, newest first (`invite.list`).
 * - `users_lawyers_page`: the firm's lawyers in the order they enrolled (`admin.listLawyers`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('invites_by_case_page')
    .on('invites')
    .columns(['case_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('users_lawyers_page')
    .on('users')
    .columns(['is_lawyer', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('users_lawyers_page').execute();
  await db.schema.dropIndex('invites_by_case_page').execute();
}
