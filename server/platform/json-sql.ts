import { sql, type RawBuilder } from 'kysely';
import { isPostgres } from './engine';
import type { Db } from './migrate';

/*
 * Reading a field of a JSON text column inside a query, on either engine (SQLite's JSON1 functions, PostgreSQL's
 * jsonb operators): for read models that filter or count by a field a record kind keeps in its content.
 */

const KEY = /^[A-Za-z][A-Za-z0-9]*$/;

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a JSON key this helper reads: ${key}`);
  return key;
}

/** The text of a top-level string field of a JSON text column (`"a.b"` reference); NULL when absent or null. */
export function jsonText(db: Db, column: string, key: string): RawBuilder<string | null> {
  const k = checkedKey(key);
  return isPostgres(db)
    ? sql<string | null>`(${sql.ref(column)}::jsonb ->> ${sql.lit(k)})`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${k}`)})`;
}

/** Whether a top-level array field of a JSON text column holds the string in `valueColumn` (`"a.b"` reference). */
export function jsonArrayHolds(
  db: Db,
  column: string,
  key: string,
  valueColumn: string,
): RawBuilder<boolean> {
  const k = checkedKey(key);
  return isPostgres(db)
    ? sql<boolean>`((${sql.ref(column)}::jsonb -> ${sql.lit(k)}) @> jsonb_build_array(${sql.ref(valueColumn)}))`
    : sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}, ${sql.lit(`$.${k}`)}) as je where je.value = ${sql.ref(valueColumn)})`;
}
