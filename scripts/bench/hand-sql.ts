/**
 * DESIGN §8 "API handler ≤ 2× the same raw SQL" (SQLite): the client's timeline page through `app.handle`
 * against the same SQL work hand-written on better-sqlite3 — identify the caller, check membership, read the
 * page (no transaction: reads hold one connection, as the handler's do). What is left is our layers' cost
 * (router, zod in and out, Kysely building queries, mapping rows).
 */
import { CLIENT } from './api';
import type { Fixture } from './fixtures';
import { compare, queriesPerCall } from './measure';
import { ms, queries, ratioRow, type Row } from './report';

const TIMELINE = `
  select u.id, u.created_at, u.current_version_no, u.current_version_at, v.title, v.excerpt, v.content,
         v.author_name,
         (select count(*) from record_views r where r.version_id = u.current_version_id and r.user_id = ?) as mine,
         0 as read_by
  from records u
  join record_versions v on v.id = u.current_version_id
  where u.case_id = ? and u.kind = 'update'
  order by u.created_at desc, u.id desc
  limit 21`;

export async function handlerVsHandSql(large: Fixture): Promise<Row[]> {
  const sqlite = large.store.sqlite;
  if (!sqlite) return [];
  const caseId = large.firm.caseId;
  const caller = sqlite.prepare('select id, display_name, is_admin, is_lawyer from users where subject = ?');
  const member = sqlite.prepare('select role from case_members where case_id = ? and user_id = ?');
  const timeline = sqlite.prepare(TIMELINE);
  const byHand = () => {
    const user = caller.get(CLIENT) as { id: string };
    member.get(caseId, user.id);
    return timeline.all(user.id, caseId);
  };
  if (byHand().length !== 21) throw new Error('the hand-written timeline reads a page and one more');
  const handler = () => large.firm.call(CLIENT, 'case.timeline', { caseId, limit: 20 });
  const [th, tr] = await compare(handler, byHand);
  const n = await queriesPerCall(large.store.queries, handler);
  return [
    { what: 'client timeline page, API handler (100k updates)', value: ms(th.p50), detail: queries(n) },
    { what: 'client timeline page, same SQL by hand', value: ms(tr.p50), detail: queries(3) },
    ratioRow('  API handler ÷ hand-written SQL', th.p50 / tr.p50, 2),
  ];
}
