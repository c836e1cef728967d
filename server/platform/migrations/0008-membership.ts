import { sql, type Kysely } from 'kysely';

/**
 * Membership that the lawyer and the admin control (issue 12):
 * - `case_members.removed_at` / `removed_by`: a member the case lawyer removed. The row stays (it is evidence of
 *   the joining, committed by its event); the removal is a `member.removed` event in the case chain, and the
 *   columns are working state that access checks read. Joining again through a new invite clears them (and
 *   appends its own `member.joined` event).
 * - `invites.revoked_at` / `revoked_by`: the lawyer withdrew an unused invite.
 * - `invites.decision` / `decided_at` / `decided_by`: a redeemed lawyer invite waits for the admin, who confirms
 *   (`confirmed`: the redeemer becomes a lawyer) or rejects (`rejected`). Lawyer invites redeemed before this
 *   migration enrolled at once: they are recorded as confirmed, by nobody (`decided_by` null).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_members').addColumn('removed_at', 'varchar(32)').execute();
  await db.schema.alterTable('case_members').addColumn('removed_by', 'varchar(64)').execute();
  await db.schema.alterTable('invites').addColumn('revoked_at', 'varchar(32)').execute();
  await db.schema.alterTable('invites').addColumn('revoked_by', 'varchar(64)').execute();
  await db.schema.alterTable('invites').addColumn('decision', 'varchar(16)').execute();
  await db.schema.alterTable('invites').addColumn('decided_at', 'varchar(32)').execute();
  await db.schema.alterTable('invites').addColumn('decided_by', 'varchar(64)').execute();
  await sql`update invites set decision = 'confirmed', decided_at = used_at
    where kind = 'lawyer' and used_at is not null`.execute(db);
  // The lawyer's invite list of a case, newest first.
  await db.schema.createIndex('invites_by_case').on('invites').columns(['case_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('The membership schema is not rolled back: removals and enrolment decisions are records.');
}
