import type { ActionName } from '../../contract/index';
import { LIMITS } from '../../contract/limits';
import {
  ADMIN,
  enrollLawyer,
  openCaseWithClient,
  openHarness,
  setUpFirm,
  type Firm,
  type Harness,
} from '../fixtures/api-harness';
import { publishMemo } from '../fixtures/memos';
import { writeRequest } from '../fixtures/requests';
import { publishStatement, statementItemIds } from '../fixtures/statements';
import { assignTask, userIdOf } from '../fixtures/tasks';

/**
 * Keyset paging of the list actions (issue 12, list pages bounded): pages neither overlap nor skip rows, even
 * when rows share a timestamp and rows are written between pages; the limit holds; the last page has no cursor; a
 * cursor the server did not make is refused and changes nothing; a cursor never widens what a caller may see.
 */

let h: Harness;
let firm: Firm;
let clientId: string;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
  clientId = await userIdOf(h, firm.client);
});
afterEach(() => h.close());

type PagedCaseList = 'statement.list' | 'memo.list' | 'request.list' | 'task.list' | 'invite.list';

/** How to add one row to a case's list, who may read it, and where the rows are in the answer. */
interface ListKind {
  action: PagedCaseList;
  reader: () => string;
  add: (caseId: string) => Promise<unknown>;
  ids: (answer: unknown) => string[];
}

const KINDS: ListKind[] = [
  {
    action: 'statement.list',
    reader: () => firm.lawyer,
    add: (caseId) => publishStatement(h, firm.lawyer, caseId),
    ids: (a) => (a as { statements: { id: string }[] }).statements.map((s) => s.id),
  },
  {
    action: 'memo.list',
    reader: () => firm.lawyer,
    add: (caseId) => publishMemo(h, firm.lawyer, caseId),
    ids: (a) => (a as { memos: { id: string }[] }).memos.map((m) => m.id),
  },
  {
    action: 'request.list',
    reader: () => firm.lawyer,
    add: (caseId) => writeRequest(h, firm.client, caseId),
    ids: (a) => (a as { requests: { id: string }[] }).requests.map((r) => r.id),
  },
  {
    action: 'task.list',
    reader: () => firm.lawyer,
    add: (caseId) => assignTask(h, firm.lawyer, caseId, clientId),
    ids: (a) => (a as { tasks: { id: string }[] }).tasks.map((t) => t.id),
  },
  {
    action: 'invite.list',
    reader: () => firm.lawyer,
    add: (caseId) => h.ok(firm.lawyer, 'invite.createClient', { caseId, clientName: null }),
    ids: (a) => (a as { invites: { inviteId: string }[] }).invites.map((i) => i.inviteId),
  },
];

/** Every page of a list, following nextCursor; each page checked against the limit. */
async function walk(
  subject: string,
  action: ActionName,
  payload: Record<string, unknown>,
  limit: number,
  ids: (answer: unknown) => string[],
  between?: (page: number) => Promise<void>,
): Promise<{ ids: string[]; pages: number }> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const answer = (await h.ok(subject, action, { ...payload, cursor, limit } as never)) as {
      nextCursor: string | null;
    };
    const got = ids(answer);
    expect(got.length).toBeLessThanOrEqual(limit);
    seen.push(...got);
    if (answer.nextCursor === null) return { ids: seen, pages: page + 1 };
    // A page that says more follows is full.
    expect(got).toHaveLength(limit);
    cursor = answer.nextCursor;
    await between?.(page);
  }
  throw new Error(`${action} did not end`);
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** Cursors no server made: not base64url JSON, the wrong shape, a time or id that is not one, too long. */
const FORGED = [
  'not a cursor',
  encode({ createdAt: '2026-03-02T01:00:00.000Z', id: 'abcdefgh' }),
  encode(['2026-03-02T01:00:00.000Z']),
  encode(['yesterday', 'abcdefgh']),
  encode(['2026-03-02T01:00:00.000Z', "x' or 1=1 --"]),
  encode(['2026-03-02T01:00:00.000Z', 42]),
];

