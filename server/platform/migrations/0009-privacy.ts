import type { Kysely } from 'kysely';

/** Consent to the privacy notice, account deletion (issue 12): filled in by the privacy work. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
