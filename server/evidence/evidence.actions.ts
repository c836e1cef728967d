import { MAX_FINDINGS_SHOWN, type SealState } from '../../contract/evidence';
import { caseContext, type ActionHandler } from '../core/action';
import { ok } from '../core/result';
import type { Db } from '../platform/migrate';
import { sealAndTimestamp } from './seal';

/** Any member may check the case's record: the client's assurance as much as the lawyer's. */
export const caseVerifyLog: ActionHandler<'case.verifyLog'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run(raw) {
    const ctx = caseContext(raw);
    const caseId = ctx.membership.caseId;
    // Checking a case's record is asked for now and then: the verifier loads on first use (a lazy file).
    const { verifyCase } = await import('./verify');
    const report = await verifyCase(ctx.db, caseId);
    return ok({
      valid: report.findings.length === 0,
      events: report.events,
      headHash: report.headHash,
      brokenAt: report.brokenAt,
      findings: report.findings.slice(0, MAX_FINDINGS_SHOWN).map((f) => ({
        code: f.code,
        table: f.table,
        row: f.row,
        field: f.field,
        message: f.message,
      })),
      findingCount: report.findings.length,
      checkedAt: ctx.now,
      seal: await sealStateOf(ctx.db, caseId, report.events),
    });
  },
};

/** Seals every moved case head into the firm log and asks the configured TSA for a timestamp over it. */
export const evidenceSeal: ActionHandler<'evidence.seal'> = {
  access: { kind: 'lawyer' },
  async run(ctx) {
    return ok(await sealAndTimestamp(ctx.db, ctx.now, ctx.config.tsa));
  },
};

/** The case's latest firm-log entry and the first timestamp that covers it. */
export async function sealStateOf(db: Db, caseId: string, events: number): Promise<SealState | null> {
  const entry = await db
    .selectFrom('firm_log')
    .select(['seq', 'at', 'case_seq', 'case_head'])
    .where('case_id', '=', caseId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!entry) return null;
  const stamp = await db
    .selectFrom('firm_timestamps')
    .select(['firm_seq', 'gen_time', 'tsa_url'])
    .where('firm_seq', '>=', entry.seq)
    .orderBy('firm_seq')
    .limit(1)
    .executeTakeFirst();
  return {
    firmSeq: Number(entry.seq),
    sealedAt: entry.at,
    caseSeq: Number(entry.case_seq),
    caseHead: entry.case_head,
    behind: events > Number(entry.case_seq),
    timestamp: stamp
      ? { firmSeq: Number(stamp.firm_seq), genTime: stamp.gen_time, tsaUrl: stamp.tsa_url, checked: false }
      : null,
  };
}
