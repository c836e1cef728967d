/**
 * The lawyer's 工作台 read model: across every case the lawyer is a lawyer of, what waits for them. One
 * set-based query per section, each driven from the lawyer's own index of their cases into the per-case
 * indexes — no query per case, per record or per client. Each query answers its section's exact count and
 * overdue count (window aggregates over the whole result) together with its oldest items, at most
 * `LIMITS.pageSize`.
 */
import { sql, type Compilable, type CompiledQuery } from 'kysely';
import { LIMITS } from '../../contract/limits';
import { shanghaiDate } from '../../contract/office-hours';
import type { Workbench, WorkItem } from '../../contract/workbench';
import { isPostgres } from '../platform/engine';
import { jsonArrayHolds, jsonText } from '../platform/json-sql';
import type { Db } from '../platform/migrate';
import type { RecordKind } from '../platform/schema';

type Section = Workbench['questions'];

interface SectionRow {
  total: number | string;
  overdue_total: number | string | null;
}

const PAGE = LIMITS.pageSize;
const total = sql<number>`count(*) over ()`;

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

function sectionOf<R extends SectionRow>(rows: R[], item: (row: R) => WorkItem): Section {
  return {
    count: rows.length ? Number(rows[0].total) : 0,
    overdue: rows.length ? Number(rows[0].overdue_total ?? 0) : 0,
    items: rows.map(item),
  };
}

/** The values a section's query depends on. */
interface Params {
  userId: string;
  /** ISO instant of the request. */
  now: string;
  /** Its Shanghai date. */
  today: string;
}

/**
 * Each section's query is built and compiled once per engine with placeholders for its values (building and
 * compiling five queries costs more than running them), then run with the call's values in their place.
 * Placeholders hold a NUL character, which no stored or submitted text may contain (contract/text-safety.ts).
 */
const PLACEHOLDERS: Params = { userId: '\u0000userId', now: '\u0000now', today: '\u0000today' };
const compiled = new Map<string, CompiledQuery<unknown>>();

async function runPrepared<R>(
  db: Db,
  name: string,
  build: (p: Params) => Compilable<R>,
  params: Params,
): Promise<R[]> {
  const key = `${isPostgres(db) ? 'postgres' : 'sqlite'}:${name}`;
  let query = compiled.get(key) as CompiledQuery<R> | undefined;
  if (!query) {
    query = build(PLACEHOLDERS).compile();
    compiled.set(key, query);
  }
  const values = new Map<unknown, string>([
    [PLACEHOLDERS.userId, params.userId],
    [PLACEHOLDERS.now, params.now],
    [PLACEHOLDERS.today, params.today],
  ]);
  const parameters = query.parameters.map((v) => (values.has(v) ? values.get(v) : v));
  return (await db.executeQuery<R>({ ...query, parameters })).rows;
}

/**
 * The records of the given kinds in every case `userId` is a lawyer of: where every section starts. The member's
 * own covering index (`member_case_state_by_user`, as case.list reads it) gives their cases; the per-case
 * index of records by kind gives each case's records; the lawyer role is checked by primary key only for
 * cases that hold such records. Case titles are read for the rows found, never for every case.
 */
const myRecords = (db: Db, userId: string, kinds: readonly RecordKind[]) =>
  db
    .selectFrom('member_case_state as s')
    .innerJoin('records as r', (j) => j.onRef('r.case_id', '=', 's.case_id').on('r.kind', 'in', kinds))
    .where('s.user_id', '=', userId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_members as m')
          .select('m.user_id')
          .whereRef('m.case_id', '=', 'r.case_id')
          .whereRef('m.user_id', '=', 's.user_id')
          .where('m.role', '=', 'lawyer')
          .where('m.removed_at', 'is', null),
      ),
    )
    .select((e) =>
      e.selectFrom('cases as c').select('c.title').whereRef('c.id', '=', 'r.case_id').as('case_title'),
    );

/** Statement questions no lawyer has answered yet. */
async function questions(db: Db, params: Params): Promise<Section> {
  const rows = await runPrepared(
    db,
    'questions',
    (p) =>
      myRecords(db, p.userId, ['statement'])
        .innerJoin('record_questions as q', 'q.record_id', 'r.id')
        .leftJoin('record_answers as a', 'a.question_id', 'q.id')
        .where('a.question_id', 'is', null)
        .select([
          'r.case_id',
          'r.id as record_id',
          'q.id as sub_id',
          'q.question',
          'q.asked_by_name',
          'q.asked_at',
          total.as('total'),
          sql<number>`0`.as('overdue_total'),
        ])
        .orderBy('q.asked_at')
        .orderBy('q.id')
        .limit(PAGE),
    params,
  );
  return sectionOf(rows, (r) => ({
    kind: 'question',
    caseId: r.case_id,
    caseTitle: r.case_title ?? '',
    recordId: r.record_id,
    subId: r.sub_id,
    title: clip(r.question),
    who: r.asked_by_name,
    since: r.asked_at,
    dueAt: null,
    overdue: false,
  }));
}

