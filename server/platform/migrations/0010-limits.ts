import type { Kysely } from 'kysely';

/** Rate-limit counters (issue 12): filled in by the limits work. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
