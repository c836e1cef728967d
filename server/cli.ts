/**
 * Maintenance commands on the embedded database:
 *   tsx server/cli.ts migrate            apply pending migrations
 *   tsx server/cli.ts seed               seed the demo firm (once)
 *   tsx server/cli.ts verify [caseId]    recompute every case's event chain (or one) and name the first broken link
 * Data directory: CASETRAIL_DATA_DIR (default ./data).
 */
import { readEntryConfig } from './config';
import { verifyCaseEvents } from './events/event-log.store';
import { openSqlite, sqliteFileIn } from './platform/database';
import { seedDemo } from './seed/demo-seed';

async function main(argv: string[]): Promise<number> {
  const [command, arg] = argv;
  const config = readEntryConfig();
  const db = await openSqlite(sqliteFileIn(config.dataDir));
  try {
    switch (command) {
      case 'migrate':
        console.log(`Migrated ${sqliteFileIn(config.dataDir)}`);
        return 0;
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
