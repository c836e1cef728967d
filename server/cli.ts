/**
 * Maintenance commands on the database:
 *   tsx server/cli.ts migrate            apply pending migrations
 *   tsx server/cli.ts seed               seed the demo firm (once)
 *   tsx server/cli.ts verify [caseId]    recompute every case's event chain (or one) and name the first broken link
 * PostgreSQL when DATABASE_URL is set (postgres://…), else SQLite in CASETRAIL_DATA_DIR (default ./data).
 */
import { readEntryConfig } from './config';
import { verifyCaseEvents } from './events/event-log.store';
import { migrate } from './platform/migrate';
import { openDatabase } from './platform/open-database';
import { seedDemo } from './seed/demo-seed';

const COMMANDS = ['migrate', 'seed', 'verify'];

async function main(argv: string[]): Promise<number> {
  const [command, arg] = argv;
  if (!COMMANDS.includes(command)) {
    console.error('usage: cli.ts migrate | seed | verify [caseId]');
    return 2;
  }
  const config = readEntryConfig();
  const { db, engine, describe } = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    // One command at a time; no statement timeout: a migration or a long chain may take its time.
    pool: { max: 2, statementTimeoutMillis: 0, ...config.pgPool },
    migrate: command !== 'migrate',
  });
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrate(db);
        console.log(
          applied.length
            ? `Migrated ${engine} ${describe}: applied ${applied.join(', ')}`
            : `Migrated ${engine} ${describe}: already up to date`,
        );
        return 0;
      }
      case 'seed':
        console.log(
          (await seedDemo(db)) ? 'Seeded the demo firm.' : 'Demo firm already present; nothing to do.',
        );
        return 0;
      case 'verify': {
        const ids = arg
          ? [arg]
          : (await db.selectFrom('cases').select('id').orderBy('created_at').execute()).map((r) => r.id);
        let broken = 0;
        for (const id of ids) {
          const verdict = await verifyCaseEvents(db, id);
          if (verdict.valid)
            console.log(`ok      case ${id}: ${verdict.events} events, head ${verdict.headHash}`);
          else {
            broken++;
            console.log(`BROKEN  case ${id}: first broken link at event #${verdict.brokenAt}`);
          }
        }
        console.log(`${ids.length} case(s) checked, ${broken} broken.`);
        return broken ? 1 : 0;
      }
      default:
        console.error('usage: cli.ts migrate | seed | verify [caseId]');
        return 2;
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