describe.each(KINDS)('$action', (kind) => {
  it('pages rows that share one timestamp without overlap or gap, also while rows are written between pages', async () => {
    // No clock advance: every row has the same created_at, so only the id orders them.
    for (let i = 0; i < 7; i++) await kind.add(firm.caseId);
    const before = kind.ids(await h.ok(kind.reader(), kind.action, { caseId: firm.caseId }));
    // invite.list also holds the case's own invite from setUpFirm.
    expect(before.length).toBeGreaterThanOrEqual(7);

    const walked = await walk(kind.reader(), kind.action, { caseId: firm.caseId }, 3, kind.ids, async () => {
      await kind.add(firm.caseId);
    });
    expect(new Set(walked.ids).size).toBe(walked.ids.length);
    for (const id of before) expect(walked.ids).toContain(id);
    expect(walked.pages).toBeGreaterThanOrEqual(3);

    // Once the writing stops, a fresh walk sees every row once, in the same order as one big page.
    const all = kind.ids(await h.ok(kind.reader(), kind.action, { caseId: firm.caseId }));
    const again = await walk(kind.reader(), kind.action, { caseId: firm.caseId }, 2, kind.ids);
    expect(new Set(again.ids)).toEqual(new Set(all));
    expect(again.ids).toHaveLength(all.length);
  });

  it('keeps to the limit, and the last page has no cursor', async () => {
    for (let i = 0; i < 4; i++) {
      await kind.add(firm.caseId);
      h.advance(1000);
    }
    const total = kind.ids(await h.ok(kind.reader(), kind.action, { caseId: firm.caseId })).length;
    const first = (await h.ok(kind.reader(), kind.action, { caseId: firm.caseId, limit: 1 } as never)) as {
      nextCursor: string | null;
    };
    expect(kind.ids(first)).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const whole = (await h.ok(kind.reader(), kind.action, {
      caseId: firm.caseId,
      limit: total,
    } as never)) as {
      nextCursor: string | null;
    };
    expect(kind.ids(whole)).toHaveLength(total);
    expect(whole.nextCursor).toBeNull();
  });

  it('refuses a forged cursor or an out-of-range limit with a typed error, and changes nothing', async () => {
    await kind.add(firm.caseId);
    const before = await h.counts();
    for (const cursor of FORGED) {
      const error = await h.err(kind.reader(), kind.action, { caseId: firm.caseId, cursor });
      expect({ cursor, code: error.code }).toEqual({ cursor, code: 'INVALID_ARGUMENT' });
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(error.issues?.[0]?.path).toBe('cursor');
    }
    for (const limit of [0, -1, LIMITS.pageSize + 1, 2.5]) {
      const error = await h.err(kind.reader(), kind.action, { caseId: firm.caseId, limit });
      expect(error.code).toBe('INVALID_ARGUMENT');
    }
    expect(await h.counts()).toEqual(before);
  });
});

