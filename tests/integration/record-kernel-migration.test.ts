import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createCasetrail, type Casetrail } from '../../server/casetrail';
import { appendCaseEvent, readCaseEvents, verifyCaseEvents } from '../../server/events/event-log.store';
import { canonicalJson, sha256Hex } from '../../server/platform/crypto';
import { verifyCase } from '../../server/evidence/verify';
import { updateEvidence } from '../../server/updates/updates.rules';
import { statementEvidence } from '../../server/statements/statements.rules';
import { openSqlite, sqliteFileIn, type Db } from '../../server/platform/database';
import { migrate, migrateTo } from '../../server/platform/migrate';
import { MIGRATIONS } from '../../server/platform/migrations/index';
import { openPostgres } from '../../server/platform/postgres';
import type { ActionName } from '../../contract/index';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';

/**
 * A database written before the record kernel (schema 0002, per-feature tables) is migrated in place: every
 * version, receipt, acknowledgment, question and draft is still there, under the same ids and hashes, and the
 * case chain that names them stays valid.
 */
const pgUrl = process.env.CASETRAIL_TEST_PG_URL;
let db: Db;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  if (pgUrl) {
    const schema = `m_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = async (statement: string) => {
      const client = new Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(statement).finally(() => client.end());
    };
    await admin(`create schema ${schema}`);
    db = await openPostgres(pgUrl, { searchPath: schema, migrate: false });
    cleanup = async () => {
      await db.destroy();
      await admin(`drop schema ${schema} cascade`);
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-migration-'));
    db = await openSqlite(sqliteFileIn(dir), { migrate: false });
    cleanup = async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await migrateTo(db, '0002-statements');
});
afterEach(() => cleanup());

const T0 = '2026-03-01T02:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** Rows as the 0002 code wrote them, with chain events naming them. */
async function writeOldCase() {
  const insert = (table: string, values: Record<string, unknown>) =>
    db
      .insertInto(table as never)
      .values(values as never)
      .execute();
  await insert('users', {
    id: 'u-lawyer',
    subject: 'wx:o-lawyer',
    display_name: '张律师',
    is_admin: 0,
    is_lawyer: 1,
    created_at: T0,
  });
  await insert('users', {
    id: 'u-client',
    subject: 'wx:o-client',
    display_name: '李女士',
    is_admin: 0,
    is_lawyer: 0,
    created_at: T0,
  });
  await insert('users', {
    id: 'u-client2',
    subject: 'wx:o-client2',
    display_name: '王先生',
    is_admin: 0,
    is_lawyer: 0,
    created_at: T0,
  });
  await insert('cases', {
    id: 'case-0001',
    title: '借款纠纷',
    case_type: '民事',
    case_number: null,
    court: null,
    opposing_party: null,
    current_stage_index: 0,
    created_by: 'u-lawyer',
    created_at: T0,
    last_activity_at: at(30),
  });
  await insert('case_stages', { case_id: 'case-0001', idx: 0, name: '立案', description: '提交起诉材料' });
  await insert('case_stages', { case_id: 'case-0001', idx: 1, name: '举证', description: '提交证据' });
  for (const [user, role] of [
    ['u-lawyer', 'lawyer'],
    ['u-client', 'client'],
    ['u-client2', 'client'],
  ]) {
    await insert('case_members', {
      case_id: 'case-0001',
      user_id: user,
      role,
      joined_at: T0,
      invite_id: null,
    });
  }
  const event = (type: string, payload: Record<string, unknown>, minute: number, actor = 'u-lawyer') =>
    appendCaseEvent(db, {
      caseId: 'case-0001',
      at: at(minute),
      actorId: actor,
      type: type as never,
      payload,
    });

  // Two updates; the first corrected once. 李女士 read version 1 of the first and the second; 王先生 nothing.
  const updateVersion = (
    id: string,
    updateId: string,
    no: number,
    title: string,
    minute: number,
    reason: string | null,
  ) => {
    const stage = no === 1 && updateId === 'update-0001' ? { index: 1, name: '举证' } : null;
    // The evidence the app hashed then (the same function the kernel hashes with now).
    const canonical = canonicalJson(
      updateEvidence(
        { title, body: `${title}的正文`, nextSteps: null, risks: '风险' },
        { caseId: 'case-0001', updateId, versionNo: no, stage, reason },
      ),
    );
    return {
      row: {
        id,
        update_id: updateId,
        version_no: no,
        title,
        body: `${title}的正文`,
        next_steps: null,
        risks: '风险',
        stage_index: no === 1 && updateId === 'update-0001' ? 1 : null,
        stage_name: no === 1 && updateId === 'update-0001' ? '举证' : null,
        reason,
        canonical,
        content_hash: sha256Hex(canonical),
        created_by: 'u-lawyer',
        created_at: at(minute),
      },
      hash: sha256Hex(canonical),
    };
  };
  const v11 = updateVersion('v-1-1', 'update-0001', 1, '已提交起诉材料', 1, null);
  const v12 = updateVersion('v-1-2', 'update-0001', 2, '已提交起诉材料（更正）', 5, '日期有误');
  const v21 = updateVersion('v-2-1', 'update-0002', 1, '法院已受理', 3, null);
  await insert('updates', {
    id: 'update-0001',
    case_id: 'case-0001',
    created_by: 'u-lawyer',
    created_at: at(1),
    current_version_id: 'v-1-2',
    current_version_no: 2,
    current_version_at: at(5),
  });
  await insert('updates', {
    id: 'update-0002',
    case_id: 'case-0001',
    created_by: 'u-lawyer',
    created_at: at(3),
    current_version_id: 'v-2-1',
    current_version_no: 1,
    current_version_at: at(3),
  });
  for (const v of [v11, v12, v21]) await insert('update_versions', v.row);
  await event(
    'update.published',
    { updateId: 'update-0001', versionId: 'v-1-1', versionNo: 1, contentHash: v11.hash },
    1,
  );
  await insert('read_receipts', {
    version_id: 'v-1-1',
    user_id: 'u-client',
    update_id: 'update-0001',
    read_at: at(2),
    request_id: 'req-read-1',
  });
  await event('update.read', { updateId: 'update-0001', versionId: 'v-1-1' }, 2, 'u-client');
  await event(
    'update.published',
    { updateId: 'update-0002', versionId: 'v-2-1', versionNo: 1, contentHash: v21.hash },
    3,
  );
  await insert('read_receipts', {
    version_id: 'v-2-1',
    user_id: 'u-client',
    update_id: 'update-0002',
    read_at: at(4),
    request_id: 'req-read-2',
  });
  await event('update.read', { updateId: 'update-0002', versionId: 'v-2-1' }, 4, 'u-client');
  await event(
    'update.corrected',
    { updateId: 'update-0001', versionId: 'v-1-2', versionNo: 2, contentHash: v12.hash },
    5,
  );

  // A statement in version 1 acknowledged by 李女士, a question answered, and a draft of version 2.
  const content = {
    title: '预期与风险告知',
    intro: null,
    sections: { worstCase: [{ id: 'i-1', text: '最坏情况' }], weWill: [], weCannot: [], youMust: [] },
  };
  const canonical = canonicalJson(
    statementEvidence(content as unknown as Parameters<typeof statementEvidence>[0], {
      caseId: 'case-0001',
      statementId: 'statement-0001',
      versionNo: 1,
      changeNote: null,
    }),
  );
  await insert('statements', {
    id: 'statement-0001',
    case_id: 'case-0001',
    created_by: 'u-lawyer',
    created_at: at(10),
    current_version_no: 1,
    current_version_id: 'sv-1',
  });
  await insert('statement_versions', {
    id: 'sv-1',
    statement_id: 'statement-0001',
    version_no: 1,
    content: JSON.stringify(content),
    canonical,
    content_hash: sha256Hex(canonical),
    change_note: null,
    promise_warnings: '[]',
    published_by: 'u-lawyer',
    published_at: at(11),
  });
  await event(
    'statement.published',
    { statementId: 'statement-0001', versionId: 'sv-1', contentHash: sha256Hex(canonical) },
    11,
  );
  await insert('statement_views', {
    version_id: 'sv-1',
    user_id: 'u-client',
    statement_id: 'statement-0001',
    viewed_at: at(12),
  });
  await insert('acknowledgments', {
    id: 'ack-1',
    statement_id: 'statement-0001',
    version_id: 'sv-1',
    version_no: 1,
    user_id: 'u-client',
    role: 'client',
    content_hash: sha256Hex(canonical),
    acknowledged_at: at(13),
    request_id: 'req-ack-1',
    client_info: JSON.stringify({ platform: 'ios' }),
    source_ip: '10.0.0.7',
  });
  await event(
    'statement.acknowledged',
    { statementId: 'statement-0001', acknowledgmentId: 'ack-1' },
    13,
    'u-client',
  );
  await insert('statement_questions', {
    id: 'question-0001',
    statement_id: 'statement-0001',
    version_id: 'sv-1',
    version_no: 1,
    item_id: 'i-1',
    item_text: '最坏情况',
    asked_by: 'u-client2',
    question: '最坏情况是指什么？',
    asked_at: at(14),
  });
  await insert('statement_answers', {
    question_id: 'question-0001',
    answer: '指证据不足时的结果。',
    answered_by: 'u-lawyer',
    answered_at: at(15),
  });
  await insert('statement_drafts', {
    statement_id: 'statement-0001',
    content: JSON.stringify({ ...content, title: '预期与风险告知（修订）' }),
    updated_by: 'u-lawyer',
    updated_at: at(16),
  });
  return { statementHash: sha256Hex(canonical), v11, v12 };
}

async function call(app: Casetrail, subject: string, action: ActionName, payload: object) {
  const res = await app.handle(
    { action, payload, requestId: `req-${randomUUID()}` },
    { subject, sourceIp: null },
  );
  if (!res.ok) throw new Error(`${action}: ${res.error.code}`);
  return res.data as never;
}

describe('migrating to the record kernel', () => {
  it('keeps every record, receipt, acknowledgment, question and draft, and the chain', async () => {
    const old = await writeOldCase();
    const chainBefore = await verifyCaseEvents(db, 'case-0001');
    expect(chainBefore.valid).toBe(true);

    const eventsBefore = await readCaseEvents(db, 'case-0001');
    const applied = await migrate(db);
    expect(applied.slice(0, 5)).toEqual([
      '0003-record-kernel',
      '0004-answer-warnings',
      '0005-evidence',
      '0006-communication',
      '0007-notifications',
    ]);
    expect(applied).toEqual(Object.keys(MIGRATIONS).filter((name) => name > '0003'));
    const app = await createCasetrail({ db, clock: () => new Date(at(60)) });

    // The old chain is kept as it was; 0005 adds one checkpoint committing the rows as they now stand.
    const eventsAfter = await readCaseEvents(db, 'case-0001');
    expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    expect(eventsAfter.slice(eventsBefore.length).map((e) => e.type)).toEqual(['evidence.checkpoint']);
    expect(await verifyCaseEvents(db, 'case-0001')).toMatchObject({
      valid: true,
      events: chainBefore.events + 1,
    });
    // Every row the old schema held is now committed, field by field, and verifies.
    expect((await verifyCase(db, 'case-0001')).findings).toEqual([]);

    const update = await call(app, 'wx:o-lawyer', 'update.get', { updateId: 'update-0001' });
    expect(update).toMatchObject({
      corrected: true,
      versions: [
        { id: 'v-1-2', versionNo: 2, reason: '日期有误', contentHash: old.v12.hash, authorName: '张律师' },
        { id: 'v-1-1', versionNo: 1, contentHash: old.v11.hash, stageChange: { index: 1, name: '举证' } },
      ],
      receipts: {
        read: [{ userId: 'u-client', versionNo: 1, readAt: at(2) }],
        unreadClients: [{ userId: 'u-client' }, { userId: 'u-client2' }],
      },
    });

    // Unread as the old model counted: 李女士 read up-2 and an older version of up-1; 王先生 read nothing.
    const client = (await call(app, 'wx:o-client', 'case.list', {})) as { cases: { unread: number }[] };
    const client2 = (await call(app, 'wx:o-client2', 'case.list', {})) as { cases: { unread: number }[] };
    expect(client.cases[0].unread).toBe(1);
    expect(client2.cases[0].unread).toBe(2);

    const statement = await call(app, 'wx:o-lawyer', 'statement.get', { statementId: 'statement-0001' });
    expect(statement).toMatchObject({
      current: { versionNo: 1, contentHash: old.statementHash, publishedByName: '张律师' },
      acknowledgments: [
        {
          acknowledgmentId: 'ack-1',
          userId: 'u-client',
          displayName: '李女士',
          contentHash: old.statementHash,
        },
      ],
      clients: [
        { userId: 'u-client', state: 'acknowledged' },
        { userId: 'u-client2', state: 'unread' },
      ],
      questions: [
        {
          id: 'question-0001',
          askedByName: '王先生',
          answer: { text: '指证据不足时的结果。', answeredByName: '张律师' },
        },
      ],
      draft: { content: { title: '预期与风险告知（修订）' } },
    });
    const evidence = await db
      .selectFrom('record_responses')
      .select(['request_id', 'client_info', 'source_ip', 'responded_at'])
      .executeTakeFirstOrThrow();
    expect(evidence).toEqual({
      request_id: 'req-ack-1',
      client_info: JSON.stringify({ platform: 'ios' }),
      source_ip: '10.0.0.7',
      responded_at: at(13),
    });

    // The migrated records go on as records: a correction and a read work on them (once the account, made
    // before consent was recorded, agrees to the privacy notice as the apps ask it to).
    await call(app, 'wx:o-client2', 'privacy.consent', { version: PRIVACY_NOTICE_VERSION });
    await call(app, 'wx:o-client2', 'update.markRead', { updateId: 'update-0001' });
    const after = (await call(app, 'wx:o-client2', 'case.list', {})) as { cases: { unread: number }[] };
    expect(after.cases[0].unread).toBe(1);
    expect((await verifyCaseEvents(db, 'case-0001')).valid).toBe(true);
  });

  it('drops the per-feature tables', async () => {
    await writeOldCase();
    await migrate(db);
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['records', 'record_versions', 'record_responses']));
    for (const old of ['updates', 'update_versions', 'read_receipts', 'statements', 'acknowledgments']) {
      expect(tables).not.toContain(old);
    }
  });
});
