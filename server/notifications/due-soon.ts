/**
 * 配合事项明日到期: a task that still waits on its client (open, or returned) and is due today or tomorrow (Shanghai
 * dates) gets one 'task.dueSoon' notice to its assignee. Run on every tick of the sender: one query finds the tasks
 * not yet notified for their due date, so running it again queues nothing twice.
 */
import { sql } from 'kysely';
import { shanghaiDate } from '../../contract/office-hours';
import type { Db } from '../platform/migrate';
import { jsonText } from '../platform/json-sql';
import { queueNotices } from './notices.store';
import type { NotifyConfig } from './notify-config';

const DAY_MS = 24 * 3600_000;

/** The Shanghai dates a due-soon notice covers at `now`: today and tomorrow. */
export function dueSoonDates(now: string): [string, string] {
  return [shanghaiDate(now), shanghaiDate(Date.parse(now) + DAY_MS)];
}

/**
 * Queues the due-soon notices that `now` calls for, in the caller's transaction (or as single statements).
 * Returns how many tasks got one. The notice is marked with the due date it was for (payload `dueDate`), so a
 * task is never notified twice for the same due date.
 */
export async function queueDueSoonTasks(db: Db, now: string, mode: NotifyConfig['mode']): Promise<number> {
  const [today, tomorrow] = dueSoonDates(now);
  const dueDate = jsonText(db, 'v.content', 'dueDate');
  const assigneeId = jsonText(db, 'v.content', 'assigneeId');
  const rows = await db
    .selectFrom('records as r')
    .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
    .innerJoin('case_members as m', (j) =>
      j
        .onRef('m.case_id', '=', 'r.case_id')
        .on('m.role', '=', 'client')
        .on('m.user_id', '=', assigneeId)
        .on('m.removed_at', 'is', null),
    )
    .select([
      'r.id',
      'r.case_id',
      'r.created_by',
      'v.title',
      dueDate.as('due_date'),
      assigneeId.as('assignee_id'),
    ])
    .where('r.kind', '=', 'task')
    .where(dueDate, 'in', [today, tomorrow])
    // Still the client's to do: no 已完成 or 验收 step that a later 退回 did not undo.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('records as s')
            .innerJoin('record_versions as sv', 'sv.id', 's.current_version_id')
            .select(sql<number>`1`.as('one'))
            .whereRef('s.parent_id', '=', 'r.id')
            .where('s.kind', '=', 'reply')
            .where(jsonText(db, 'sv.content', 'act'), 'in', ['done', 'accept'])
            .where(({ not: notInner, exists: existsInner, selectFrom: selectInner }) =>
              notInner(
                existsInner(
                  selectInner('records as later')
                    .innerJoin('record_versions as lv', 'lv.id', 'later.current_version_id')
                    .select(sql<number>`1`.as('one'))
                    .whereRef('later.parent_id', '=', 'r.id')
                    .where('later.kind', '=', 'reply')
                    .where(jsonText(db, 'lv.content', 'act'), '=', 'return')
                    .whereRef('lv.event_seq', '>', 'sv.event_seq'),
                ),
              ),
            ),
        ),
      ),
    )
    // Not yet notified for this due date.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notification_outbox as o')
            .select(sql<number>`1`.as('one'))
            .whereRef('o.subject_id', '=', 'r.id')
            .where('o.kind', '=', 'task.dueSoon')
            .where(jsonText(db, 'o.payload', 'dueDate'), '=', dueDate),
        ),
      ),
    )
    .orderBy('r.id')
    .execute();

  for (const t of rows) {
    if (!t.assignee_id || !t.due_date) continue;
    const ids = await queueNotices(db, {
      kind: 'task.dueSoon',
      caseId: t.case_id,
      recipients: [t.assignee_id],
      recordId: t.id,
      title: t.title,
      createdBy: t.created_by,
      now,
      mode,
    });
    if (ids.length === 0) continue;
    // The due date it was for: what keeps the next tick from queueing it again.
    await db
      .updateTable('notification_outbox')
      .set({ payload: JSON.stringify({ title: t.title, dueDate: t.due_date }) })
      .where('id', 'in', ids)
      .execute();
  }
  return rows.length;
}
