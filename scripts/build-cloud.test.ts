import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { MIGRATION_NAMES } from '../server/platform/migrate';

const root = path.resolve(__dirname, '..');
const api = path.join(root, 'cloudfunctions/api');

/** The deployable folder as WeChat would run it: the bundle, and the modules it loads on first use. */
describe('the cloud function bundle', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'scripts/build-cloud.ts')], {
      cwd: root,
      stdio: 'pipe',
    });
  }, 120_000);

  it('stays within its budget (DESIGN §8: 500 KB), with the cold paths in files of their own', () => {
    expect(fs.statSync(path.join(api, 'index.js')).size).toBeLessThanOrEqual(500 * 1024);
    const bundle = fs.readFileSync(path.join(api, 'index.js'), 'utf8');
    const lazy = fs.readdirSync(path.join(api, 'lazy')).sort();
    expect(lazy).toEqual([
      'server.cloud.notify-drain.js',
      'server.evidence.export.js',
      'server.evidence.timestamp.rfc3161.js',
      'server.evidence.verify.js',
      'server.platform.migrations.index.js',
      'server.platform.prune.js',
      'server.privacy.account-delete.js',
      'server.privacy.account-export.store.js',
      'server.statements.template-data.js',
    ]);
    for (const file of lazy) expect(bundle).toContain(`./lazy/${file}`);
  });

  it('loads each lazy module from where the bundle looks for it, with what the server calls on it', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const load = (file: string) => require(path.join(api, 'lazy', file)) as Record<string, unknown>;
    expect(typeof load('server.evidence.export.js').exportCase).toBe('function');
    expect(typeof load('server.evidence.verify.js').verifyCase).toBe('function');
    expect(typeof load('server.platform.prune.js').pruneExpired).toBe('function');
    expect(typeof load('server.privacy.account-delete.js').deleteAccount).toBe('function');
    expect(typeof load('server.privacy.account-export.store.js').collectAccountExport).toBe('function');
    expect(typeof load('server.evidence.timestamp.rfc3161.js').verifyTimestampToken).toBe('function');
    const templates = load('server.statements.template-data.js').TEMPLATE_FILE as { templates: unknown[] };
    expect(templates.templates.length).toBeGreaterThanOrEqual(13);
    expect(Object.keys(load('server.platform.migrations.index.js').MIGRATIONS as object)).toEqual([
      ...MIGRATION_NAMES,
    ]);
    // The export module's own lazy import of the TSA verifier points at its sibling, not a nested lazy/ folder.
    expect(fs.readFileSync(path.join(api, 'lazy/server.evidence.export.js'), 'utf8')).toContain(
      './server.evidence.timestamp.rfc3161.js',
    );
  });

  it('migrates a fresh database from its lazy file, evidence guards included (no instanceof across Kysely copies)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lazy = require(path.join(api, 'lazy/server.platform.migrations.index.js')) as {
      MIGRATIONS: Record<string, Migration>;
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-migrations-'));
    const db = new Kysely<Record<string, never>>({
      dialect: new SqliteDialect({ database: new SQLite(path.join(dir, 'fresh.db')) }),
    });
    try {
      const { error, results } = await new Migrator({
        db,
        provider: { getMigrations: async () => lazy.MIGRATIONS },
      }).migrateToLatest();
      expect(error).toBeUndefined();
      expect(results?.map((r) => r.migrationName)).toEqual([...MIGRATION_NAMES]);
      // 0005 chose SQLite's triggers: an evidence row cannot be deleted.
      const triggers = await db
        .selectFrom('sqlite_master' as never)
        .select('name' as never)
        .where('type' as never, '=', 'trigger' as never)
        .execute();
      expect(triggers.length).toBeGreaterThan(0);
    } finally {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
