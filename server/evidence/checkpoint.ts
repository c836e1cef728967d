/**
 * Rows written before the evidence migration (0005) were never committed field by field. One
 * `evidence.checkpoint` event per case commits them as they stand at the migration, and they point at it; what
 * they were before rests on the old chain alone. A fresh database has nothing to checkpoint.
 */
import { sql } from 'kysely';
import { viewIsEvidence } from '../records/records.rules';
import { appendCaseEvent } from '../events/event-log.store';
import type { Db } from '../platform/migrate';
import { MEMBER_ROLES, type MemberRole } from '../../contract/roles';
import { caseRows, type PointingTable } from './evidence.store';
import { EVIDENCE_TABLE_NAMES, commitRow, type RowCommitment } from './evidence-tables';

const POINTING: PointingTable[] = [
  'record_versions',
  'record_views',
  'record_responses',
  'record_questions',
  'record_answers',
  'case_members',
];

export async function checkpointLegacyEvidence(db: Db, now: string): Promise<number> {
  const cases = await db.selectFrom('cases').select(['id', 'created_by']).orderBy('id').execute();
  for (const c of cases) {
    const commits: RowCommitment[] = [];
    for (const table of EVIDENCE_TABLE_NAMES) {
      const { rows } = await caseRows(db, table, c.id);
      for (const row of rows) {
        if (table === 'record_views' && !viewIsEvidence(row.role as MemberRole)) continue;
        commits.push(commitRow(table, row));
      }
    }
    const event = await appendCaseEvent(db, {
      caseId: c.id,
      at: now,
      actorId: c.created_by,
      type: 'evidence.checkpoint',
      payload: { reason: 'migration 0005-evidence', rows: commits.length },
      commits,
    });
    const ofCase = sql`(select id from records where case_id = ${c.id})`;
    for (const table of POINTING) {
      const scope = table === 'case_members' ? sql`case_id = ${c.id}` : sql`record_id in ${ofCase}`;
      const onlyEvidence =
        table === 'record_views' ? sql` and role in (${sql.join(evidenceRoles())})` : sql``;
      await sql`update ${sql.table(table)} set event_seq = ${event.seq} where ${scope}${onlyEvidence}`.execute(
        db,
      );
    }
  }
  return cases.length;
}

const evidenceRoles = (): MemberRole[] => MEMBER_ROLES.filter((role) => viewIsEvidence(role));
