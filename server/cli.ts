/**
 * Maintenance commands on the database:
 *   tsx server/cli.ts migrate                          apply pending migrations
 *   tsx server/cli.ts seed                             seed the demo firm (once)
 *   tsx server/cli.ts seal                             seal every case head into the firm log; timestamp it (TSA)
 *   tsx server/cli.ts prune                            delete expired sessions, stored answers older than 7 days
 *                                                      and finished rate-limit windows
 *   tsx server/cli.ts notify [--watch]                 drain the notification outbox once, or run the worker
 *                                                      alone (--watch; CASETRAIL_NOTIFY, CASETRAIL_WX_*)
 *   tsx server/cli.ts verify [caseId] [--receipts F]   verify every case's evidence (or one), the firm log and its
 *                                                      timestamps; F: receipts a person kept (a JSON list of
 *                                                      `{caseId, seq, head}`) or an evidence bundle exported earlier
 * PostgreSQL when DATABASE_URL is set (postgres://…), else SQLite in CASETRAIL_DATA_DIR (default ./data).
 * The TSA comes from CASETRAIL_TSA_URL and its roots from CASETRAIL_TSA_ROOTS (a PEM file).
 */
import fs from 'node:fs';
import { entryClock, readEntryConfig, type EntryConfig } from './config';
import { heldReceiptsFrom } from './evidence/held-receipts';
import { sealAndTimestamp } from './evidence/seal';
import { verifyDatabase, type HeldReceipt } from './evidence/verify';
import { selfHostedTransport } from './notifications/transports/self-hosted';
import { notifyTick, startNotifyWorker } from './notifications/worker';
import { migrate, type Db } from './platform/migrate';
import { openDatabase } from './platform/open-database';
import { describePrune, pruneExpired } from './platform/prune';
import { seedDemo } from './seed/demo-seed';

const USAGE =
  'usage: cli.ts migrate | seed | seal | prune | notify [--watch] | verify [caseId] [--receipts FILE]';
const COMMANDS = ['migrate', 'seed', 'seal', 'prune', 'notify', 'verify'];

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!COMMANDS.includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const receiptsAt = rest.indexOf('--receipts');
  const receiptsFile = receiptsAt >= 0 ? rest[receiptsAt + 1] : undefined;
  if (receiptsAt >= 0 && !receiptsFile) {
    console.error(USAGE);
    return 2;
  }
  const caseId = rest.find((a, i) => !a.startsWith('--') && (receiptsAt < 0 || i !== receiptsAt + 1));
  const receipts = receiptsFile ? readReceipts(receiptsFile) : [];
  const config = readEntryConfig();
  const { db, engine, describe } = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    searchPath: config.pgSchema ?? undefined,
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
      case 'seal': {
        const outcome = await sealAndTimestamp(db, new Date().toISOString(), config.tsa);
        console.log(
          `Sealed ${outcome.appended} case head(s); firm log #${outcome.firmSeq ?? '-'} ${outcome.firmHead ?? ''}`,
        );
        if (outcome.timestamp)
          console.log(`Timestamp: ${outcome.timestamp.genTime} from ${outcome.timestamp.tsaUrl}`);
        else console.log(`No timestamp: ${outcome.timestampError}`);
        return outcome.timestampError && config.tsa.url ? 1 : 0;
      }
      case 'prune':
        console.log(`${engine} ${describe}: ${describePrune(await pruneExpired(db, entryClock(config)()))}`);
        return 0;
      case 'notify':
        return await runNotify(db, config, rest.includes('--watch'));
      case 'verify':
        return await runVerify(db, caseId, receipts, config.tsa.rootsPem);
      default:
        console.error(USAGE);
        return 2;
    }
  } finally {
    await db.destroy();
  }
}

/** Drains the outbox once, or (--watch) runs the worker until SIGINT/SIGTERM. */
async function runNotify(db: Db, config: EntryConfig, watch: boolean): Promise<number> {
  const transport = selfHostedTransport(config.notify, config.notifySender);
  if (!transport) {
    console.error('Notifications are off (CASETRAIL_NOTIFY): nothing to send.');
    return 1;
  }
  const clock = entryClock(config);
  const options = {
    clock,
    config: config.notify,
    transport,
    leaseMs: config.notifySender.leaseSeconds * 1000,
    log: (m: string) => console.log(`[notify] ${m}`),
  };
  if (!watch) {
    const o = await notifyTick(db, options);
    console.log(
      `Drained: ${o.sent} sent, ${o.retrying} to retry, ${o.dead} dead, ${o.deferred} deferred (quiet hours), ${o.skipped} skipped.`,
    );
    return 0;
  }
  const worker = startNotifyWorker({
    ...options,
    db,
    intervalMs: config.notifySender.intervalSeconds * 1000,
  });
  console.log(`Notification worker: ${config.notify.mode}, every ${config.notifySender.intervalSeconds} s`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await worker.stop();
  return 0;
}

async function runVerify(
  db: Parameters<typeof verifyDatabase>[0],
  caseId: string | undefined,
  receipts: HeldReceipt[],
  tsaRootsPem: string[],
): Promise<number> {
  const started = process.hrtime.bigint();
  const report = await verifyDatabase(db, {
    caseId,
    receipts,
    tsaRootsPem,
    onCase: (c) =>
      console.log(
        c.findings.length
          ? `FAILED  case ${c.caseId}: ${c.events} events, ${c.findings.length} finding(s)`
          : `ok      case ${c.caseId}: ${c.events} events, head ${c.headHash}`,
      ),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const f of report.findings)
    console.log(
      `  ${f.code.padEnd(17)} ${f.caseId ?? '(firm)'} ${f.table}${f.row ? ` row ${f.row}` : ''}${f.field ? ` field ${f.field}` : ''}: ${f.message}`,
    );
  console.log(`firm log: ${report.firmLog.entries} entries, head ${report.firmLog.head ?? '-'}`);
  for (const t of report.timestamps)
    console.log(
      `timestamp over firm log #${t.firmSeq}: ${t.genTime} from ${t.tsaUrl} (${t.checked ? 'signature and certificate chain checked' : 'imprint checked; no TSA roots configured, signer not checked'})`,
    );
  if (receipts.length) console.log(`${receipts.length} receipt(s) held against the chain.`);
  console.log(
    `${report.cases} case(s), ${report.events} events checked in ${seconds.toFixed(2)} s (${Math.round(report.events / Math.max(seconds, 1e-9))} events/s): ${report.valid ? 'no findings' : `${report.findings.length} finding(s)`}.`,
  );
  return report.valid ? 0 : 1;
}

/** Receipts as a person keeps them: a list, or an evidence bundle exported earlier (its head). */
function readReceipts(file: string): HeldReceipt[] {
  try {
    return heldReceiptsFrom(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
