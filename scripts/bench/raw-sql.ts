/**
 * Direct SQL on a bench database, beside the API's own connection: for bulk loading and the hand-written
 * comparison. The same calls on both engines; SQL is written with `?` placeholders (numbered for PostgreSQL).
 */
import SQLite from 'better-sqlite3';
import { Client } from 'pg';

export interface RawSql {
  exec(sql: string, params?: unknown[]): Promise<void>;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Inserts many rows, fast: one prepared statement in one transaction (SQLite), or `unnest` of one array per
   * column, 5,000 rows a statement (PostgreSQL). Column types come from the first non-null value.
   */
  insertRows(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  close(): Promise<void>;
}

/** `?` → `$1, $2, …` (the bench's own SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function sqliteRaw(file: string): RawSql & { sqlite: SQLite.Database } {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON'); // the bulk rows must satisfy the schema like the API's do
  sqlite.pragma('busy_timeout = 5000');
  return {
    sqlite,
    async exec(sql, params = []) {
      if (params.length) sqlite.prepare(sql).run(...params);
      else sqlite.exec(sql);
    },
    async rows<T>(sql: string, params: unknown[] = []) {
      return sqlite.prepare(sql).all(...params) as T[];
    },
    async insertRows(table, columns, rows) {
      const insert = sqlite.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      sqlite.transaction(() => {
        for (const row of rows) insert.run(...row);
      })();
    },
    async close() {
      sqlite.close();
    },
  };
}

export async function postgresRaw(url: string, schema: string): Promise<RawSql & { client: Client }> {
  const client = new Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  return {
    client,
    async exec(sql, params = []) {
      await client.query(numbered(sql), params);
    },
    async rows<T>(sql: string, params: unknown[] = []) {
      return (await client.query(numbered(sql), params)).rows as T[];
    },
    async insertRows(table, columns, rows) {
      if (rows.length === 0) return;
      const types = columns.map((_, c) => {
        const sample = rows.find((r) => r[c] !== null && r[c] !== undefined)?.[c];
        return typeof sample === 'number' ? 'int' : 'text';
      });
      const list = columns.join(', ');
      const arrays = types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
      await client.query('begin');
      for (let start = 0; start < rows.length; start += 5000) {
        const chunk = rows.slice(start, start + 5000);
        const params = columns.map((_, c) => chunk.map((r) => r[c] ?? null));
        await client.query(`insert into ${table} (${list}) select * from unnest(${arrays})`, params);
      }
      await client.query('commit');
    },
    async close() {
      await client.end();
    },
  };
}
