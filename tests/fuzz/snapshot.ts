import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../server/platform/migrate';
import type { Database } from '../../server/platform/schema';

/**
 * Every table, and whether a refused input may touch it. The compiler checks the list against the Kysely
 * schema: a new table fails the build until it is listed here, so "a refused input changes nothing" always
 * covers every table.
 */
export const TABLES = {
  users: 'compare',
  lawyer_profiles: 'compare',
  sessions: 'compare',
  invites: 'compare',
  cases: 'compare',
  case_stages: 'compare',
  case_members: 'compare',
  case_events: 'compare',
  idempotency: 'compare',
  records: 'compare',
  record_versions: 'compare',
  record_views: 'compare',
  record_responses: 'compare',
  record_drafts: 'compare',
  record_questions: 'compare',
  record_answers: 'compare',
  member_case_state: 'compare',
  notification_outbox: 'compare',
  notification_messages: 'compare',
  notify_credits: 'compare',
  firm_log: 'compare',
  firm_timestamps: 'compare',
  privacy_consents: 'compare',
  /** Counts attempts, refused ones included: that is what a rate limit is for (1,000 wrong invite codes). */
  rate_limit_hits: 'attempts',
} as const satisfies Record<keyof Database, 'compare' | 'attempts'>;

export type TableName = keyof typeof TABLES;
export const COMPARED_TABLES = (Object.keys(TABLES) as TableName[]).filter((t) => TABLES[t] === 'compare');

/** A digest of each compared table's rows (order-independent). */
export type Snapshot = Record<string, string>;

export async function snapshot(db: Db, engine: 'sqlite' | 'postgres' = 'sqlite'): Promise<Snapshot> {
  if (engine === 'postgres') {
    // One round trip: each table's row count and a digest of its rows in text form, computed by the server.
    const parts = COMPARED_TABLES.map(
      (t) =>
        `select '${t}' as t, count(*) as n, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as h from ${t} x`,
    );
    const { rows } = await sql<{
      t: string;
      n: string;
      h: string;
    }>`${sql.raw(parts.join(' union all '))}`.execute(db);
    return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h.slice(0, 16)}`]));
  }
  const out: Snapshot = {};
  for (const table of COMPARED_TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    out[table] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}

/** The tables whose digest differs. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys(before).filter((t) => before[t] !== after[t]);
}

/**
 * Rows written (inserted, updated, deleted) and committed in each compared table, counted on SQLite by temporary
 * triggers of the test's own connection: a write that rolls back takes its count with it, so a count that moves
 * across a refused call is a committed write. Null on PostgreSQL (the snapshot is compared instead).
 */
export interface WriteCounter {
  read(): Promise<Record<string, number> | null>;
}

export async function installWriteCounter(db: Db, engine: 'sqlite' | 'postgres'): Promise<WriteCounter> {
  if (engine !== 'sqlite') return { read: async () => null };
  await sql`create temp table if not exists fuzz_writes (name text primary key, n integer not null)`.execute(
    db,
  );
  for (const table of COMPARED_TABLES) {
    await sql`insert or ignore into temp.fuzz_writes (name, n) values (${table}, 0)`.execute(db);
    for (const event of ['insert', 'update', 'delete']) {
      await sql
        .raw(
          `create temp trigger if not exists fuzz_${event}_${table} after ${event} on main.${table} ` +
            `begin update fuzz_writes set n = n + 1 where name = '${table}'; end`,
        )
        .execute(db);
    }
  }
  return {
    async read() {
      const { rows } = await sql<{ name: string; n: number }>`select name, n from temp.fuzz_writes`.execute(
        db,
      );
      return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
    },
  };
}

/** The tables whose write count moved. */
export function movedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((t) => after[t] !== before[t]);
}
