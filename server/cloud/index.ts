import { createCasetrail } from '../casetrail';
import { readEntryConfig } from '../config';
import { createCloudMain } from './cloud-main';
import { wxServerSdkPlatform } from './wechat-platform';

/**
 * The deployed cloud function `api`. Cloud functions have no durable disk, so it refuses to start without
 * DATABASE_URL (PostgreSQL): an embedded SQLite file there would silently lose every record.
 */
export const main = createCloudMain(wxServerSdkPlatform(), async () => {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'Casetrail cloud function needs DATABASE_URL (PostgreSQL): cloud functions have no durable disk for SQLite.',
    );
  }
  const { openPostgres } = await import('../platform/postgres');
  const config = readEntryConfig();
  return createCasetrail({ db: await openPostgres(url), adminSubjects: config.adminSubjects });
});
