import { createCasetrail } from '../casetrail';
import { readEntryConfig } from '../config';
import { isPostgresUrl, openDatabase } from '../platform/open-database';
import { createCloudMain } from './cloud-main';
import { wxServerSdkPlatform } from './wechat-platform';

/**
 * The deployed cloud function `api`. Cloud functions have no durable disk, so it refuses to start without
 * DATABASE_URL (PostgreSQL): an embedded SQLite file there would silently lose every record.
 * The instance keeps a small pool (CLOUD_POOL: 2 connections, released after 10 s idle) and checks
 * migrations with one query on a cold start (ensureMigrated).
 */
export const main = createCloudMain(
  wxServerSdkPlatform(),
  async () => {
    const config = readEntryConfig();
    if (!isPostgresUrl(config.databaseUrl)) {
      throw new Error(
        'Casetrail cloud function needs DATABASE_URL (postgres://…): cloud functions have no durable disk for SQLite.',
      );
    }
    // openDatabase loads pg here, on the first call, not when the function is loaded.
    const { db, describe } = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolProfile: 'cloud',
      pool: config.pgPool,
    });
    console.log(`[casetrail] database: postgres ${describe}`);
    return createCasetrail({
      db,
      adminSubjects: config.adminSubjects,
      config: { tsa: config.tsa, notify: config.notify, publicBaseUrl: config.publicBaseUrl },
    });
  },
  // The `notify` timer trigger sends through cloud.openapi (no appid or secret needed in the cloud).
  { notify: () => readEntryConfig().notify },
);
