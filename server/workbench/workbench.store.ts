/**
 * The lawyer's 工作台 read model: across every case the lawyer is a lawyer of, what waits for them. One
 * set-based query per section, each driven from the lawyer's own memberships (`case_members_by_user`) into
 * the per-case indexes — no query per case, per record or per client. Each query answers its section's exact
 * count and overdue count (window aggregates over the whole result) together with its oldest items, at most
 * `LIMITS.pageSize`.
 */
import { sql } from 'kysely';
import { LIMITS } from '../../contract/limits';
import { shanghaiDate } from '../../contract/office-hours';
import type { Workbench, WorkItem } from '../../contract/workbench';
import { jsonArrayHolds, jsonText } from '../platform/json-sql';
import type { Db } from '../platform/migrate';

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

/** The cases `userId` is a lawyer of, with their titles: where every section starts. */
const myCases = (db: Db, userId: string) =>
  db
    .selectFrom('case_members as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'lawyer');

/** Statement questions no lawyer has answered yet. */
async function questions(db: Db, userId: string): Promise<Section> {
  const rows = await myCases(db, userId)
    .innerJoin('records as r', (j) => j.onRef('r.case_id', '=', 'm.case_id').on('r.kind', '=', 'statement'))
    .innerJoin('record_questions as q', 'q.record_id', 'r.id')
    .leftJoin('record_answers as a', 'a.question_id', 'q.id')
    .where('a.question_id', 'is', null)
    .select([
      'r.case_id',
      'c.title as case_title',
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
    .limit(PAGE)
    .execute();
  return sectionOf(rows, (r) => ({
    kind: 'question',
    caseId: r.case_id,
    caseTitle: r.case_title,
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
async function requests(db: Db, userId: string, now: string): Promise<Section> {
  const promisedBy = jsonText(db, 'v.content', 'promisedBy');
  const rows = await myCases(db, userId)
    .innerJoin('records as r', (j) => j.onRef('r.case_id', '=', 'm.case_id').on('r.kind', '=', 'request'))
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
      'c.title as case_title',
      'r.id as record_id',
      'v.title',
      'v.excerpt',
      'v.author_name',
      'r.created_at',
      promisedBy.as('promised_by'),
      sql<boolean>`case when ${promisedBy} < ${now} then 1 else 0 end`.as('is_overdue'),
      total.as('total'),
      sql<number>`sum(case when ${promisedBy} < ${now} then 1 else 0 end) over ()`.as('overdue_total'),
    ])
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(PAGE)
    .execute();
  return sectionOf(rows, (r) => ({
    kind: 'request',
    caseId: r.case_id,
    caseTitle: r.case_title,
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
async function disputes(db: Db, userId: string): Promise<Section> {
  const rows = await myCases(db, userId)
    .innerJoin('records as r', (j) => j.onRef('r.case_id', '=', 'm.case_id').on('r.kind', '=', 'memo'))
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
      'c.title as case_title',
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
    .limit(PAGE)
    .execute();
  return sectionOf(rows, (r) => ({
    kind: 'memoDispute',
    caseId: r.case_id,
    caseTitle: r.case_title,
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
async function unacknowledged(db: Db, userId: string): Promise<Section> {
  const rows = await myCases(db, userId)
    .innerJoin('records as r', (j) =>
      j.onRef('r.case_id', '=', 'm.case_id').on('r.kind', 'in', ['statement', 'memo']),
    )
    .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
    .innerJoin('case_members as cm', (j) =>
      j.onRef('cm.case_id', '=', 'r.case_id').on('cm.role', '=', 'client'),
    )
    .innerJoin('users as u', 'u.id', 'cm.user_id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('record_responses as x')
            .select('x.id')
            .whereRef('x.record_id', '=', 'r.id')
            .whereRef('x.user_id', '=', 'cm.user_id')
            .whereRef('x.version_id', '=', 'r.current_version_id'),
        ),
      ),
    )
    .groupBy(['r.id', 'r.kind', 'r.case_id', 'c.title', 'v.title', 'v.published_at'])
    .select((e) => [
      'r.id as record_id',
      'r.kind',
      'r.case_id',
      'c.title as case_title',
      'v.title',
      'v.published_at',
      e.fn.countAll<number>().as('waiting'),
      e.fn.min('u.display_name').as('first_name'),
      e.fn.max('u.display_name').as('last_name'),
      total.as('total'),
      sql<number>`0`.as('overdue_total'),
    ])
    .orderBy('v.published_at')
    .orderBy('r.id')
    .limit(PAGE)
    .execute();
  return sectionOf(rows, (r) => {
    const waiting = Number(r.waiting);
    return {
      kind: r.kind === 'memo' ? 'memoUnconfirmed' : 'statementUnacknowledged',
      caseId: r.case_id,
      caseTitle: r.case_title,
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
async function tasks(db: Db, userId: string, now: string): Promise<Section> {
  const today = shanghaiDate(now);
  const newestStep = (column: 'act' | 'at') =>
    db
      .selectFrom('records as s')
      .innerJoin('record_versions as sv', 'sv.id', 's.current_version_id')
      .select(
        column === 'act' ? jsonText(db, 'sv.content', 'act').as('v') : sql<string>`sv.published_at`.as('v'),
      )
      .where('s.parent_id', '=', sql.ref<string>('t.id'))
      .where('s.kind', '=', 'reply')
      .orderBy('sv.event_seq', 'desc')
      .limit(1);
  const withState = myCases(db, userId)
    .innerJoin('records as t', (j) => j.onRef('t.case_id', '=', 'm.case_id').on('t.kind', '=', 'task'))
    .innerJoin('record_versions as tv', 'tv.id', 't.current_version_id')
    .select([
      't.id',
      't.case_id',
      'c.title as case_title',
      'tv.title',
      't.created_at',
      jsonText(db, 'tv.content', 'dueDate').as('due_date'),
      jsonText(db, 'tv.content', 'assigneeName').as('assignee_name'),
      newestStep('act').as('last_act'),
      newestStep('at').as('last_at'),
    ]);
  const overdue = sql<boolean>`((t.last_act is null or t.last_act = 'return') and t.due_date < ${today})`;
  const rows = await db
    .selectFrom(withState.as('t'))
    .where((e) => e.or([e('t.last_act', '=', 'done'), overdue]))
    .select([
      't.id',
      't.case_id',
      't.case_title',
      't.title',
      't.due_date',
      't.assignee_name',
      't.last_act',
      sql<string>`case when t.last_act = 'done' then t.last_at else t.created_at end`.as('since'),
      sql<number>`case when ${overdue} then 1 else 0 end`.as('is_overdue'),
      total.as('total'),
      sql<number>`sum(case when ${overdue} then 1 else 0 end) over ()`.as('overdue_total'),
    ])
    .orderBy('since')
    .orderBy('t.id')
    .limit(PAGE)
    .execute();
  return sectionOf(rows, (r) => ({
    kind: 'task',
    caseId: r.case_id,
    caseTitle: r.case_title,
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
  return {
    questions: await questions(db, userId),
    requests: await requests(db, userId, now),
    disputes: await disputes(db, userId),
    unacknowledged: await unacknowledged(db, userId),
    tasks: await tasks(db, userId, now),
    generatedAt: now,
  };
}
