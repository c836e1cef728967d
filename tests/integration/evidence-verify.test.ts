import { sql } from 'kysely';
import { verifyCase, verifyDatabase } from '../../server/evidence/verify';
import { sealFirmLog } from '../../server/evidence/firm-log.store';
import { dropAppendOnlyGuards } from '../../server/platform/migrations/0005-evidence';
import {
  APPEND_ONLY_TABLES,
  EVIDENCE_TABLES,
  type EvidenceTable,
} from '../../server/evidence/evidence-tables';
import { rewriteAnswerAndRehash } from '../fixtures/tamper';
import { openHarness, type Harness } from '../fixtures/api-harness';
import { buildEvidenceCase, type EvidenceCase } from '../fixtures/evidence-case';

let h: Harness;
let c: EvidenceCase;
beforeEach(async () => {
  h = await openHarness();
  c = await buildEvidenceCase(h);
});
afterEach(() => h.close());

const findingsOf = async (caseId = c.caseId) => (await verifyCase(h.db, caseId)).findings;

describe('verify holds every evidence row to its event', () => {
  it('passes an untouched case, with one row of every evidence table checked', async () => {
    expect(await findingsOf()).toEqual([]);
    const counts = await h.counts();
    for (const table of [
      'record_versions',
      'record_views',
      'record_responses',
      'record_questions',
      'record_answers',
    ])
      expect(counts[table]).toBeGreaterThan(0);
    const report = await verifyDatabase(h.db);
    expect(report).toMatchObject({ valid: true, cases: 1, findings: [] });
  });

  it('names the table, row and field of an edited acknowledgment', async () => {
    await dropAppendOnlyGuards(h.db);
    const ack = await h.db.selectFrom('record_responses').select('id').executeTakeFirstOrThrow();
    await h.db
      .updateTable('record_responses')
      .set({ responded_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', ack.id)
      .execute();
    expect(await findingsOf()).toEqual([
      expect.objectContaining({
        code: 'FIELD_CHANGED',
        table: 'record_responses',
        row: ack.id,
        field: 'responded_at',
      }),
    ]);
  });

  it('recomputes a version hash from its canonical text, and the text from its content', async () => {
    await dropAppendOnlyGuards(h.db);
    const v = await h.db
      .selectFrom('record_versions')
      .select(['id', 'content', 'canonical'])
      .executeTakeFirstOrThrow();
    await h.db
      .updateTable('record_versions')
      .set({ canonical: v.canonical.replace('进展', '进度') })
      .where('id', '=', v.id)
      .execute();
    expect(await findingsOf()).toEqual([
      expect.objectContaining({
        code: 'HASH_MISMATCH',
        table: 'record_versions',
        row: v.id,
        field: 'canonical',
      }),
    ]);
    await h.db
      .updateTable('record_versions')
      .set({ canonical: v.canonical, content: v.content.replace('法院', '检察院') })
      .where('id', '=', v.id)
      .execute();
    expect(await findingsOf()).toEqual([
      expect.objectContaining({
        code: 'CONTENT_MISMATCH',
        table: 'record_versions',
        row: v.id,
        field: 'content',
      }),
    ]);
  });

  it('finds a deleted receipt, an inserted one, and a changed name on a receipt', async () => {
    await dropAppendOnlyGuards(h.db);
    const view = await h.db
      .selectFrom('record_views')
      .selectAll()
      .where('role', '=', 'client')
      .executeTakeFirstOrThrow();
    await h.db
      .deleteFrom('record_views')
      .where('version_id', '=', view.version_id)
      .where('user_id', '=', view.user_id)
      .execute();
    await h.db.updateTable('record_answers').set({ answered_by_name: '王律师' }).execute();
    const findings = await findingsOf();
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'ROW_MISSING',
          table: 'record_views',
          row: `${view.version_id}/${view.user_id}`,
        }),
        expect.objectContaining({
          code: 'FIELD_CHANGED',
          table: 'record_answers',
          row: c.questionId,
          field: 'answered_by_name',
        }),
      ]),
    );
    await h.db.insertInto('record_views').values(view).execute();
    await h.db
      .insertInto('record_views')
      .values({
        ...view,
        user_id: (
          await h.db
            .selectFrom('case_members')
            .select('user_id')
            .where('role', '=', 'lawyer')
            .executeTakeFirstOrThrow()
        ).user_id,
        role: 'client',
      })
      .execute();
    expect((await findingsOf()).map((f) => [f.code, f.table])).toEqual([
      ['ROW_UNCOMMITTED', 'record_views'],
      ['FIELD_CHANGED', 'record_answers'],
    ]);
  });

  it('finds an emptied chain, a deleted case, and a chain cut back or re-hashed once the firm log holds it', async () => {
    await sealFirmLog(h.db, h.now().toISOString());
    await dropAppendOnlyGuards(h.db);
    const last = await h.db
      .selectFrom('case_events')
      .select((e) => e.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    await h.db
      .deleteFrom('case_events')
      .where('seq', '>=', Number(last.seq) - 1)
      .execute();
    expect((await findingsOf()).map((f) => f.code)).toEqual(
      expect.arrayContaining(['CHAIN_CUT', 'ROW_UNCOMMITTED']),
    );

    await h.db.deleteFrom('case_events').execute();
    expect((await findingsOf()).map((f) => f.code)).toEqual(
      expect.arrayContaining(['CHAIN_EMPTY', 'CHAIN_CUT']),
    );

    for (const table of [
      // What the case's acts queued for its people refers to the case too.
      'notification_outbox',
      'notification_messages',
      'record_answers',
      'record_questions',
      'record_responses',
      'record_views',
      'member_case_state',
      'record_drafts',
      'record_versions',
      'records',
      'case_members',
      'case_stages',
      'invites',
      'cases',
    ])
      await sql`delete from ${sql.table(table)}`.execute(h.db);
    const report = await verifyDatabase(h.db);
    expect(report.valid).toBe(false);
    expect(report.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['CASE_MISSING', 'CHAIN_CUT']));
  });
});

