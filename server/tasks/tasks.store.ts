/**
 * Client tasks' read model: a task is a record of kind 'task' (one version, StoredTaskContent); each step — the
 * client's 已完成, the lawyer's 验收 / 退回 — a record of kind 'reply' whose parent is the task (one version,
 * StoredReplyContent). Two queries for any number of tasks: the tasks, then every step of them.
 */
import type { ClientTask, TaskStep } from '../../contract/tasks';
import { shanghaiDate } from '../../contract/office-hours';
import { collectPage, type PagePosition } from '../core/paging';
import type { Db } from '../platform/migrate';
import type { StoredReplyContent, StoredTaskContent } from '../records/record-kinds';
import { caseOfRecord } from '../records/records.store';
import { compareTasks, isOverdue, taskStatus, type TaskAct } from './tasks.rules';

export const caseOfTask = (db: Db, taskId: string) => caseOfRecord(db, taskId, 'task');

const TASK_ACTS: readonly string[] = ['done', 'accept', 'return'] satisfies TaskAct[];
const isTaskAct = (act: string): act is TaskAct => TASK_ACTS.includes(act);

const position = (seq: number | null, head: string | null) =>
  seq !== null && head ? { seq: Number(seq), head } : null;

/** Published versions (the current one of each record) with the chain position of the event that committed it. */
const currentVersions = (db: Db) =>
  db
    .selectFrom('records as r')
    .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
    .leftJoin('case_events as e', (j) =>
      j.onRef('e.case_id', '=', 'r.case_id').onRef('e.seq', '=', 'v.event_seq'),
    );

/**
 * Tasks of one case, or one task, as `viewer` sees them: a client only the tasks assigned to them. Unfinished
 * first by due date, then accepted. `now` decides what is overdue (its Shanghai date).
 */
/**
 * A page of one case's tasks as `viewer` sees them: cut newest first on the task's (created_at, id) — a client's
 * page holds only tasks assigned to them — then read whole; within the page, list order.
 */
export async function loadTaskPage(
  db: Db,
  caseId: string,
  viewer: { userId: string; seesAll: boolean },
  page: { after: PagePosition | null; limit: number },
  now: string,
): Promise<{ tasks: ClientTask[]; nextCursor: string | null }> {
  const position = (r: { created_at: string; id: string }) => ({ createdAt: r.created_at, id: r.id });
  const { rows, nextCursor } = await collectPage(
    (after, count) => {
      let query = currentVersions(db)
        .select(['r.id', 'r.created_at', 'v.content'])
        .where('r.case_id', '=', caseId)
        .where('r.kind', '=', 'task')
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(count);
      if (after) {
        query = query.where((e) =>
          e.or([
            e('r.created_at', '<', after.createdAt),
            e.and([e('r.created_at', '=', after.createdAt), e('r.id', '<', after.id)]),
          ]),
        );
      }
      return query.execute();
    },
    // The assignee lives in the task's content: a client's page is filtered here, batch by batch.
    (r) => viewer.seesAll || (JSON.parse(r.content) as StoredTaskContent).assigneeId === viewer.userId,
    page,
    position,
  );
  if (rows.length === 0) return { tasks: [], nextCursor };
  return { tasks: await loadTasks(db, { taskIds: rows.map((r) => r.id) }, viewer, now), nextCursor };
}

export async function loadTasks(
  db: Db,
  filter: { caseId: string } | { taskId: string } | { taskIds: string[] },
  viewer: { userId: string; seesAll: boolean },
  now: string,
): Promise<ClientTask[]> {
  let query = currentVersions(db)
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select([
      'r.id',
      'r.case_id',
      'c.title as case_title',
      'v.content',
      'v.content_hash',
      'v.author_name',
      'v.published_at',
      'v.event_seq',
      'e.hash as event_hash',
    ])
    .where('r.kind', '=', 'task');
  query =
    'caseId' in filter
      ? query.where('r.case_id', '=', filter.caseId)
      : 'taskIds' in filter
        ? query.where('r.id', 'in', filter.taskIds)
        : query.where('r.id', '=', filter.taskId);
  const rows = (await query.execute())
    .map((r) => ({ ...r, content: JSON.parse(r.content) as StoredTaskContent }))
    .filter((r) => viewer.seesAll || r.content.assigneeId === viewer.userId);
  if (rows.length === 0) return [];

  const stepRows = await currentVersions(db)
    .select([
      'r.id',
      'r.parent_id',
      'v.content',
      'v.content_hash',
      'v.author_name',
      'v.published_at',
      'v.event_seq',
      'e.hash as event_hash',
    ])
    .where('r.kind', '=', 'reply')
    .where(
      'r.parent_id',
      'in',
      rows.map((r) => r.id),
    )
    // Chain order is the order the steps happened in, even within one millisecond.
    .orderBy('v.event_seq')
    .execute();
  const stepsOf = new Map<string, TaskStep[]>();
  for (const s of stepRows) {
    const content = JSON.parse(s.content) as StoredReplyContent;
    if (!s.parent_id || !isTaskAct(content.act)) continue;
    const list = stepsOf.get(s.parent_id) ?? [];
    list.push({
      id: s.id,
      act: content.act,
      text: content.text,
      byName: s.author_name,
      at: s.published_at,
      contentHash: s.content_hash,
      chain: position(s.event_seq, s.event_hash),
    });
    stepsOf.set(s.parent_id, list);
  }

  const today = shanghaiDate(now);
  return rows
    .map((r): ClientTask => {
      const steps = stepsOf.get(r.id) ?? [];
      const newest = steps.at(-1);
      const status = taskStatus(newest ? newest.act : null);
      return {
        id: r.id,
        caseId: r.case_id,
        caseTitle: r.case_title,
        title: r.content.title,
        details: r.content.details,
        dueDate: r.content.dueDate,
        assigneeId: r.content.assigneeId,
        assigneeName: r.content.assigneeName,
        statementItem: r.content.statementItem,
        assignedByName: r.author_name,
        assignedAt: r.published_at,
        contentHash: r.content_hash,
        chain: position(r.event_seq, r.event_hash),
        status,
        overdue: isOverdue({ dueDate: r.content.dueDate, status }, today),
        steps,
      };
    })
    .sort(compareTasks);
}

/** A client of the case, with their name as it is now; null when the user is not a client of the case. */
export async function findClientOfCase(
  db: Db,
  caseId: string,
  userId: string,
): Promise<{ userId: string; name: string } | null> {
  const row = await db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name'])
    .where('m.case_id', '=', caseId)
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'client')
    .where('m.removed_at', 'is', null)
    .executeTakeFirst();
  return row ? { userId: row.user_id, name: row.display_name } : null;
}
