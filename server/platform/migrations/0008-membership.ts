import type { Kysely } from 'kysely';

/** Invite confirmations and member removal (issue 12): filled in by the identity work. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
