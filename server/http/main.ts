import { createCasetrail } from '../casetrail';
import { ConfigError, readEntryConfig } from '../config';
import { startSealing } from '../evidence/seal';
import { openDatabase } from '../platform/open-database';
import { seedDemo } from '../seed/demo-seed';
import { ADMIN_PERSONA_SUBJECT, PERSONAS } from '../seed/personas';
import { buildHttpServer } from './app';

async function main(): Promise<void> {
  const config = readEntryConfig();
  const { db, engine, describe } = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pool: config.pgPool,
  });
  console.log(`Database: ${engine} ${describe}`);
  const clock = demoClock(config.demoClockStart);
  if (config.devLogin && (await seedDemo(db, clock()))) console.log('Seeded the demo firm (first run).');
  const app = await createCasetrail({
    db,
    clock,
    adminSubjects: config.devLogin ? [...config.adminSubjects, ADMIN_PERSONA_SUBJECT] : config.adminSubjects,
    config: { tsa: config.tsa },
  });
  // The firm log seals every case head on an interval, and the TSA (when configured) timestamps its head.
  const stopSealing = startSealing(db, config.tsa, config.sealIntervalMinutes, (m) =>
    console.log(`[seal] ${m}`),
  );
  const server = await buildHttpServer({ app, devLogin: config.devLogin, h5Dir: config.h5Dir });
  const address = await server.listen({ host: config.host, port: config.port });
  const url = address.replace('[::1]', 'localhost');
  console.log(`Casetrail listening on ${url}`);
  if (config.devLogin) {
    console.log('Dev login is ON. Open the URL and pick a persona:');
    for (const p of PERSONAS) console.log(`  - ${p.displayName}（${p.role}）`);
  }
  const stop = async () => {
    stopSealing();
    await server.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** The server's clock: real time, or in the demo a clock started at CASETRAIL_DEMO_CLOCK and running at real speed. */
function demoClock(start: Date | null): () => Date {
  if (!start) return () => new Date();
  const offset = start.getTime() - Date.now();
  console.log(`Demo clock: starts at ${start.toISOString()}`);
  return () => new Date(Date.now() + offset);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
