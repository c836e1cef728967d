import type { CaseDetail, CaseSummary, MemberRole } from '../../contract/cases';
import type { CaseType, StageTemplate } from '../../contract/case-types';
import type { CaseEventType } from '../events/event-log.store';
import { commitRow, type RowCommitment } from '../evidence/evidence-tables';
import { insertCommitted } from '../evidence/evidence.store';
import type { Db } from '../platform/migrate';
import { stageStatuses } from './stages.rules';
import { seesOthersEvidence } from '../records/records.rules';

export async function insertCase(
  db: Db,
  c: {
    id: string;
    title: string;
    caseType: CaseType;
    caseNumber: string | null;
    court: string | null;
    opposingParty: string | null;
    stages: StageTemplate[];
    createdBy: string;
    now: string;
  },
): Promise<RowCommitment[]> {
  const row = {
    id: c.id,
    title: c.title,
    case_type: c.caseType,
    case_number: c.caseNumber,
    court: c.court,
    opposing_party: c.opposingParty,
    current_stage_index: 0,
    created_by: c.createdBy,
    created_at: c.now,
    last_activity_at: c.now,
  };
  await db.insertInto('cases').values(row).execute();
  const stages = c.stages.map((s, idx) => ({ case_id: c.id, idx, name: s.name, description: s.description }));
  await db.insertInto('case_stages').values(stages).execute();
  return [commitRow('cases', row), ...stages.map((s) => commitRow('case_stages', s))];
}

/**
 * Adds a member with the event that records it (`case.created` for the case's first lawyer, `member.joined`
 * for a client), which commits to the membership row.
 */
export async function addMember(
  db: Db,
  m: { caseId: string; userId: string; role: MemberRole; now: string; inviteId: string | null },
  event: {
    type: CaseEventType;
    actorId: string;
    payload: Record<string, unknown>;
    alsoCommits?: RowCommitment[];
  },
): Promise<void> {
  const row = {
    case_id: m.caseId,
    user_id: m.userId,
    role: m.role,
    joined_at: m.now,
    invite_id: m.inviteId,
    removed_at: null,
    removed_by: null,
  };
  await insertCommitted(db, 'case_members', row, { caseId: m.caseId, at: m.now, ...event });
  await startMemberState(db, m);
  await touchCase(db, m.caseId, m.now);
}

/**
 * A new member has read nothing: every update or memo by someone else is news to them (both are published
 * with `countsAsUnread`). Counted once, at joining; a member who rejoins keeps the state row they had.
 */
