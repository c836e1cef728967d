import { STAGE_TEMPLATES } from '../../contract/case-types';
import { readCaseEvents, verifyCaseEvents } from '../../server/events/event-log.store';
import { dropAppendOnlyGuards } from '../../server/platform/migrations/0005-evidence';
import {
  ADMIN,
  enrollLawyer,
  openCase,
  openHarness,
  sampleUpdate,
  type Harness,
} from '../fixtures/api-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

const LAWYER = 'wx:o-zhang';
const CLIENT = 'wx:o-li';
const HOUR = 3600_000;

describe('the first journey', () => {
  it('takes a case from enrollment to a read receipt the lawyer can see', async () => {
    // The admin enrolls a lawyer, who fills in the practice profile.
    const admin = await h.ok(ADMIN, 'session.me', {});
    expect(admin.isAdmin).toBe(true);
    await enrollLawyer(h, LAWYER, '张律师');
    const me = await h.ok(LAWYER, 'session.me', {});
    expect(me).toMatchObject({
      isLawyer: true,
      displayName: '张律师',
      profile: { licenseNo: '13101201810000001' },
    });

    // The lawyer opens a case; its stages come from the 劳动 template.
    const created = await h.ok(LAWYER, 'case.create', {
      title: '  王先生  劳动争议 ',
      caseType: '劳动',
      caseNumber: '（2026）沪0115民初1234号',
      court: null,
      opposingParty: '某物流公司',
    });
    expect(created.title).toBe('王先生 劳动争议');
    expect(created.stages.map((s) => s.name)).toEqual(STAGE_TEMPLATES['劳动'].map((s) => s.name));
    expect(created.stages.map((s) => s.status)).toEqual(['current', 'next', 'next', 'next', 'next']);
    expect(created.stages[1].description).toContain('一年');

    // The client joins through the invite code.
    const invite = await h.ok(LAWYER, 'invite.createClient', { caseId: created.id, clientName: '王先生' });
    expect(invite.code).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    expect(invite.path).toBe(`/pages/join/index?code=${invite.code.replace(/-/g, '')}`);
    h.advance(HOUR);
    const joined = await h.ok(CLIENT, 'invite.redeem', { code: invite.code.toLowerCase() });
    expect(joined).toEqual({ kind: 'client', caseId: created.id, pending: false });
    const client = await h.ok(CLIENT, 'session.me', {});
    expect(client).toMatchObject({ displayName: '王先生', isLawyer: false, isAdmin: false });

    // The lawyer publishes an update that moves the case to arbitration.
    h.advance(HOUR);
    const update = await h.ok(LAWYER, 'update.publish', {
      caseId: created.id,
      ...sampleUpdate,
      stageIndex: 1,
    });
    expect(update.versions).toHaveLength(1);
    expect(update.versions[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(update.receipts).toEqual({
      read: [],
      unreadClients: [{ userId: client.userId, displayName: '王先生' }],
    });

    // The client sees it as unread, with the stage moved.
    const [summary] = (await h.ok(CLIENT, 'case.list', {})).cases;
    expect(summary).toMatchObject({
      id: created.id,
      unread: 1,
      currentStage: { index: 1, name: '劳动仲裁' },
    });
    const timeline = await h.ok(CLIENT, 'case.timeline', { caseId: created.id });
    expect(timeline.entries).toHaveLength(1);
    expect(timeline.entries[0]).toMatchObject({ title: sampleUpdate.title, read: false, corrected: false });
    expect(timeline.entries[0].readBy).toBeUndefined();
    const caseForClient = await h.ok(CLIENT, 'case.get', { caseId: created.id });
    expect(caseForClient.stages.map((s) => s.status)).toEqual(['done', 'current', 'next', 'next', 'next']);

    // Opening it records a read receipt, once.
    h.advance(10 * 60_000);
    const read = await h.ok(CLIENT, 'update.markRead', { updateId: update.id });
    h.advance(60_000);
    const readAgain = await h.ok(CLIENT, 'update.markRead', { updateId: update.id });
    expect(readAgain).toEqual(read);
    const forClient = await h.ok(CLIENT, 'update.get', { updateId: update.id });
    expect(forClient.receipts).toBeUndefined();
    expect(forClient.myReadAt).toBe(read.readAt);
    expect((await h.ok(CLIENT, 'case.list', {})).cases[0].unread).toBe(0);

    // The lawyer sees who read it and when.
    const forLawyer = await h.ok(LAWYER, 'update.get', { updateId: update.id });
    expect(forLawyer.receipts).toEqual({
      read: [{ userId: client.userId, displayName: '王先生', versionNo: 1, readAt: read.readAt }],
      unreadClients: [],
    });
    const lawyerTimeline = await h.ok(LAWYER, 'case.timeline', { caseId: created.id });
    expect(lawyerTimeline.entries[0].readBy).toBe(1);

    // Every step is on the case's chain, and the chain verifies.
    const events = await readCaseEvents(h.db, created.id);
    expect(events.map((e) => e.type)).toEqual([
      'case.created',
      'invite.created',
      'member.joined',
      'update.published',
      'stage.changed',
      'update.read',
    ]);
    expect(await h.ok(LAWYER, 'case.verifyLog', { caseId: created.id })).toMatchObject({
      valid: true,
      events: 6,
    });
  });
});

describe('corrections', () => {
  async function publishedUpdate() {
    await enrollLawyer(h, LAWYER);
    const created = await openCase(h, LAWYER);
    const invite = await h.ok(LAWYER, 'invite.createClient', { caseId: created.id, clientName: null });
    await h.ok(CLIENT, 'invite.redeem', { code: invite.code });
    const update = await h.ok(LAWYER, 'update.publish', { caseId: created.id, ...sampleUpdate });
    await h.ok(CLIENT, 'update.markRead', { updateId: update.id });
    return { caseId: created.id, update };
  }

  it('publishes a correction as a new version and keeps the old one unchanged', async () => {
    const { caseId, update } = await publishedUpdate();
    h.advance(HOUR);
    const corrected = await h.ok(LAWYER, 'update.correct', {
      updateId: update.id,
      ...sampleUpdate,
      body: '起诉状和证据材料已提交，法院将在 7 个工作日内决定是否受理。',
      reason: '受理期限应为工作日',
    });
    expect(corrected.corrected).toBe(true);
    expect(corrected.versions.map((v) => v.versionNo)).toEqual([2, 1]);
    expect(corrected.versions[1]).toEqual(update.versions[0]);
    expect(corrected.versions[0].reason).toBe('受理期限应为工作日');
    expect(corrected.versions[0].contentHash).not.toBe(update.versions[0].contentHash);

    // The client's read of version 1 stays on record; version 2 is unread.
    expect(corrected.receipts?.read.map((r) => r.versionNo)).toEqual([1]);
    expect(corrected.receipts?.unreadClients).toHaveLength(1);
    const [entry] = (await h.ok(CLIENT, 'case.timeline', { caseId })).entries;
    expect(entry).toMatchObject({ corrected: true, versionNo: 2, read: false });
    expect((await h.ok(CLIENT, 'case.list', {})).cases[0].unread).toBe(1);
  });

  it('refuses a correction that changes nothing, or has no reason', async () => {
    const { update } = await publishedUpdate();
    const before = await h.counts();
    expect(
      (await h.err(LAWYER, 'update.correct', { updateId: update.id, ...sampleUpdate, reason: '无' })).code,
    ).toBe('UPDATE.NOTHING_CHANGED');
    const noReason = await h.err(LAWYER, 'update.correct', {
      updateId: update.id,
      ...sampleUpdate,
      reason: '  ',
    });
    expect(noReason.issues?.[0].path).toBe('reason');
    expect(await h.counts()).toEqual(before);
  });
});

describe('the event chain', () => {
  it('names the first event that was edited after the fact', async () => {
    await enrollLawyer(h, LAWYER);
    const created = await openCase(h, LAWYER);
    for (let i = 0; i < 4; i++) await h.ok(LAWYER, 'update.publish', { caseId: created.id, ...sampleUpdate });
    expect((await verifyCaseEvents(h.db, created.id)).valid).toBe(true);
    await dropAppendOnlyGuards(h.db);
    await h.db
      .updateTable('case_events')
      .set({ at: '2020-01-01T00:00:00.000Z' })
      .where('case_id', '=', created.id)
      .where('seq', '=', 3)
      .execute();
    expect(await verifyCaseEvents(h.db, created.id)).toMatchObject({ valid: false, brokenAt: 3 });
  });

  it('notices a deleted event', async () => {
    await enrollLawyer(h, LAWYER);
    const created = await openCase(h, LAWYER);
    for (let i = 0; i < 3; i++) await h.ok(LAWYER, 'update.publish', { caseId: created.id, ...sampleUpdate });
    await dropAppendOnlyGuards(h.db);
    await h.db.deleteFrom('case_events').where('case_id', '=', created.id).where('seq', '=', 2).execute();
    expect(await verifyCaseEvents(h.db, created.id)).toMatchObject({ valid: false, brokenAt: 2 });
  });
});

describe('the timeline', () => {
  it('pages newest first without gaps or repeats', async () => {
    await enrollLawyer(h, LAWYER);
    const created = await openCase(h, LAWYER);
    const titles: string[] = [];
    for (let i = 0; i < 7; i++) {
      titles.unshift(`进展 ${i}`);
      await h.ok(LAWYER, 'update.publish', { caseId: created.id, ...sampleUpdate, title: `进展 ${i}` });
      if (i % 2 === 1) h.advance(1000); // some updates share a timestamp: the id breaks the tie
    }
    const seen: string[] = [];
    const times: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { entries: { title: string; publishedAt: string }[]; nextCursor: string | null } =
        await h.ok(LAWYER, 'case.timeline', { caseId: created.id, cursor, limit: 3 });
      seen.push(...page.entries.map((e) => e.title));
      times.push(...page.entries.map((e) => e.publishedAt));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(new Set(seen)).toEqual(new Set(titles));
    expect(times).toEqual([...times].sort().reverse());
    expect(seen[0]).toBe('进展 6'); // alone at the newest timestamp
    const bad = await h.err(LAWYER, 'case.timeline', { caseId: created.id, cursor: 'not-a-cursor' });
    expect(bad.code).toBe('INVALID_ARGUMENT');
  });
});
