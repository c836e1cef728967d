import path from 'node:path';

/** Settings read from the environment. Entries are the only code that calls this. */
export interface EntryConfig {
  production: boolean;
  devLogin: boolean;
  host: string;
  port: number;
  dataDir: string;
  h5Dir: string;
  adminSubjects: string[];
}

export class ConfigError extends Error {}

export function readEntryConfig(env: Record<string, string | undefined> = process.env): EntryConfig {
  const production = env.NODE_ENV === 'production';
  const devLogin = env.CASETRAIL_DEV_LOGIN === '1' || env.CASETRAIL_DEV_LOGIN === 'true';
  if (production && devLogin) {
    throw new ConfigError(
      'Refusing to start: CASETRAIL_DEV_LOGIN is set while NODE_ENV=production. ' +
        'Dev login lets anyone act as a seeded person; unset CASETRAIL_DEV_LOGIN for production.',
    );
  }
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT is not a port: ${env.PORT}`);
  const adminSubjects = (env.CASETRAIL_ADMIN_OPENIDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((openid) => `wx:${openid}`);
  return {
    production,
    devLogin,
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(env.CASETRAIL_DATA_DIR ?? 'data'),
    h5Dir: path.resolve(env.CASETRAIL_H5_DIR ?? 'dist/h5'),
    adminSubjects,
  };
}
