import fs from 'node:fs';
import path from 'node:path';
import type { TsaConfig } from './evidence/seal';
import type { PostgresPoolOptions } from './platform/postgres';

/** Settings read from the environment. Entries are the only code that calls this. */
export interface EntryConfig {
  production: boolean;
  devLogin: boolean;
  host: string;
  port: number;
  dataDir: string;
  h5Dir: string;
  adminSubjects: string[];
  /** DATABASE_URL: PostgreSQL when set (postgres:// or postgresql://), else SQLite in dataDir. */
  databaseUrl: string | null;
  /** PostgreSQL pool overrides (CASETRAIL_PG_*); each entry applies them over its own defaults. */
  pgPool: Partial<PostgresPoolOptions>;
  /** The RFC 3161 time-stamping authority (CASETRAIL_TSA_URL, CASETRAIL_TSA_ROOTS = a PEM file). */
  tsa: TsaConfig;
  /** How often the firm log is sealed and timestamped (CASETRAIL_SEAL_INTERVAL_MINUTES; 0 = only on demand). */
  sealIntervalMinutes: number;
  /**
   * CASETRAIL_DEMO_CLOCK (demo only, never with dev login off): the instant the demo's clock starts at; it then
   * runs at real speed. The browser journeys use it to write a request on a Friday night whatever today is.
   */
  demoClockStart: Date | null;
}

/** Environment variables that override PostgreSQL pool settings (milliseconds, or a count for the max). */
const PG_POOL_ENV = {
  CASETRAIL_PG_POOL_MAX: 'max',
  CASETRAIL_PG_IDLE_TIMEOUT_MS: 'idleTimeoutMillis',
  CASETRAIL_PG_CONNECT_TIMEOUT_MS: 'connectionTimeoutMillis',
  CASETRAIL_PG_STATEMENT_TIMEOUT_MS: 'statementTimeoutMillis',
  CASETRAIL_PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'idleInTransactionTimeoutMillis',
} as const;

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
  const pgPool: Partial<PostgresPoolOptions> = {};
  for (const [name, key] of Object.entries(PG_POOL_ENV)) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    const least = key === 'max' ? 1 : 0;
    if (!Number.isInteger(value) || value < least)
      throw new ConfigError(`${name} must be a whole number ≥ ${least}: ${raw}`);
    pgPool[key] = value;
  }
  const demoClock = env.CASETRAIL_DEMO_CLOCK?.trim();
  const demoClockStart = demoClock ? new Date(demoClock) : null;
  if (demoClockStart && !devLogin)
    throw new ConfigError('CASETRAIL_DEMO_CLOCK is for the demo only: it needs CASETRAIL_DEV_LOGIN.');
  if (demoClockStart && Number.isNaN(demoClockStart.getTime()))
    throw new ConfigError(`CASETRAIL_DEMO_CLOCK is not an instant: ${demoClock}`);
  return {
    demoClockStart,
    tsa: readTsaConfig(env),
    sealIntervalMinutes: wholeNumber(env, 'CASETRAIL_SEAL_INTERVAL_MINUTES', 60),
    production,
    devLogin,
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(env.CASETRAIL_DATA_DIR ?? 'data'),
    h5Dir: path.resolve(env.CASETRAIL_H5_DIR ?? 'dist/h5'),
    adminSubjects,
    databaseUrl: env.DATABASE_URL?.trim() || null,
    pgPool,
  };
}

function wholeNumber(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigError(`${name} must be a whole number ≥ 0: ${raw}`);
  return value;
}

function readTsaConfig(env: Record<string, string | undefined>): TsaConfig {
  const url = env.CASETRAIL_TSA_URL?.trim() || null;
  if (url && !/^https?:\/\//.test(url))
    throw new ConfigError(`CASETRAIL_TSA_URL must be an http(s) URL: ${url}`);
  const rootsFile = env.CASETRAIL_TSA_ROOTS?.trim();
  let rootsPem: string[] = [];
  if (rootsFile) {
    let text: string;
    try {
      text = fs.readFileSync(rootsFile, 'utf8');
    } catch {
      throw new ConfigError(`CASETRAIL_TSA_ROOTS names a file that cannot be read: ${rootsFile}`);
    }
    rootsPem = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    if (rootsPem.length === 0)
      throw new ConfigError(`CASETRAIL_TSA_ROOTS holds no PEM certificate: ${rootsFile}`);
  }
  return { url, rootsPem, timeoutMs: wholeNumber(env, 'CASETRAIL_TSA_TIMEOUT_MS', 10_000) };
}
