/**
 * Bundled and run by scripts/bench.ts in a fresh process: loads the API, opens an existing database and
 * answers one timeline call, printing the time from process start.
 */
import { performance } from 'node:perf_hooks';
import { createCasetrail } from '../server/casetrail';
import { openSqlite, sqliteFileIn } from '../server/platform/database';

async function main(dir: string, caseId: string, subject: string) {
  const app = await createCasetrail({ db: await openSqlite(sqliteFileIn(dir)) });
  const res = await app.handle(
    { action: 'case.timeline', payload: { caseId, limit: 20 }, requestId: 'bench-first-answer' },
    { subject, sourceIp: null },
  );
  if (!res.ok) throw new Error(res.error.code);
  console.log(`first answer ${performance.now().toFixed(1)} ms`);
}

main(process.argv[2], process.argv[3], process.argv[4]).catch((error) => {
  console.error(error);
  process.exit(1);
});