export async function startMemberState(
  db: Db,
  m: { caseId: string; userId: string; now: string },
): Promise<void> {
  const unread = await db
    .selectFrom('records')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('case_id', '=', m.caseId)
    .where('kind', 'in', ['update', 'memo'])
    .where('created_by', '!=', m.userId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('member_case_state')
    .values({
      case_id: m.caseId,
      user_id: m.userId,
      unread_updates: Number(unread.n),
      unseen_notices: 0,
      last_activity_at: m.now,
    })
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
    .execute();
}

export async function findMembership(db: Db, caseId: string, userId: string): Promise<MemberRole | null> {
  const row = await db
    .selectFrom('case_members')
    .select('role')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** Moves the case to the top of every member's list. */
export async function touchCase(db: Db, caseId: string, now: string): Promise<void> {
  await db.updateTable('cases').set({ last_activity_at: now }).where('id', '=', caseId).execute();
  await db
    .updateTable('member_case_state')
    .set({ last_activity_at: now })
    .where('case_id', '=', caseId)
    .execute();
}

export type CaseListPosition = { lastActivityAt: string; caseId: string };

/**
 * A page of the cases a user belongs to, newest activity first, each with unread count and lawyer names.
 * Reads one range of the member's own index (`member_case_state_by_user`) and maintained counts: the cost
 * does not grow with the number of cases or updates. `only` reads one case instead of a page.
 */
export async function listCaseSummaries(
  db: Db,
  userId: string,
  page: { after: CaseListPosition | null; limit: number } | { only: string },
): Promise<{ cases: CaseSummary[]; next: CaseListPosition | null }> {
  // The page is chosen first, from the member's own index alone (a derived table with its own LIMIT is planned
  // on its own, so PostgreSQL walks the index whatever its statistics say); the joins then read only that page.
  let chosen = db
    .selectFrom('member_case_state')
    .select(['case_id', 'user_id', 'unread_updates', 'unseen_notices', 'last_activity_at'])
    .where('user_id', '=', userId)
    .orderBy('last_activity_at', 'desc')
    .orderBy('case_id', 'desc');
  let limit = Infinity;
  if ('only' in page) chosen = chosen.where('case_id', '=', page.only);
  else {
    limit = page.limit;
    chosen = chosen.limit(page.limit + 1);
    const after = page.after;
    if (after) {
      chosen = chosen.where((e) =>
        e.or([
          e('last_activity_at', '<', after.lastActivityAt),
          e.and([e('last_activity_at', '=', after.lastActivityAt), e('case_id', '<', after.caseId)]),
        ]),
      );
    }
  }
  const query = db
    .selectFrom(chosen.as('st'))
    .innerJoin('case_members as m', (j) =>
      j
        .onRef('m.case_id', '=', 'st.case_id')
        .onRef('m.user_id', '=', 'st.user_id')
        .on('m.removed_at', 'is', null),
    )
    .innerJoin('cases as c', 'c.id', 'st.case_id')
    .innerJoin('case_stages as s', (j) =>
      j.onRef('s.case_id', '=', 'c.id').onRef('s.idx', '=', 'c.current_stage_index'),
    )
    // The case's lawyers, one row each, read from the chosen page by the members' primary key.
    .leftJoin('case_members as lm', (j) =>
      j.onRef('lm.case_id', '=', 'st.case_id').on('lm.role', '=', 'lawyer').on('lm.removed_at', 'is', null),
    )
    .leftJoin('users as lu', 'lu.id', 'lm.user_id')
    .select([
      'lu.display_name as lawyer_name',
      'c.id',
      'c.title',
      'c.case_type',
      'c.case_number',
      'c.current_stage_index',
      'st.last_activity_at',
      'st.unread_updates',
      'st.unseen_notices',
      's.name as stage_name',
      'm.role',
      (eb) =>
        eb
          .selectFrom('case_stages as cs')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('cs.case_id', '=', 'c.id')
          .as('stage_count'),
    ])
    .orderBy('st.last_activity_at', 'desc')
    .orderBy('st.case_id', 'desc')
    .orderBy('lm.joined_at');
  const byCase = new Map<
    string,
    { row: Awaited<ReturnType<typeof query.execute>>[number]; lawyers: string[] }
  >();
  for (const row of await query.execute()) {
    const entry = byCase.get(row.id) ?? { row, lawyers: [] };
    if (row.lawyer_name !== null) entry.lawyers.push(row.lawyer_name);
    byCase.set(row.id, entry);
  }
  const all = [...byCase.values()];
  const pageRows = all.slice(0, limit);
  if (pageRows.length === 0) return { cases: [], next: null };
  const last = pageRows[pageRows.length - 1].row;
  return {
    cases: pageRows.map(({ row: r, lawyers }) => ({
      id: r.id,
      title: r.title,
      caseType: r.case_type as CaseType,
      caseNumber: r.case_number,
      currentStage: { index: Number(r.current_stage_index), name: r.stage_name },
      stageCount: Number(r.stage_count),
      myRole: r.role,
      lawyerNames: lawyers,
      unread: Number(r.unread_updates),
      waiting: Number(r.unseen_notices),
      lastActivityAt: r.last_activity_at,
    })),
    next: all.length > limit ? { lastActivityAt: last.last_activity_at, caseId: last.id } : null,
  };
}

export async function getCaseDetail(db: Db, caseId: string, userId: string): Promise<CaseDetail | null> {
  const {
    cases: [summary],
  } = await listCaseSummaries(db, userId, { only: caseId });
  if (!summary) return null;
  const c = await db
    .selectFrom('cases')
    .select(['court', 'opposing_party', 'created_at', 'current_stage_index'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const stages = await db
    .selectFrom('case_stages')
    .select(['idx', 'name', 'description'])
    .where('case_id', '=', caseId)
    .orderBy('idx')
    .execute();
  const members = await db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name', 'm.role', 'm.joined_at'])
    .where('m.case_id', '=', caseId)
    .where('m.removed_at', 'is', null)
    .orderBy('m.joined_at')
    .execute();
  return {
    ...summary,
    court: c.court,
    opposingParty: c.opposing_party,
    createdAt: c.created_at,
    stages: stageStatuses(
      stages.map((s) => ({ ...s, idx: Number(s.idx) })),
      Number(c.current_stage_index),
    ),
    // A client sees the case's lawyers and themself: another client's name and id are that person's (the case page
    // lists clients to lawyers only).
    members: members
      .filter((m) => seesOthersEvidence(summary.myRole) || m.role !== 'client' || m.user_id === userId)
      .map((m) => ({
        userId: m.user_id,
        displayName: m.display_name,
        role: m.role,
        joinedAt: m.joined_at,
      })),
  };
}

export async function findStage(db: Db, caseId: string, index: number) {
  return db
    .selectFrom('case_stages')
    .select(['idx', 'name'])
    .where('case_id', '=', caseId)
    .where('idx', '=', index)
    .executeTakeFirst();
}

export async function setCurrentStage(db: Db, caseId: string, index: number): Promise<void> {
  await db.updateTable('cases').set({ current_stage_index: index }).where('id', '=', caseId).execute();
}

export async function currentStageIndex(db: Db, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select('current_stage_index')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.current_stage_index);
}

/** The case's clients, by when they joined. */
export function caseClients(db: Db, caseId: string) {
  return db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name'])
    .where('m.case_id', '=', caseId)
    .where('m.role', '=', 'client')
    .where('m.removed_at', 'is', null)
    .orderBy('m.joined_at')
    .execute();
}

/** The case's lawyers, by when they joined. */
export function caseLawyers(db: Db, caseId: string) {
  return db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name'])
    .where('m.case_id', '=', caseId)
    .where('m.role', '=', 'lawyer')
    .where('m.removed_at', 'is', null)
    .orderBy('m.joined_at')
    .execute();
}

/** How many clients each of the given cases has: one query for any number of cases. */
export async function clientCounts(db: Db, caseIds: string[]): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('case_members')
    .select(['case_id', (e) => e.fn.countAll<number>().as('n')])
    .where('case_id', 'in', [...new Set(caseIds)])
    .where('role', '=', 'client')
    .where('removed_at', 'is', null)
    .groupBy('case_id')
    .execute();
  return new Map(rows.map((r) => [r.case_id, Number(r.n)]));
}
