import fc from 'fast-check';
import { ACTION_NAMES, actions, type ActionName } from '../../contract/index';
import { ERROR_MESSAGES } from '../../contract/errors';
import type { ApiResponse } from '../../contract/envelope';
import { inputArbitrary, mutateEnvelope } from './arbitraries';
import { ROLES, SUBJECTS, type FuzzFirm, type Role } from './firm';
import { changedTables, installWriteCounter, movedTables, snapshot, type Snapshot } from './snapshot';

/** A refused answer above this many bytes is a finding (the uncapped validation answer was 7 MB). */
export const MAX_REFUSAL_BYTES = 16 * 1024;
/** Inputs generated at a time (huge strings and arrays are built per chunk, not all up front). */
const CHUNK = 50;
/**
 * Actions that take a caller's standing away (consent withdrawn, member removed, account deleted) run last, so
 * the roles keep their access for every other action.
 */
const RUN_LAST: readonly string[] = ['privacy.withdraw', 'member.remove', 'account.delete'];

/** The actions in the order they are fuzzed. */
export function fuzzOrder(names: readonly ActionName[]): ActionName[] {
  return [...names.filter((n) => !RUN_LAST.includes(n)), ...names.filter((n) => RUN_LAST.includes(n))];
}

export interface ActionReport {
  action: ActionName;
  tried: number;
  ok: number;
  /** Refusals by error code. */
  codes: Record<string, number>;
  ms: number;
}

export interface Finding {
  action: ActionName;
  role: Role;
  problem: string;
  /** The envelope, clipped (huge values summarized). */
  input: string;
}

export interface FuzzOptions {
  /** Inputs per action (spread over the roles in turn). */
  runs: number;
  seed: number;
  engine: 'sqlite' | 'postgres';
  actions?: readonly ActionName[];
  /** Called after each action. */
  onAction?: (report: ActionReport) => void;
  /** Stop collecting after this many findings (the run goes on counting). */
  maxFindings?: number;
  /**
   * On SQLite, the first this many inputs of each action are also checked by a full snapshot of every table
   * before and after (the rest by the committed-write counters). PostgreSQL compares snapshots every time.
   */
  audited?: number;
}

export interface FuzzResult {
  reports: ActionReport[];
  findings: Finding[];
  ms: number;
}

/** A short, printable picture of an input (huge strings and arrays summarized). */
export function describe(value: unknown): string {
  const seen = new WeakSet<object>();
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string' && v.length > 80) return `${v.slice(0, 40)}…(${v.length} chars)`;
    if (Array.isArray(v) && v.length > 8) return [...v.slice(0, 3), `…(${v.length} items)`];
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return '(seen)';
      seen.add(v);
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (v === undefined) return '(undefined)';
    return v;
  });
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