describe('a cursor never widens what a caller sees', () => {
  it('a cursor from another case only positions the list of the case asked for', async () => {
    const other = await setUpFirm(h, '-other');
    const otherClient = await userIdOf(h, other.client);
    for (let i = 0; i < 3; i++) {
      await assignTask(h, other.lawyer, other.caseId, otherClient);
      await writeRequest(h, other.client, other.caseId);
      await publishMemo(h, other.lawyer, other.caseId);
    }
    h.advance(1000);
    const ownTask = await assignTask(h, firm.lawyer, firm.caseId, clientId);
    const ownRequest = await writeRequest(h, firm.client, firm.caseId);
    const ownMemo = await publishMemo(h, firm.lawyer, firm.caseId);
    const otherTasks = await h.ok(other.client, 'task.list', { caseId: other.caseId, limit: 1 });
    const otherRequests = await h.ok(other.client, 'request.list', { caseId: other.caseId, limit: 1 });
    const otherMemos = await h.ok(other.client, 'memo.list', { caseId: other.caseId, limit: 1 });

    // The other case's rows are older than the cursor's position too, yet none of them comes back.
    const tasks = await h.ok(firm.client, 'task.list', {
      caseId: firm.caseId,
      cursor: otherTasks.nextCursor,
    });
    const requests = await h.ok(firm.client, 'request.list', {
      caseId: firm.caseId,
      cursor: otherRequests.nextCursor,
    });
    const memos = await h.ok(firm.client, 'memo.list', {
      caseId: firm.caseId,
      cursor: otherMemos.nextCursor,
    });
    expect(tasks.tasks.every((t) => t.caseId === firm.caseId)).toBe(true);
    expect(requests.requests.every((r) => r.caseId === firm.caseId)).toBe(true);
    expect(memos.memos.every((m) => m.caseId === firm.caseId)).toBe(true);
    // A cursor is a position, not a key: rows of the caller's own case after it still come.
    const fromTop = await h.ok(firm.client, 'task.list', {
      caseId: firm.caseId,
      cursor: Buffer.from(JSON.stringify(['2999-01-01T00:00:00.000Z', 'zzzzzzzz'])).toString('base64url'),
    });
    expect(fromTop.tasks.map((t) => t.id)).toEqual([ownTask.id]);
    expect(requests.requests.map((r) => r.id)).not.toContain(ownRequest.id);
    expect(memos.memos.map((m) => m.id)).not.toContain(ownMemo.id);

    // Nor does a cursor open another case to a non-member.
    const error = await h.err(firm.client, 'task.list', { caseId: other.caseId, cursor: tasks.nextCursor });
    expect(error.code).toBe('NOT_FOUND');
  });

  it('a client’s pages hold only their own tasks and requests, whatever cursor they send', async () => {
    const second = 'wx:o-client-second';
    const invite = await h.ok(firm.lawyer, 'invite.createClient', {
      caseId: firm.caseId,
      clientName: '王先生',
    });
    await h.ok(second, 'invite.redeem', { code: invite.code });
    const secondId = await userIdOf(h, second);
    const mine: string[] = [];
    const mineRequests: string[] = [];
    for (let i = 0; i < 4; i++) {
      mine.push((await assignTask(h, firm.lawyer, firm.caseId, clientId)).id);
      await assignTask(h, firm.lawyer, firm.caseId, secondId);
      await assignTask(h, firm.lawyer, firm.caseId, secondId);
      mineRequests.push((await writeRequest(h, firm.client, firm.caseId)).id);
      await writeRequest(h, second, firm.caseId);
    }
    // The lawyer's cursors walk the whole case; given to the client they still find only the client's own.
    const lawyerPage = await h.ok(firm.lawyer, 'task.list', { caseId: firm.caseId, limit: 1 });
    const tasksSeen = await walk(firm.client, 'task.list', { caseId: firm.caseId }, 1, (a) =>
      (a as { tasks: { id: string }[] }).tasks.map((t) => t.id),
    );
    expect(tasksSeen.ids.sort()).toEqual([...mine].sort());
    const viaLawyerCursor = await h.ok(firm.client, 'task.list', {
      caseId: firm.caseId,
      cursor: lawyerPage.nextCursor,
    });
    expect(viaLawyerCursor.tasks.every((t) => t.assigneeId === clientId)).toBe(true);
    // A full page of a client's own tasks, though most of the case's tasks are someone else's.
    const two = await h.ok(firm.client, 'task.list', { caseId: firm.caseId, limit: 2 });
    expect(two.tasks).toHaveLength(2);
    expect(two.nextCursor).toEqual(expect.any(String));

    const requestsSeen = await walk(firm.client, 'request.list', { caseId: firm.caseId }, 1, (a) =>
      (a as { requests: { id: string }[] }).requests.map((r) => r.id),
    );
    expect(requestsSeen.ids.sort()).toEqual([...mineRequests].sort());

    // The invite list stays the lawyer's, cursor or not.
    const invites = await h.ok(firm.lawyer, 'invite.list', { caseId: firm.caseId, limit: 1 });
    const refused = await h.err(firm.client, 'invite.list', {
      caseId: firm.caseId,
      cursor: invites.nextCursor,
    });
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(refused.code);
  });
});

