import type { Kysely } from 'kysely';

/**
 * A written answer to a client's question is text a lawyer sends a client, like an update or a statement: it
 * keeps the promise-guard warnings found in it when it was sent. Answers written before hold none (`[]`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('record_answers')
    .addColumn('promise_warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error(
    'The answer warnings cannot be rolled back: they are evidence of what the lawyer was told.',
  );
}
