/**
 * Bundled (like the cloud function) and run by cold-start.ts in a fresh node process: loads the API, opens an
 * existing database — SQLite, or PostgreSQL with the cloud function's pool — and answers one timeline call,
 * printing the time from process start.
 *   node first-answer.cjs '{"databaseUrl":null,"dataDir":"…"}' <caseId> <subject>
 */
import { performance } from 'node:perf_hooks';
import { createCasetrail } from '../../server/casetrail';
import { openDatabase, type OpenDatabaseOptions } from '../../server/platform/open-database';

async function main(location: string, caseId: string, subject: string) {
  const options = JSON.parse(location) as Pick<OpenDatabaseOptions, 'databaseUrl' | 'dataDir' | 'searchPath'>;
  const { db } = await openDatabase({ ...options, poolProfile: 'cloud' });
  const app = await createCasetrail({ db });
  const res = await app.handle(
    { action: 'case.timeline', payload: { caseId, limit: 20 }, requestId: 'bench-first-answer' },
    { subject, sourceIp: null },
  );
  if (!res.ok) throw new Error(res.error.code);
  console.log(`first answer ${performance.now().toFixed(1)} ms`);
  await db.destroy();
}

main(process.argv[2], process.argv[3], process.argv[4]).catch((error) => {
  console.error(error);
  process.exit(1);
});