describe('invite.list', () => {
  it('sends the members with the first page only', async () => {
    for (let i = 0; i < 3; i++)
      await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    const first = await h.ok(firm.lawyer, 'invite.list', { caseId: firm.caseId, limit: 2 });
    expect(first.members.map((m) => m.userId)).toContain(clientId);
    const second = await h.ok(firm.lawyer, 'invite.list', {
      caseId: firm.caseId,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.members).toEqual([]);
    expect(second.invites).toHaveLength(2);
  });
});

describe('statement.mine', () => {
  it('pages a client’s statements across their cases, each once, split by their standing', async () => {
    const secondCase = await openCaseWithClient(h, firm.lawyer, firm.client);
    const published: string[] = [];
    for (const caseId of [firm.caseId, secondCase, firm.caseId]) {
      published.push((await publishStatement(h, firm.lawyer, caseId)).id);
    }
    // A draft is the lawyers' working copy: never on a client's page.
    await h.ok(firm.lawyer, 'statement.createDraft', { caseId: firm.caseId, templateKey: null });
    const detail = await h.ok(firm.client, 'statement.get', { statementId: published[1] });
    await h.ok(firm.client, 'statement.acknowledge', {
      statementId: published[1],
      versionNo: detail.current?.versionNo ?? 1,
      itemIds: statementItemIds(detail),
    });

    const pending: string[] = [];
    const acknowledged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { pending: { id: string }[]; acknowledged: { id: string }[]; nextCursor: string | null } =
        await h.ok(firm.client, 'statement.mine', { cursor, limit: 1 });
      expect(page.pending.length + page.acknowledged.length).toBe(1);
      pending.push(...page.pending.map((s) => s.id));
      acknowledged.push(...page.acknowledged.map((s) => s.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(acknowledged).toEqual([published[1]]);
    expect(pending.sort()).toEqual([published[0], published[2]].sort());

    // The lawyer is a client of no case: nothing, and no cursor.
    expect(await h.ok(firm.lawyer, 'statement.mine', {})).toEqual({
      pending: [],
      acknowledged: [],
      nextCursor: null,
    });
    const forged = await h.err(firm.client, 'statement.mine', { cursor: 'nope' });
    expect(forged.code).toBe('INVALID_ARGUMENT');
  });
});

describe('admin.listLawyers', () => {
  it('pages the lawyers in enrolment order, with what waits for the admin on the first page only', async () => {
    // Three more lawyers enrolled at the same instant.
    for (const n of [2, 3, 4]) await enrollLawyer(h, `wx:o-lawyer-${n}`, `律师${n}`);
    await h.ok(ADMIN, 'admin.inviteLawyer', { name: '待加入律师' });
    const all = await h.ok(ADMIN, 'admin.listLawyers', {});
    expect(all.lawyers).toHaveLength(4);
    expect(all.nextCursor).toBeNull();
    expect(all.pendingInvites).toHaveLength(1);

    const first = await h.ok(ADMIN, 'admin.listLawyers', { limit: 3 });
    expect(first.lawyers).toHaveLength(3);
    expect(first.pendingInvites).toHaveLength(1);
    const second = await h.ok(ADMIN, 'admin.listLawyers', { limit: 3, cursor: first.nextCursor });
    expect(second.lawyers).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(second.pendingInvites).toEqual([]);
    expect(second.pendingEnrolments).toEqual([]);
    expect([...first.lawyers, ...second.lawyers].map((l) => l.userId)).toEqual(
      all.lawyers.map((l) => l.userId),
    );

    const before = await h.counts();
    expect((await h.err(ADMIN, 'admin.listLawyers', { cursor: encode(['x', 'y']) })).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect(await h.counts()).toEqual(before);
    // Only the admin lists lawyers, cursor or not.
    expect((await h.err(firm.lawyer, 'admin.listLawyers', { cursor: first.nextCursor })).code).toMatch(
      /FORBIDDEN|NOT_FOUND/,
    );
  });
});

describe('the default page', () => {
  it('answers a caller that sends no cursor with the first LIMITS.pageSize rows', async () => {
    for (let i = 0; i < LIMITS.pageSize + 2; i++) await assignTask(h, firm.lawyer, firm.caseId, clientId);
    const first = await h.ok(firm.lawyer, 'task.list', { caseId: firm.caseId });
    expect(first.tasks).toHaveLength(LIMITS.pageSize);
    const rest = await h.ok(firm.lawyer, 'task.list', { caseId: firm.caseId, cursor: first.nextCursor });
    expect(rest.tasks).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();
  });
});
