/**
 * Bundled (like the cloud function) and run by cold-start.ts in a fresh node process: loads the API, opens an
 * existing database — SQLite, or PostgreSQL with the cloud function's pool — and answers one timeline call,
 * printing the time from process start and from the moment node began to load the bundle.
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
  const now = performance.now();
  // `loadStart` is set by a preload (cold-start.ts) just before node loads this bundle: what follows it is ours.
  const loadStart = (globalThis as { loadStart?: number }).loadStart ?? 0;
  console.log(`first answer ${now.toFixed(1)} ms; after load ${(now - loadStart).toFixed(1)} ms`);
  await db.destroy();
}

main(process.argv[2], process.argv[3], process.argv[4]).catch((error) => {
  console.error(error);
  process.exit(1);
});