describe('a chain re-hashed after an edit', () => {
  it('passes its own links but not the firm log that sealed it', async () => {
    await sealFirmLog(h.db, h.now().toISOString());
    await dropAppendOnlyGuards(h.db);
    await rewriteAnswerAndRehash(h.db, c.caseId);
    const report = await verifyCase(h.db, c.caseId);
    expect(report.brokenAt).toBeNull();
    expect(report.findings).toEqual([
      expect.objectContaining({ code: 'CHAIN_REWRITTEN', table: 'firm_log', field: 'head' }),
    ]);
  });
});

const APPEND_ONLY = expect.stringMatching(/append-only/) as unknown as string;

describe('the database refuses edits of evidence', () => {
  it.each(APPEND_ONLY_TABLES.filter((t) => !t.startsWith('firm_')))(
    'refuses UPDATE and DELETE on %s',
    async (table) => {
      const before = await h.counts();
      // better-sqlite3 binds its error class once per process: in a jest worker that loaded it for another file
      // first, the rejection is an Error of that file's realm, so match the message rather than `toThrow`.
      await expect(sql`delete from ${sql.table(table)}`.execute(h.db)).rejects.toMatchObject({
        message: APPEND_ONLY,
      });
      const column = table === 'case_events' ? 'hash' : EVIDENCE_TABLES[table as EvidenceTable].committed[0];
      await expect(
        sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sql.ref(column)}`.execute(h.db),
      ).rejects.toMatchObject({ message: APPEND_ONLY });
      expect(await h.counts()).toEqual(before);
    },
  );
});

describe('bad input to the evidence actions', () => {
  it.each([
    ['case.verifyLog', {}],
    ['case.verifyLog', { caseId: 'x'.repeat(500) }],
    ['case.export', { caseId: 42 }],
    ['case.export', { caseId: 'c-0001', format: 'pdf' }],
    ['evidence.seal', { all: true }],
  ] as const)('%s refuses %j with a typed error and changes nothing', async (action, payload) => {
    const before = await h.counts();
    const error = await h.err(c.lawyer, action, payload);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await h.counts()).toEqual(before);
  });
});