/** Client requests without an answer (a reply record whose parent is the request), with their promised reply. */
async function requests(db: Db, params: Params): Promise<Section> {
  const promisedBy = jsonText(db, 'v.content', 'promisedBy');
  const rows = await runPrepared(
    db,
    'requests',
    (p) =>
      myRecords(db, p.userId, ['request'])
        .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('records as a')
                .select('a.id')
                .whereRef('a.parent_id', '=', 'r.id')
                .where('a.kind', '=', 'reply'),
            ),
          ),
        )
        .select([
          'r.case_id',
          'r.id as record_id',
          'v.title',
          'v.excerpt',
          'v.author_name',
          'r.created_at',
          promisedBy.as('promised_by'),
          sql<boolean>`case when ${promisedBy} < ${p.now} then 1 else 0 end`.as('is_overdue'),
          total.as('total'),
          sql<number>`sum(case when ${promisedBy} < ${p.now} then 1 else 0 end) over ()`.as('overdue_total'),
        ])
        .orderBy('r.created_at')
        .orderBy('r.id')
        .limit(PAGE),
    params,
  );
  return sectionOf(rows, (r) => ({
    kind: 'request',
    caseId: r.case_id,
    caseTitle: r.case_title ?? '',
    recordId: r.record_id,
    subId: null,
    title: r.excerpt ? `${r.title}：${r.excerpt}` : r.title,
    who: r.author_name,
    since: r.created_at,
    dueAt: r.promised_by,
    overdue: Number(r.is_overdue) === 1,
  }));
}

/** Disputes of a memo that no later version of it lists in its `resolves`. */
async function disputes(db: Db, params: Params): Promise<Section> {
  const rows = await runPrepared(
    db,
    'disputes',
    (p) =>
      myRecords(db, p.userId, ['memo'])
        .innerJoin('record_responses as d', (j) =>
          j.onRef('d.record_id', '=', 'r.id').on('d.kind', '=', 'disputed'),
        )
        .innerJoin('record_versions as cv', 'cv.id', 'r.current_version_id')
        .where(({ not, exists, selectFrom, and }) =>
          not(
            exists(
              selectFrom('record_versions as lv')
                .select('lv.id')
                .whereRef('lv.record_id', '=', 'd.record_id')
                .whereRef('lv.version_no', '>', 'd.version_no')
                .where(() => and([jsonArrayHolds(db, 'lv.content', 'resolves', 'd.id')])),
            ),
          ),
        )
        .select([
          'r.case_id',
          'r.id as record_id',
          'd.id as sub_id',
          'cv.title',
          'd.user_name',
          'd.responded_at',
          total.as('total'),
          sql<number>`0`.as('overdue_total'),
        ])
        .orderBy('d.responded_at')
        .orderBy('d.id')
        .limit(PAGE),
    params,
  );
  return sectionOf(rows, (r) => ({
    kind: 'memoDispute',
    caseId: r.case_id,
    caseTitle: r.case_title ?? '',
    recordId: r.record_id,
    subId: r.sub_id,
    title: r.title,
    who: r.user_name,
    since: r.responded_at,
    dueAt: null,
    overdue: false,
  }));
}

/**
 * Statements and memos whose current version some client of the case has not answered yet — neither
 * acknowledged / confirmed nor (a memo) disputed: a client who disputed waits for the correction, and their
 * dispute is in its own section. One item per record, naming the clients it waits on (or how many).
 */
