import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { sql } from 'kysely';
import { verifyCaseEvents } from '../../server/events/event-log.store';
import { openSqlite, sqliteFileIn } from '../../server/platform/database';
import { openHarness, setUpFirm, testEngine, type Harness } from '../fixtures/api-harness';

/**
 * SQLite only: these check the embedded engine's own promises (WAL, synchronous=FULL, foreign keys, a file that
 * survives SIGKILL of the process writing it). On PostgreSQL durability is the server's job (fsync, WAL), and the
 * `npm run unit:pg` cluster runs with fsync off on purpose, so there is nothing of ours to check there.
 */
const describeSqlite = testEngine() === 'sqlite' ? describe : describe.skip;

let h: Harness;

describeSqlite('durability (SQLite)', () => {
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(() => h.close());

  it('opens SQLite in WAL mode with synchronous=FULL and foreign keys on', async () => {
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(h.db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(h.db);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(h.db);
    expect(journal.rows[0].journal_mode).toBe('wal');
    expect(sync.rows[0].synchronous).toBe(2);
    expect(fk.rows[0].foreign_keys).toBe(1);
  });

  it('keeps every answered write when the process is killed right after', async () => {
    const firm = await setUpFirm(h);
    // The writer runs as plain node from an esbuild bundle: no loader hooks between it and the disk.
    const writer = path.join(h.dir, 'crash-writer.cjs');
    buildSync({
      entryPoints: [path.join(__dirname, '../fixtures/crash-writer.ts')],
      outfile: writer,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3'],
      nodePaths: [path.join(__dirname, '../../node_modules')],
      logLevel: 'error',
    });
    const child = spawn(process.execPath, [writer, h.dir, firm.caseId, firm.lawyer], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_PATH: path.join(__dirname, '../../node_modules') },
    });
    const acked = await new Promise<string[]>((resolve, reject) => {
      const ids: string[] = [];
      child.stdout.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) {
          const match = /^ACK (\S+)/.exec(line);
          if (match) ids.push(match[1]);
        }
        if (ids.length === 5) resolve(ids);
      });
      child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    child.stdout.destroy();

    const reopened = await openSqlite(sqliteFileIn(h.dir));
    try {
      const stored = await reopened.selectFrom('records').select('id').where('id', 'in', acked).execute();
      expect(stored).toHaveLength(5);
      expect((await verifyCaseEvents(reopened, firm.caseId)).valid).toBe(true);
    } finally {
      await reopened.destroy();
    }
  }, 30_000);
});
