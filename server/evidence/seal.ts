/**
 * Sealing and timestamping the firm log (DESIGN §4): case heads that moved are appended to the firm log, and the
 * firm log's head gets an RFC 3161 token from the TSA named in configuration. Runs on an interval (HTTP entry,
 * cloud timer trigger) and on demand (`evidence.seal`).
 */
import type { Db } from '../platform/migrate';
import { firmHead, sealFirmLog, sealFirmLogIn } from './firm-log.store';

export interface TsaConfig {
  /** The TSA's URL (RFC 3161 over HTTP); null: seal without timestamps. */
  url: string | null;
  /** PEM roots a token's signer must chain to. */
  rootsPem: string[];
  timeoutMs: number;
}

export const NO_TSA: TsaConfig = { url: null, rootsPem: [], timeoutMs: 10_000 };

export interface SealOutcome {
  appended: number;
  firmSeq: number | null;
  firmHead: string | null;
  timestamp: { genTime: string; tsaUrl: string } | null;
  timestampError: string | null;
}

/**
 * Seals, then timestamps the firm head unless it already has a token. Given the database (the `evidence.seal` action,
 * the interval, the timer trigger, the CLI), the seal commits first and the TSA is asked outside any transaction;
 * given a transaction, all happens inside it, and the TSA's timeout bounds how long it holds the write lock.
 */
export async function sealAndTimestamp(db: Db, now: string, tsa: TsaConfig): Promise<SealOutcome> {
  const appended = db.isTransaction ? await sealFirmLogIn(db, now) : await sealFirmLog(db, now);
  const head = await firmHead(db);
  const outcome: SealOutcome = {
    appended: appended.length,
    firmSeq: head?.seq ?? null,
    firmHead: head?.hash ?? null,
    timestamp: null,
    timestampError: null,
  };
  if (!head) return outcome;
  const existing = await db
    .selectFrom('firm_timestamps')
    .select(['gen_time', 'tsa_url'])
    .where('firm_seq', '=', head.seq)
    .executeTakeFirst();
  if (existing) return { ...outcome, timestamp: { genTime: existing.gen_time, tsaUrl: existing.tsa_url } };
  if (!tsa.url) return { ...outcome, timestampError: '未配置可信时间戳服务（TSA）' };
  const { requestTimestamp } = await import('./timestamp/rfc3161');
  try {
    const stamp = await requestTimestamp(tsa.url, head.hash, { timeoutMs: tsa.timeoutMs });
    await db
      .insertInto('firm_timestamps')
      .values({
        firm_seq: head.seq,
        firm_head: head.hash,
        tsa_url: tsa.url,
        token: stamp.token,
        gen_time: stamp.genTime,
        serial: stamp.serial,
        created_at: now,
      })
      .execute();
    return { ...outcome, timestamp: { genTime: stamp.genTime, tsaUrl: tsa.url } };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'TSA_BAD_RESPONSE';
    return { ...outcome, timestampError: TSA_ERRORS[code] ?? TSA_ERRORS.TSA_BAD_RESPONSE };
  }
}

const TSA_ERRORS: Record<string, string> = {
  TSA_UNREACHABLE: '时间戳服务暂时无法连接，已封存，稍后将自动重试',
  TSA_REJECTED: '时间戳服务拒绝了本次请求，已封存，稍后将自动重试',
  TSA_BAD_RESPONSE: '时间戳服务的答复无法识别，已封存，稍后将自动重试',
};

/**
 * Seals and timestamps every `minutes` (0: never) until stopped; a failed round is logged and retried next time.
 * @example const stop = startSealing(db, config.tsa, 60, console.error); … stop();
 */
export function startSealing(
  db: Db,
  tsa: TsaConfig,
  minutes: number,
  log: (message: string) => void,
  clock: () => Date = () => new Date(),
): () => void {
  if (minutes <= 0) return () => undefined;
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      const outcome = await sealAndTimestamp(db, clock().toISOString(), tsa);
      if (outcome.appended) log(`sealed ${outcome.appended} case head(s) at firm log #${outcome.firmSeq}`);
      if (outcome.timestampError && tsa.url) log(`timestamp not taken: ${outcome.timestampError}`);
    } catch (error) {
      log(`sealing failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void round(), minutes * 60_000);
  timer.unref();
  void round();
  return () => clearInterval(timer);
}