async function unacknowledged(db: Db, params: Params): Promise<Section> {
  // The clients of the record's case who have not answered its current version: read per record found (not
  // per case), so cases without statements or memos cost nothing here.
  const waitingClients = () =>
    db
      .selectFrom('case_members as cm')
      .innerJoin('users as u', 'u.id', 'cm.user_id')
      .where('cm.case_id', '=', sql.ref<string>('r.case_id'))
      .where('cm.role', '=', 'client')
      .where('cm.removed_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('record_responses as x')
              .select('x.id')
              .where('x.record_id', '=', sql.ref<string>('r.id'))
              .whereRef('x.user_id', '=', 'cm.user_id')
              .where('x.version_id', '=', sql.ref<string>('r.current_version_id')),
          ),
        ),
      );
  const rows = await runPrepared(
    db,
    'unacknowledged',
    (p) => {
      const perRecord = myRecords(db, p.userId, ['statement', 'memo'])
        .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
        .select([
          'r.id as record_id',
          'r.kind',
          'r.case_id',
          'v.title',
          'v.published_at',
          waitingClients()
            .select((w) => w.fn.countAll<number>().as('n'))
            .as('waiting'),
          waitingClients()
            .select((w) => w.fn.min<string>('u.display_name').as('n'))
            .as('first_name'),
          waitingClients()
            .select((w) => w.fn.max<string>('u.display_name').as('n'))
            .as('last_name'),
        ]);
      return db
        .selectFrom(perRecord.as('w'))
        .where('w.waiting', '>', 0)
        .selectAll('w')
        .select([total.as('total'), sql<number>`0`.as('overdue_total')])
        .orderBy('w.published_at')
        .orderBy('w.record_id')
        .limit(PAGE);
    },
    params,
  );
  return sectionOf(rows, (r) => {
    const waiting = Number(r.waiting);
    return {
      kind: r.kind === 'memo' ? 'memoUnconfirmed' : 'statementUnacknowledged',
      caseId: r.case_id,
      caseTitle: r.case_title ?? '',
      recordId: r.record_id,
      subId: null,
      title: r.title,
      who:
        waiting === 1
          ? r.first_name
          : waiting === 2
            ? `${r.first_name}、${r.last_name}`
            : `${waiting} 位客户`,
      since: r.published_at,
      dueAt: null,
      overdue: false,
    };
  });
}

/**
 * Tasks submitted by the client and waiting for review, and tasks past their due date (a Shanghai date) the
 * client has not done. A task's status is its newest step's act, in chain order.
 */
async function tasks(db: Db, params: Params): Promise<Section> {
  const act = jsonText(db, 'sv.content', 'act');
  const dueDate = jsonText(db, 'tv.content', 'dueDate');
  const rows = await runPrepared(
    db,
    'tasks',
    (p) => {
      const overdue = sql<boolean>`((${act} is null or ${act} = 'return') and ${dueDate} < ${p.today})`;
      return (
        myRecords(db, p.userId, ['task'])
          .innerJoin('record_versions as tv', 'tv.id', 'r.current_version_id')
          // The newest step (none yet: nulls): a reply of the task with no later one on the chain.
          .leftJoin('records as st', (j) => j.onRef('st.parent_id', '=', 'r.id').on('st.kind', '=', 'reply'))
          .leftJoin('record_versions as sv', 'sv.id', 'st.current_version_id')
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('records as later')
                  .innerJoin('record_versions as lv', 'lv.id', 'later.current_version_id')
                  .select('later.id')
                  .whereRef('later.parent_id', '=', 'r.id')
                  .where('later.kind', '=', 'reply')
                  .whereRef('lv.event_seq', '>', 'sv.event_seq'),
              ),
            ),
          )
          .where((e) => e.or([e(act, '=', 'done'), overdue]))
          .select([
            'r.id',
            'r.case_id',
            'tv.title',
            dueDate.as('due_date'),
            jsonText(db, 'tv.content', 'assigneeName').as('assignee_name'),
            sql<string>`case when ${act} = 'done' then sv.published_at else r.created_at end`.as('since'),
            sql<number>`case when ${overdue} then 1 else 0 end`.as('is_overdue'),
            total.as('total'),
            sql<number>`sum(case when ${overdue} then 1 else 0 end) over ()`.as('overdue_total'),
          ])
          .orderBy('since')
          .orderBy('r.id')
          .limit(PAGE)
      );
    },
    params,
  );
  return sectionOf(rows, (r) => ({
    kind: 'task',
    caseId: r.case_id,
    caseTitle: r.case_title ?? '',
    recordId: r.id,
    subId: null,
    title: r.title,
    who: r.assignee_name,
    since: r.since,
    dueAt: r.due_date,
    overdue: Number(r.is_overdue) === 1,
  }));
}

/** Everything waiting for the lawyer `userId`, as of `now`: five queries, whatever the number of cases. */
export async function loadWorkbench(db: Db, userId: string, now: string): Promise<Workbench> {
  const params: Params = { userId, now, today: shanghaiDate(now) };
  return {
    questions: await questions(db, params),
    requests: await requests(db, params),
    disputes: await disputes(db, params),
    unacknowledged: await unacknowledged(db, params),
    tasks: await tasks(db, params),
    generatedAt: now,
  };
}
