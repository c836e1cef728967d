import { verifyCaseEvents, readCaseEvents } from '../../server/events/event-log.store';
import {
  ADMIN,
  openCase,
  openHarness,
  sampleUpdate,
  setUpFirm,
  type Firm,
  type Harness,
} from '../fixtures/api-harness';
import { publishStatement, statementItemIds } from '../fixtures/statements';

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

const times = (n: number) => Array.from({ length: n }, (_, i) => i);

describe(`concurrent writers on one case (${process.env.CASETRAIL_TEST_PG_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('appends 50 parallel publishes as 50 events with no gap, and the chain stays valid', async () => {
    const before = (await readCaseEvents(h.db, firm.caseId)).length;
    const answers = await Promise.all(
      times(50).map((i) =>
        h.call(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate, title: `进展 ${i}` }),
      ),
    );
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    const events = await readCaseEvents(h.db, firm.caseId);
    expect(events.filter((e) => e.type === 'update.published')).toHaveLength(50);
    expect(events.map((e) => e.seq)).toEqual(times(before + 50).map((i) => i + 1));
    expect(await verifyCaseEvents(h.db, firm.caseId)).toMatchObject({ valid: true, events: before + 50 });
  });

  it('keeps one acknowledgment and one event for 50 parallel acknowledgments by one client', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const itemIds = statementItemIds(statement);
    const answers = await Promise.all(
      times(50).map(() =>
        h.call(firm.client, 'statement.acknowledge', { statementId: statement.id, versionNo: 1, itemIds }),
      ),
    );
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect((await h.counts()).record_responses).toBe(1);
    const events = await readCaseEvents(h.db, firm.caseId);
    expect(events.filter((e) => e.type === 'statement.acknowledged')).toHaveLength(1);
    expect((await verifyCaseEvents(h.db, firm.caseId)).valid).toBe(true);
  });

  it('answers 50 copies of one request identically, with one write', async () => {
    const before = await h.counts();
    const envelope = {
      action: 'update.publish',
      payload: { caseId: firm.caseId, ...sampleUpdate },
      requestId: 'req-same-0000001',
    };
    const answers = await Promise.all(times(50).map(() => h.send(firm.lawyer, envelope)));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const after = await h.counts();
    expect(after.records - before.records).toBe(1);
    expect(after.case_events - before.case_events).toBe(1);
    expect(after.idempotency - before.idempotency).toBe(1);
  });

  it('records one read receipt and one read event for 50 parallel reads', async () => {
    const update = await h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate });
    const answers = await Promise.all(
      times(50).map(() => h.call(firm.client, 'update.markRead', { updateId: update.id })),
    );
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const events = await readCaseEvents(h.db, firm.caseId);
    expect(events.filter((e) => e.type === 'update.read')).toHaveLength(1);
    const [summary] = (await h.ok(firm.client, 'case.list', {})).cases;
    expect(summary.unread).toBe(0);
  });
});

describe('versions keep their author as they were', () => {
  it('shows the name at publish time on old versions after the lawyer renames', async () => {
    const update = await h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate });
    await h.ok(firm.lawyer, 'profile.update', {
      name: '张三律师',
      firm: '示例律师事务所',
      licenseNo: '13101201810000001',
      phone: null,
    });
    const corrected = await h.ok(firm.lawyer, 'update.correct', {
      updateId: update.id,
      ...sampleUpdate,
      body: '起诉材料已提交，法院已受理。',
      reason: '补充受理情况',
    });
    expect(corrected.versions.map((v) => [v.versionNo, v.authorName])).toEqual([
      [2, '张三律师'],
      [1, '张律师'],
    ]);
    const version = await h.db
      .selectFrom('record_versions')
      .select(['author_name', 'author_role'])
      .where('record_id', '=', update.id)
      .where('version_no', '=', 1)
      .executeTakeFirstOrThrow();
    expect(version).toEqual({ author_name: '张律师', author_role: 'lawyer' });
  });

  it('keeps the promise warnings found in an update with its version and its event', async () => {
    const update = await h.ok(firm.lawyer, 'update.publish', {
      caseId: firm.caseId,
      ...sampleUpdate,
      body: '证据充分，这个案子包赢。',
    });
    const version = await h.db
      .selectFrom('record_versions')
      .select('promise_warnings')
      .where('record_id', '=', update.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(version.promise_warnings)).toEqual([
      expect.objectContaining({ path: 'body', phrase: '包赢', rule: 'outcome-promise' }),
    ]);
    const [published] = (await readCaseEvents(h.db, firm.caseId)).filter(
      (e) => e.type === 'update.published',
    );
    expect(JSON.parse(published.payload).promiseWarnings).toEqual([
      expect.objectContaining({ path: 'body', phrase: '包赢', rule: 'outcome-promise' }),
    ]);
  });

  it('keeps the acknowledging client’s name on the receipt', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    await h.ok(firm.client, 'statement.acknowledge', {
      statementId: statement.id,
      versionNo: 1,
      itemIds: statementItemIds(statement),
    });
    await h.db
      .updateTable('users')
      .set({ display_name: '李某' })
      .where('subject', '=', firm.client)
      .execute();
    const detail = await h.ok(firm.lawyer, 'statement.get', { statementId: statement.id });
    expect(detail.acknowledgments?.[0].displayName).toBe('李女士');
  });
});

/** A small deterministic generator, so a failing sequence can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

describe('unread counts', () => {
  it('match a model of who read which current version, through publishes, corrections, reads and joins', async () => {
    const people = [firm.lawyer, firm.client];
    const clients = ['wx:o-client-c', 'wx:o-client-d'];
    const updates: { id: string; by: string; readers: Set<string> }[] = [];
    const members = new Set(people);
    const rand = prng(20261128);

    for (let step = 0; step < 60; step++) {
      const op = rand(10);
      if (op < 3 || updates.length === 0) {
        const u = await h.ok(firm.lawyer, 'update.publish', {
          caseId: firm.caseId,
          ...sampleUpdate,
          title: `进展 ${step}`,
        });
        updates.push({ id: u.id, by: firm.lawyer, readers: new Set() });
      } else if (op < 5) {
        const u = updates[rand(updates.length)];
        await h.ok(firm.lawyer, 'update.correct', {
          updateId: u.id,
          ...sampleUpdate,
          body: `更正 ${step}`,
          reason: '更正',
        });
        u.readers = new Set();
      } else if (op < 9) {
        const reader = [...members][rand(members.size)];
        const u = updates[rand(updates.length)];
        await h.ok(reader, 'update.markRead', { updateId: u.id });
        u.readers.add(reader);
      } else if (clients.length > 0) {
        const newcomer = clients.shift() as string;
        const invite = await h.ok(firm.lawyer, 'invite.createClient', {
          caseId: firm.caseId,
          clientName: null,
        });
        await h.ok(newcomer, 'invite.redeem', { code: invite.code });
        members.add(newcomer);
      }
      h.advance(1000);
    }

    for (const person of members) {
      const expected = updates.filter((u) => u.by !== person && !u.readers.has(person)).length;
      const [summary] = (await h.ok(person, 'case.list', {})).cases;
      expect({ person, unread: summary.unread }).toEqual({ person, unread: expected });
      const detail = await h.ok(person, 'case.get', { caseId: firm.caseId });
      expect(detail.unread).toBe(expected);
    }
    expect(members.size).toBeGreaterThan(2);
  });
});

describe('the case list', () => {
  it('pages a lawyer’s cases by latest activity, each case once', async () => {
    for (const i of times(54)) {
      await openCase(h, firm.lawyer, `案件 ${i}`);
      h.advance(1000);
    }
    const first = await h.ok(firm.lawyer, 'case.list', {});
    expect(first.cases).toHaveLength(50);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await h.ok(firm.lawyer, 'case.list', { cursor: first.nextCursor });
    expect(second.cases).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const all = [...first.cases, ...second.cases];
    expect(new Set(all.map((c) => c.id)).size).toBe(55);
    const activity = all.map((c) => c.lastActivityAt);
    expect([...activity].sort().reverse()).toEqual(activity);
    expect(all[0].title).toBe('案件 53');

    // Activity on the oldest case moves it to the top.
    await h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate });
    const again = await h.ok(firm.lawyer, 'case.list', { limit: 1 });
    expect(again.cases.map((c) => c.id)).toEqual([firm.caseId]);
  });

  it('refuses a cursor it did not issue', async () => {
    const error = await h.err(firm.lawyer, 'case.list', { cursor: 'not-a-cursor' });
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', issues: [{ path: 'cursor' }] });
  });
});

describe('read models run a fixed number of queries', () => {
  async function queriesOf(run: () => Promise<unknown>): Promise<number> {
    h.resetQueries();
    await run();
    return h.queries();
  }

  async function addClients(n: number) {
    for (const i of times(n)) {
      const invite = await h.ok(firm.lawyer, 'invite.createClient', {
        caseId: firm.caseId,
        clientName: null,
      });
      await h.ok(`wx:o-extra-${i}-${h.now().getTime()}`, 'invite.redeem', { code: invite.code });
    }
  }

  it('statement.get and statement.list for a lawyer do not grow with clients or statements', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const get = () => h.ok(firm.lawyer, 'statement.get', { statementId: statement.id });
    const list = () => h.ok(firm.lawyer, 'statement.list', { caseId: firm.caseId });
    const getWithOne = await queriesOf(get);
    const listWithOne = await queriesOf(list);

    await addClients(6);
    await publishStatement(h, firm.lawyer, firm.caseId);
    await publishStatement(h, firm.lawyer, firm.caseId);
    const detail = await get();
    expect(detail.clients).toHaveLength(7);
    expect(await queriesOf(get)).toBe(getWithOne);
    expect(await queriesOf(list)).toBe(listWithOne);
    expect((await list()).statements).toHaveLength(3);
  });

  it('statement.mine and case.list for a client do not grow with statements or cases', async () => {
    await publishStatement(h, firm.lawyer, firm.caseId);
    const mine = () => h.ok(firm.client, 'statement.mine', {});
    const cases = () => h.ok(firm.client, 'case.list', {});
    const mineWithOne = await queriesOf(mine);
    const casesWithOne = await queriesOf(cases);

    const second = await openCase(h, firm.lawyer, '第二个案件');
    const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: second.id, clientName: null });
    await h.ok(firm.client, 'invite.redeem', { code: invite.code });
    await publishStatement(h, firm.lawyer, second.id);
    await publishStatement(h, firm.lawyer, firm.caseId);
    expect((await mine()).pending).toHaveLength(3);
    expect(await queriesOf(mine)).toBe(mineWithOne);
    expect((await cases()).cases).toHaveLength(2);
    expect(await queriesOf(cases)).toBe(casesWithOne);
  });
});

describe('stored answers hold no secret', () => {
  it('keeps no invite code for replay, and a replay gets a fresh code that works', async () => {
    const envelope = {
      action: 'invite.createClient',
      payload: { caseId: firm.caseId, clientName: '赵先生' },
      requestId: 'req-invite-000001',
    };
    const first = await h.send(firm.lawyer, envelope);
    const replay = await h.send(firm.lawyer, envelope);
    if (!first.ok || !replay.ok) throw new Error('invite failed');
    const a = first.data as { inviteId: string; code: string; path: string };
    const b = replay.data as { inviteId: string; code: string; path: string };
    expect(b.inviteId).toBe(a.inviteId);
    expect(b.code).not.toBe(a.code);

    const stored = await h.db.selectFrom('idempotency').select('response').execute();
    const normalized = (code: string) => code.replace(/-/g, '');
    for (const row of stored) {
      expect(row.response).not.toContain(normalized(a.code));
      expect(row.response).not.toContain(normalized(b.code));
      expect(row.response).not.toContain(a.code);
    }
    expect(await h.err('wx:o-zhao', 'invite.redeem', { code: a.code })).toMatchObject({
      code: 'INVITE.NOT_FOUND',
    });
    expect(await h.ok('wx:o-zhao', 'invite.redeem', { code: b.code })).toEqual({
      kind: 'client',
      caseId: firm.caseId,
      pending: false,
    });
    // Once used, a replay cannot mint a new way in.
    expect(await h.send(firm.lawyer, envelope)).toMatchObject({ ok: false, error: { code: 'INVITE.USED' } });
  });

  it('does the same for a lawyer invite', async () => {
    const envelope = {
      action: 'admin.inviteLawyer',
      payload: { name: '周律师' },
      requestId: 'req-lawyer-00001',
    };
    const first = await h.send(ADMIN, envelope);
    const replay = await h.send(ADMIN, envelope);
    if (!first.ok || !replay.ok) throw new Error('invite failed');
    const code = (replay.data as { code: string }).code;
    const rows = await h.db.selectFrom('idempotency').select('response').execute();
    expect(rows.some((r) => r.response.includes(code) || r.response.includes(code.replace(/-/g, '')))).toBe(
      false,
    );
    expect(await h.ok('wx:o-zhou', 'invite.redeem', { code })).toMatchObject({ kind: 'lawyer' });
  });
});