function seedOf(seed: number, action: string, chunk: number): number {
  let h = seed | 0;
  for (const ch of `${action}#${chunk}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/**
 * Calls every action with generated and hostile inputs as every role, through the real router on the firm's
 * database, and checks each answer: a success or a typed error (never INTERNAL, never thrown, never
 * untyped), a refusal small, and a refusal that changed no table.
 */
export async function runFuzz(firm: FuzzFirm, options: FuzzOptions): Promise<FuzzResult> {
  const started = performance.now();
  const findings: Finding[] = [];
  const reports: ActionReport[] = [];
  const maxFindings = options.maxFindings ?? 50;
  const audited = options.audited ?? 20;
  const counter = await installWriteCounter(firm.db, options.engine);
  let counts = await counter.read();
  // PostgreSQL: the state after the previous call (every call is compared by snapshot).
  let baseline: Snapshot | null = counts === null ? await snapshot(firm.db, options.engine) : null;
  let requestSeq = 0;
  let lastRequestId = 'fz-00000000';

  for (const action of fuzzOrder(options.actions ?? ACTION_NAMES)) {
    const actionStarted = performance.now();
    const report: ActionReport = { action, tried: 0, ok: 0, codes: {}, ms: 0 };
    const arbitrary = inputArbitrary(actions[action].input, firm.pools);
    for (let chunk = 0; report.tried < options.runs; chunk++) {
      const count = Math.min(CHUNK, options.runs - report.tried);
      const inputs = fc.sample(arbitrary, { numRuns: count, seed: seedOf(options.seed, action, chunk) });
      for (const { payload, mutation } of inputs) {
        const role = ROLES[report.tried % ROLES.length];
        report.tried++;
        // One input in 50 reuses the previous request id (a replay, or a different payload under a used id).
        const requestId =
          report.tried % 50 === 0 ? lastRequestId : `fz-${(requestSeq++).toString(36).padStart(8, '0')}`;
        lastRequestId = requestId;
        const envelope = mutateEnvelope(action, payload, requestId, mutation);
        const note = (problem: string) => {
          if (findings.length < maxFindings)
            findings.push({ action, role, problem, input: describe(envelope) });
        };
        const before = baseline ?? (report.tried <= audited ? await snapshot(firm.db, options.engine) : null);
        firm.tick();
        let res: ApiResponse<unknown>;
        const loggedBefore = firm.logged.length;
        try {
          res = await firm.app.handle(envelope, { subject: SUBJECTS[role], sourceIp: '10.0.0.7' });
        } catch (error) {
          note(`threw: ${error instanceof Error ? error.message : String(error)}`);
          report.codes.THROWN = (report.codes.THROWN ?? 0) + 1;
          continue;
        }
        if (firm.logged.length > loggedBefore) note(`logged: ${firm.logged[loggedBefore].slice(0, 400)}`);
        const countsAfter = await counter.read();
        const written = counts && countsAfter ? movedTables(counts, countsAfter) : [];
        counts = countsAfter;
        const after = before ? await snapshot(firm.db, options.engine) : null;
        if (baseline) baseline = after;
        if (typeof res !== 'object' || res === null || typeof res.ok !== 'boolean') {
          note(`answer is not an envelope: ${describe(res)}`);
          continue;
        }
        if (res.ok) {
          report.ok++;
          continue;
        }
        const code = res.error?.code;
        report.codes[String(code)] = (report.codes[String(code)] ?? 0) + 1;
        if (!Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code))
          note(`untyped error code ${describe(code)}`);
        if (code === 'INTERNAL') note('INTERNAL');
        if (typeof res.error.message !== 'string' || !res.error.message) note('error without a message');
        const bytes = Buffer.byteLength(JSON.stringify(res));
        if (bytes > MAX_REFUSAL_BYTES) note(`refusal of ${bytes} bytes`);
        if (written.length) note(`refused (${code}) but committed writes to ${written.join(', ')}`);
        if (before && after) {
          const changed = changedTables(before, after);
          if (changed.length) note(`refused (${code}) but changed ${changed.join(', ')}`);
        }
      }
    }
    report.ms = Math.round(performance.now() - actionStarted);
    reports.push(report);
    options.onAction?.(report);
  }
  return { reports, findings, ms: Math.round(performance.now() - started) };
}

/** The report as aligned text lines: action, inputs, successes, then each error code with its count. */
export function formatReport(result: FuzzResult): string[] {
  const width = Math.max(...result.reports.map((r) => r.action.length));
  const lines = result.reports.map((r) => {
    const codes = Object.entries(r.codes)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    return `${r.action.padEnd(width)}  ${String(r.tried).padStart(6)} tried  ${String(r.ok).padStart(5)} ok  ${String(r.ms).padStart(6)} ms  ${codes}`;
  });
  const total = result.reports.reduce((n, r) => n + r.tried, 0);
  lines.push(
    `${result.reports.length} actions, ${total} inputs, ${(result.ms / 1000).toFixed(1)} s, ${result.findings.length} findings`,
  );
  return lines;
}
