import { createCasetrail } from '../casetrail';
import { ConfigError, entryClock, readEntryConfig } from '../config';
import { startSealing } from '../evidence/seal';
import { selfHostedTransport } from '../notifications/transports/self-hosted';
import { startNotifyWorker } from '../notifications/worker';
import { openDatabase } from '../platform/open-database';
import { startPruning } from '../platform/prune';
import { seedDemo } from '../seed/demo-seed';
import { ADMIN_PERSONA_SUBJECT, PERSONAS } from '../seed/personas';
import { buildHttpServer } from './app';
import { readHttpSettings } from './http-settings';

async function main(): Promise<void> {
  const config = readEntryConfig();
  const http = readHttpSettings();
  const { db, engine, describe } = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    searchPath: config.pgSchema ?? undefined,
    pool: config.pgPool,
  });
  console.log(`Database: ${engine} ${describe}`);
  const transport = selfHostedTransport(config.notify, config.notifySender);
  const clock = entryClock(config);
  if (config.demoClockStart) console.log(`Demo clock: starts at ${config.demoClockStart.toISOString()}`);
  if (config.devLogin && (await seedDemo(db, clock()))) console.log('Seeded the demo firm (first run).');
  const app = await createCasetrail({
    db,
    clock,
    adminSubjects: config.devLogin ? [...config.adminSubjects, ADMIN_PERSONA_SUBJECT] : config.adminSubjects,
    config: { tsa: config.tsa, notify: config.notify, publicBaseUrl: config.publicBaseUrl },
  });
  // The firm log seals every case head on an interval, and the TSA (when configured) timestamps its head.
  const stopSealing = startSealing(db, config.tsa, config.sealIntervalMinutes, (m) =>
    console.log(`[seal] ${m}`),
  );
  // Expired sessions, old stored answers and finished rate-limit windows are deleted hourly (platform/prune.ts).
  const stopPruning = startPruning(db, clock, (m) => console.log(`[prune] ${m}`));
  // The notification worker drains the outbox on the app's clock (the demo's clock decides quiet hours).
  const worker = transport
    ? startNotifyWorker({
        db,
        clock,
        config: config.notify,
        transport,
        intervalMs: config.notifySender.intervalSeconds * 1000,
        leaseMs: config.notifySender.leaseSeconds * 1000,
        log: (m) => console.log(`[notify] ${m}`),
      })
    : null;
  console.log(
    transport
      ? `Notifications: ${config.notify.mode}, drained every ${config.notifySender.intervalSeconds} s`
      : 'Notifications: off (in-app only)',
  );
  // The request log: one JSON line per request on stdout (CASETRAIL_LOG_LEVEL), for the operator's collector.
  const server = await buildHttpServer({
    app,
    devLogin: config.devLogin,
    h5Dir: config.h5Dir,
    log: { level: http.logLevel },
    trustedProxies: config.trustedProxies,
    timeouts: http.timeouts,
  });
  const address = await server.listen({ host: config.host, port: config.port });
  const url = address.replace('[::1]', 'localhost');
  console.log(`Casetrail listening on ${url}`);
  if (config.devLogin) {
    console.log('Dev login is ON. Open the URL and pick a persona:');
    for (const p of PERSONAS) console.log(`  - ${p.displayName}（${p.role}）`);
  }
  const stop = async () => {
    stopSealing();
    stopPruning();
    await worker?.stop();
    await server.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
