import { sql, type Kysely } from 'kysely';

/**
 * One record kernel (DESIGN §4): updates and statements move from their own version, view and acknowledgment
 * tables into one set shared by every record type. Existing rows are copied with their ids, hashes and times
 * unchanged, so the case chains that name them stay valid; the old tables are then dropped.
 *
 * Also adds the per-member read model (`member_case_state`: unread count and last activity per member), so a
 * case list no longer counts a case's whole history on every call.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('records')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(64)', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('current_version_id', 'varchar(64)')
    .addColumn('current_version_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_version_at', 'varchar(32)')
    .execute();
  // Timelines and lists page by (created_at, id) within a case and kind: keyset pages stay flat in case size.
  await db.schema
    .createIndex('records_by_case')
    .on('records')
    .columns(['case_id', 'kind', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('record_versions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('record_id', 'varchar(64)', (c) => c.notNull().references('records.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('excerpt', 'varchar(200)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('canonical', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('promise_warnings', 'text', (c) => c.notNull())
    .addColumn('author_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('author_name', 'varchar(80)', (c) => c.notNull())
    .addColumn('author_role', 'varchar(16)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('record_versions_no', ['record_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('record_views')
    .addColumn('version_id', 'varchar(64)', (c) => c.notNull().references('record_versions.id'))
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('record_id', 'varchar(64)', (c) => c.notNull().references('records.id'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('viewed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('request_id', 'varchar(100)')
    .addColumn('client_info', 'text')
    .addColumn('source_ip', 'varchar(64)')
    .addPrimaryKeyConstraint('record_views_pk', ['version_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('record_views_by_record')
    .on('record_views')
    .columns(['record_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('record_responses')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('record_id', 'varchar(64)', (c) => c.notNull().references('records.id'))
    .addColumn('version_id', 'varchar(64)', (c) => c.notNull().references('record_versions.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('user_name', 'varchar(80)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('responded_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('request_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('client_info', 'text')
    .addColumn('source_ip', 'varchar(64)')
    // One response (acknowledgment or dispute) per person per version, whatever the retries or devices.
    .addUniqueConstraint('record_responses_once', ['version_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('record_responses_by_record')
    .on('record_responses')
    .columns(['record_id', 'user_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('record_drafts')
    .addColumn('record_id', 'varchar(64)', (c) => c.primaryKey().references('records.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('record_questions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('record_id', 'varchar(64)', (c) => c.notNull().references('records.id'))
    .addColumn('version_id', 'varchar(64)', (c) => c.notNull().references('record_versions.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('item_text', 'text', (c) => c.notNull())
    .addColumn('asked_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('asked_by_name', 'varchar(80)', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('record_questions_by_record')
    .on('record_questions')
    .columns(['record_id', 'asked_at'])
    .execute();

  await db.schema
    .createTable('record_answers')
    .addColumn('question_id', 'varchar(64)', (c) => c.primaryKey().references('record_questions.id'))
    .addColumn('record_id', 'varchar(64)', (c) => c.notNull().references('records.id'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('answered_by_name', 'varchar(80)', (c) => c.notNull())
    .addColumn('answered_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('member_case_state')
    .addColumn('case_id', 'varchar(64)', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('unread_updates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_activity_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_case_state_pk', ['case_id', 'user_id'])
    .execute();
  // A member's case list is one range of this index, newest activity first, whatever the number of cases.
  await db.schema
    .createIndex('member_case_state_by_user')
    .on('member_case_state')
    .columns(['user_id', 'last_activity_at', 'case_id'])
    .execute();

  await copyExistingRecords(db);

  for (const table of [
    'statement_answers',
    'statement_questions',
    'acknowledgments',
    'statement_views',
    'read_receipts',
    'statement_drafts',
    'statement_versions',
    'update_versions',
    'statements',
    'updates',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

type Row = Record<string, unknown>;

async function rows(db: Kysely<unknown>, query: ReturnType<typeof sql>): Promise<Row[]> {
  return (await query.execute(db)).rows as Row[];
}

async function insertAll(db: Kysely<unknown>, table: string, values: Row[]): Promise<void> {
  for (let i = 0; i < values.length; i += 200) {
    await db
      .insertInto(table as never)
      .values(values.slice(i, i + 200) as never)
      .execute();
  }
}

/** Copies the rows of the per-feature tables into the kernel's, keeping every id, hash and time. */
async function copyExistingRecords(db: Kysely<unknown>): Promise<void> {
  const updates = await rows(db, sql`select * from updates`);
  const statements = await rows(db, sql`select * from statements`);
  await insertAll(db, 'records', [
    ...updates.map((u) => ({
      id: u.id,
      case_id: u.case_id,
      kind: 'update',
      created_by: u.created_by,
      created_at: u.created_at,
      current_version_id: u.current_version_id,
      current_version_no: u.current_version_no,
      current_version_at: u.current_version_at,
    })),
    ...statements.map((s) => ({
      id: s.id,
      case_id: s.case_id,
      kind: 'statement',
      created_by: s.created_by,
      created_at: s.created_at,
      current_version_id: s.current_version_id,
      current_version_no: s.current_version_no,
      current_version_at: null,
    })),
  ]);

  // Before the kernel, versions did not keep the author's name: the name at migration time is the best known.
  const updateVersions = await rows(
    db,
    sql`select v.*, u.display_name as author_name from update_versions v join users u on u.id = v.created_by`,
  );
  const statementVersions = await rows(
    db,
    sql`select v.*, u.display_name as author_name from statement_versions v join users u on u.id = v.published_by`,
  );
  await insertAll(db, 'record_versions', [
    ...updateVersions.map((v) => ({
      id: v.id,
      record_id: v.update_id,
      version_no: v.version_no,
      title: v.title,
      excerpt: String(v.body).slice(0, 120),
      content: JSON.stringify({
        title: v.title,
        body: v.body,
        nextSteps: v.next_steps,
        risks: v.risks,
        stage: v.stage_index === null ? null : { index: Number(v.stage_index), name: v.stage_name ?? '' },
      }),
      canonical: v.canonical,
      content_hash: v.content_hash,
      note: v.reason,
      promise_warnings: '[]',
      author_id: v.created_by,
      author_name: v.author_name,
      author_role: 'lawyer',
      published_at: v.created_at,
    })),
    ...statementVersions.map((v) => ({
      id: v.id,
      record_id: v.statement_id,
      version_no: v.version_no,
      title: (JSON.parse(String(v.content)) as { title: string }).title,
      excerpt: '',
      content: v.content,
      canonical: v.canonical,
      content_hash: v.content_hash,
      note: v.change_note,
      promise_warnings: v.promise_warnings,
      author_id: v.published_by,
      author_name: v.author_name,
      author_role: 'lawyer',
      published_at: v.published_at,
    })),
  ]);
  await sql`update records set current_version_at = (select v.published_at from record_versions v
    where v.id = records.current_version_id) where kind = 'statement' and current_version_id is not null`.execute(
    db,
  );

  const receipts = await rows(
    db,
    sql`select r.*, m.role from read_receipts r join update_versions v on v.id = r.version_id
      join updates u on u.id = v.update_id
      left join case_members m on m.case_id = u.case_id and m.user_id = r.user_id`,
  );
  const views = await rows(
    db,
    sql`select w.*, m.role from statement_views w join statements s on s.id = w.statement_id
      left join case_members m on m.case_id = s.case_id and m.user_id = w.user_id`,
  );
  await insertAll(db, 'record_views', [
    ...receipts.map((r) => ({
      version_id: r.version_id,
      user_id: r.user_id,
      record_id: r.update_id,
      role: r.role ?? 'client',
      viewed_at: r.read_at,
      request_id: r.request_id,
      client_info: null,
      source_ip: null,
    })),
    ...views.map((w) => ({
      version_id: w.version_id,
      user_id: w.user_id,
      record_id: w.statement_id,
      role: w.role ?? 'client',
      viewed_at: w.viewed_at,
      request_id: null,
      client_info: null,
      source_ip: null,
    })),
  ]);

  const acks = await rows(
    db,
    sql`select a.*, u.display_name from acknowledgments a join users u on u.id = a.user_id`,
  );
  await insertAll(
    db,
    'record_responses',
    acks.map((a) => ({
      id: a.id,
      record_id: a.statement_id,
      version_id: a.version_id,
      version_no: a.version_no,
      user_id: a.user_id,
      user_name: a.display_name,
      role: a.role,
      kind: 'acknowledged',
      reason: null,
      content_hash: a.content_hash,
      responded_at: a.acknowledged_at,
      request_id: a.request_id,
      client_info: a.client_info,
      source_ip: a.source_ip,
    })),
  );

  const drafts = await rows(db, sql`select * from statement_drafts`);
  await insertAll(
    db,
    'record_drafts',
    drafts.map((d) => ({
      record_id: d.statement_id,
      content: d.content,
      updated_by: d.updated_by,
      updated_at: d.updated_at,
    })),
  );

  const questions = await rows(
    db,
    sql`select q.*, u.display_name from statement_questions q join users u on u.id = q.asked_by`,
  );
  await insertAll(
    db,
    'record_questions',
    questions.map((q) => ({
      id: q.id,
      record_id: q.statement_id,
      version_id: q.version_id,
      version_no: q.version_no,
      item_id: q.item_id,
      item_text: q.item_text,
      asked_by: q.asked_by,
      asked_by_name: q.display_name,
      question: q.question,
      asked_at: q.asked_at,
    })),
  );
  const answers = await rows(
    db,
    sql`select a.*, q.statement_id, u.display_name from statement_answers a
      join statement_questions q on q.id = a.question_id join users u on u.id = a.answered_by`,
  );
  await insertAll(
    db,
    'record_answers',
    answers.map((a) => ({
      question_id: a.question_id,
      record_id: a.statement_id,
      answer: a.answer,
      answered_by: a.answered_by,
      answered_by_name: a.display_name,
      answered_at: a.answered_at,
    })),
  );

  // Unread counts as the old read model computed them: updates by others whose current version has no receipt.
  await sql`insert into member_case_state (case_id, user_id, unread_updates, last_activity_at)
    select m.case_id, m.user_id,
      (select count(*) from records r where r.case_id = m.case_id and r.kind = 'update'
        and r.created_by <> m.user_id
        and not exists (select 1 from record_views w where w.version_id = r.current_version_id
          and w.user_id = m.user_id)),
      c.last_activity_at
    from case_members m join cases c on c.id = m.case_id`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The record kernel schema cannot be rolled back: it holds evidence.');
}
