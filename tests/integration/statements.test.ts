import { SECTION_KEYS, STATEMENT_LIMITS, type StatementContent } from '../../contract/statements';
import { findTemplate } from '../../server/statements/statement-templates';
import { readCaseEvents } from '../../server/events/event-log.store';
import { openHarness, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';
import { publishStatement, sampleStatement, statementItemIds } from '../fixtures/statements';

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

const HOUR = 3600_000;

async function acknowledgeAll(subject: string, statementId: string) {
  const detail = await h.ok(subject, 'statement.get', { statementId });
  const versionNo = detail.current?.versionNo ?? 0;
  return h.ok(subject, 'statement.acknowledge', {
    statementId,
    versionNo,
    itemIds: statementItemIds(detail),
  });
}

/** Revises the 我们会做 item and publishes version 2. */
async function reviseOneItem(statementId: string) {
  const current = await h.ok(firm.lawyer, 'statement.get', { statementId });
  const content = current.current!.content;
  await h.ok(firm.lawyer, 'statement.saveDraft', {
    statementId,
    content: {
      ...content,
      sections: {
        ...content.sections,
        weWill: [{ ...content.sections.weWill[0], text: '我们会在 3 日内提交证据。' }],
      },
    },
  });
  return h.ok(firm.lawyer, 'statement.publish', { statementId, changeNote: '明确提交证据的时间' });
}

describe('drafting and publishing', () => {
  it('starts a draft from a template of the case type, editable before publishing', async () => {
    const { templates } = await h.ok(firm.lawyer, 'statement.templates', {});
    const lending = templates.find((t) => t.name === '民间借贷');
    expect(lending).toBeDefined();
    const draft = await h.ok(firm.lawyer, 'statement.createDraft', {
      caseId: firm.caseId,
      templateKey: lending!.key,
    });
    expect(draft.current).toBeNull();
    expect(draft.draft?.content.sections.worstCase.map((i) => i.text)).toEqual(
      lending!.content.sections.worstCase.map((i) => i.text),
    );
    // Clients see nothing of a draft.
    expect((await h.ok(firm.client, 'statement.list', { caseId: firm.caseId })).statements).toEqual([]);
    expect((await h.err(firm.client, 'statement.get', { statementId: draft.id })).code).toBe('NOT_FOUND');
    const unknown = await h.err(firm.lawyer, 'statement.createDraft', {
      caseId: firm.caseId,
      templateKey: 'nope',
    });
    expect(unknown.code).toBe('STATEMENT.TEMPLATE_NOT_FOUND');
  });

  it('publishes an immutable version 1 with the hash of its canonical content', async () => {
    const published = await publishStatement(h, firm.lawyer, firm.caseId);
    expect(published.current).toMatchObject({ versionNo: 1, changeNote: null, promiseWarnings: [] });
    expect(published.current?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(published.draft).toBeNull();
    expect(statementItemIds(published)).toHaveLength(4);
  });

  it('keeps the promise phrases it warned about with the version, and still publishes', async () => {
    const draft = await h.ok(firm.lawyer, 'statement.createDraft', {
      caseId: firm.caseId,
      templateKey: null,
    });
    const saved = await h.ok(firm.lawyer, 'statement.saveDraft', {
      statementId: draft.id,
      content: {
        ...sampleStatement,
        sections: { ...sampleStatement.sections, weWill: [{ text: '这个案子包赢。' }] },
      },
    });
    const warning = { path: 'sections.weWill.0', phrase: '包赢', rule: 'outcome-promise' };
    expect(saved.draft?.promiseWarnings).toEqual([expect.objectContaining(warning)]);
    expect(saved.draft?.promiseWarnings[0].message).toContain('律师执业管理办法');
    const published = await h.ok(firm.lawyer, 'statement.publish', {
      statementId: draft.id,
      changeNote: null,
    });
    expect(published.current?.promiseWarnings).toEqual(saved.draft?.promiseWarnings);
  });

  it('requires a change note from version 2 on, and a real change', async () => {
    const v1 = await publishStatement(h, firm.lawyer, firm.caseId);
    await h.ok(firm.lawyer, 'statement.saveDraft', { statementId: v1.id, content: v1.current!.content });
    expect(
      (await h.err(firm.lawyer, 'statement.publish', { statementId: v1.id, changeNote: null })).code,
    ).toBe('STATEMENT.CHANGE_NOTE_REQUIRED');
    expect(
      (await h.err(firm.lawyer, 'statement.publish', { statementId: v1.id, changeNote: '无' })).code,
    ).toBe('STATEMENT.NOTHING_CHANGED');
    const v2 = await reviseOneItem(v1.id);
    expect(v2.versions.map((v) => v.versionNo)).toEqual([2, 1]);
    expect(v2.versions[1].contentHash).toBe(v1.current!.contentHash);
  });
});

describe('the legal basis of an item', () => {
  const bases = (content: StatementContent) =>
    SECTION_KEYS.flatMap((section) => content.sections[section].map((item) => item.basis));

  it('comes with each template item into the draft, and reaches the client once published', async () => {
    const template = (await findTemplate('private-lending'))!;
    const draft = await h.ok(firm.lawyer, 'statement.createDraft', {
      caseId: firm.caseId,
      templateKey: template.key,
    });
    expect(bases(draft.draft!.content)).toEqual(bases(template.content));
    expect(bases(draft.draft!.content)).toContain('民事诉讼法第67条');
    await h.ok(firm.lawyer, 'statement.publish', { statementId: draft.id, changeNote: null });
    const seen = await h.ok(firm.client, 'statement.get', { statementId: draft.id });
    expect(bases(seen.current!.content)).toEqual(bases(template.content));
  });

  it('is kept as the lawyer writes it (normalized), an empty one is none, and a long one is refused', async () => {
    const draft = await h.ok(firm.lawyer, 'statement.createDraft', {
      caseId: firm.caseId,
      templateKey: null,
    });
    const saved = await h.ok(firm.lawyer, 'statement.saveDraft', {
      statementId: draft.id,
      content: {
        ...sampleStatement,
        sections: {
          ...sampleStatement.sections,
          worstCase: [{ text: '证据不足的风险。', basis: '  民事诉讼法第67条 ' }],
          weWill: [{ text: '整理证据。', basis: '' }],
        },
      },
    });
    expect(saved.draft!.content.sections.worstCase[0].basis).toBe('民事诉讼法第67条');
    expect(saved.draft!.content.sections.weWill[0].basis).toBeNull();
    expect(saved.draft!.content.sections.youMust[0].basis).toBeNull();
    const tooLong = await h.err(firm.lawyer, 'statement.saveDraft', {
      statementId: draft.id,
      content: {
        ...sampleStatement,
        sections: {
          ...sampleStatement.sections,
          worstCase: [{ text: '证据不足的风险。', basis: '法'.repeat(STATEMENT_LIMITS.itemBasis + 1) }],
        },
      },
    });
    expect(tooLong.issues).toEqual([
      {
        path: 'content.sections.worstCase.0.basis',
        message: `不能超过 ${STATEMENT_LIMITS.itemBasis} 个字`,
      },
    ]);
  });

  it('changing only the basis changes the item: a new version, a change note, and the client sees it', async () => {
    const v1 = await publishStatement(h, firm.lawyer, firm.caseId);
    await acknowledgeAll(firm.client, v1.id);
    const content = v1.current!.content;
    const [risk] = content.sections.worstCase;
    await h.ok(firm.lawyer, 'statement.saveDraft', {
      statementId: v1.id,
      content: {
        ...content,
        sections: { ...content.sections, worstCase: [{ ...risk, basis: '民事诉讼法第67条、第68条' }] },
      },
    });
    expect((await h.err(firm.lawyer, 'statement.publish', { statementId: v1.id })).code).toBe(
      'STATEMENT.CHANGE_NOTE_REQUIRED',
    );
    await h.ok(firm.lawyer, 'statement.publish', { statementId: v1.id, changeNote: '补充举证期限的依据' });
    const seen = await h.ok(firm.client, 'statement.get', { statementId: v1.id });
    expect(seen.current!.content.sections.worstCase[0].basis).toBe('民事诉讼法第67条、第68条');
    expect(seen.changesSinceMyAck?.items).toEqual([
      { section: 'worstCase', itemId: risk.id, change: 'changed', before: risk.text, after: risk.text },
    ]);
  });

  it('reads a version stored before items had a basis as basis null, and finds nothing changed in it', async () => {
    const draft = await h.ok(firm.lawyer, 'statement.createDraft', {
      caseId: firm.caseId,
      templateKey: null,
    });
    const old = {
      title: '预期与风险告知',
      intro: null,
      sections: {
        worstCase: [{ id: 'item-before-basis', text: '证据不足的风险。' }],
        weWill: [],
        weCannot: [],
        youMust: [],
      },
    };
    // Written the way earlier versions of the app stored a draft: items without a basis field.
    await h.db
      .updateTable('record_drafts')
      .set({ content: JSON.stringify(old) })
      .where('record_id', '=', draft.id)
      .execute();
    const v1 = await h.ok(firm.lawyer, 'statement.publish', { statementId: draft.id, changeNote: null });
    expect(v1.current!.content.sections.worstCase).toEqual([
      { id: 'item-before-basis', text: '证据不足的风险。', basis: null },
    ]);
    await h.ok(firm.lawyer, 'statement.saveDraft', { statementId: draft.id, content: v1.current!.content });
    expect(
      (await h.err(firm.lawyer, 'statement.publish', { statementId: draft.id, changeNote: '无' })).code,
    ).toBe('STATEMENT.NOTHING_CHANGED');
  });
});

describe('bad drafts', () => {
  it('refuses an empty section list', async () => {
    const draft = await h.ok(firm.lawyer, 'statement.createDraft', {
      caseId: firm.caseId,
      templateKey: null,
    });
    const before = await h.counts();
    for (const sections of [{}, [], null]) {
      const error = await h.err(firm.lawyer, 'statement.saveDraft', {
        statementId: draft.id,
        content: { ...sampleStatement, sections },
      });
      expect(error.code).toBe('INVALID_ARGUMENT');
    }
    expect(await h.counts()).toEqual(before);
  });

  it('refuses an oversized item and too many items', async () => {
    const draft = await h.ok(firm.lawyer, 'statement.createDraft', {
      caseId: firm.caseId,
      templateKey: null,
    });
    const oversized = await h.err(firm.lawyer, 'statement.saveDraft', {
      statementId: draft.id,
      content: {
        ...sampleStatement,
        sections: {
          ...sampleStatement.sections,
          youMust: [{ text: '字'.repeat(STATEMENT_LIMITS.itemText + 1) }],
        },
      },
    });
    expect(oversized.issues).toEqual([
      { path: 'content.sections.youMust.0.text', message: `不能超过 ${STATEMENT_LIMITS.itemText} 个字` },
    ]);
    const tooMany = await h.err(firm.lawyer, 'statement.saveDraft', {
      statementId: draft.id,
      content: {
        ...sampleStatement,
        sections: {
          ...sampleStatement.sections,
          weWill: Array.from({ length: 21 }, () => ({ text: '一条' })),
        },
      },
    });
    expect(tooMany.code).toBe('INVALID_ARGUMENT');
  });

  it('refuses to publish a statement with no items', async () => {
    const draft = await h.ok(firm.lawyer, 'statement.createDraft', {
      caseId: firm.caseId,
      templateKey: null,
    });
    const before = await h.counts();
    expect((await h.err(firm.lawyer, 'statement.publish', { statementId: draft.id })).code).toBe(
      'STATEMENT.NO_ITEMS',
    );
    expect(await h.counts()).toEqual(before);
  });
});

describe('acknowledging', () => {
  it('records the evidence and gives the client and the lawyer the same receipt', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    await h.ok(firm.client, 'statement.markViewed', { statementId: statement.id, versionNo: 1 });
    h.advance(5 * 60_000);
    const res = await h.send(firm.client, {
      action: 'statement.acknowledge',
      payload: { statementId: statement.id, versionNo: 1, itemIds: statementItemIds(statement) },
      requestId: 'req-ack-0001',
      client: { platform: 'ios', model: 'iPhone 15', system: 'iOS 18.1' },
    });
    if (!res.ok) throw new Error(res.error.code);
    const receipt = res.data as { contentHash: string; acknowledgedAt: string; versionNo: number };
    expect(receipt).toMatchObject({ versionNo: 1, contentHash: statement.current!.contentHash });
    expect(receipt.acknowledgedAt).toBe(h.now().toISOString());

    const row = await h.db.selectFrom('record_responses').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      request_id: 'req-ack-0001',
      source_ip: '10.0.0.7',
      content_hash: statement.current!.contentHash,
      version_no: 1,
    });
    expect(JSON.parse(row.client_info!)).toEqual({ platform: 'ios', model: 'iPhone 15', system: 'iOS 18.1' });

    const forClient = await h.ok(firm.client, 'statement.get', { statementId: statement.id });
    expect(forClient.myReceipt).toEqual(receipt);
    const forLawyer = await h.ok(firm.lawyer, 'statement.get', { statementId: statement.id });
    expect(forLawyer.acknowledgments).toEqual([receipt]);
    expect(forLawyer.clients?.[0]).toMatchObject({ state: 'acknowledged', receipt });
    const events = (await readCaseEvents(h.db, firm.caseId)).map((e) => e.type);
    expect(events).toEqual(
      expect.arrayContaining([
        'statement.drafted',
        'statement.draftSaved',
        'statement.published',
        'statement.viewed',
        'statement.acknowledged',
      ]),
    );
  });

  it('accepts only when every item is checked', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const ids = statementItemIds(statement);
    const before = await h.counts();
    const error = await h.err(firm.client, 'statement.acknowledge', {
      statementId: statement.id,
      versionNo: 1,
      itemIds: ids.slice(1),
    });
    expect(error.code).toBe('STATEMENT.ITEMS_UNCHECKED');
    expect(error.issues?.map((i) => i.path)).toEqual([`itemIds.${ids[0]}`]);
    expect(await h.counts()).toEqual(before);
  });

  it('gives 20 concurrent acknowledgments exactly one record', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const payload = { statementId: statement.id, versionNo: 1, itemIds: statementItemIds(statement) };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.call(firm.client, 'statement.acknowledge', payload, `req-double-tap-${i}`),
      ),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect((await h.counts()).record_responses).toBe(1);
    const events = (await readCaseEvents(h.db, firm.caseId)).filter(
      (e) => e.type === 'statement.acknowledged',
    );
    expect(events).toHaveLength(1);
  });

  it('refuses to acknowledge a draft', async () => {
    const draft = await h.ok(firm.lawyer, 'statement.createDraft', {
      caseId: firm.caseId,
      templateKey: null,
    });
    const error = await h.err(firm.client, 'statement.acknowledge', {
      statementId: draft.id,
      versionNo: 1,
      itemIds: [],
    });
    expect(error.code).toBe('STATEMENT.NOT_PUBLISHED');
  });

  it('refuses a lawyer acknowledging, and a client of another case acknowledging or reading', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const payload = { statementId: statement.id, versionNo: 1, itemIds: statementItemIds(statement) };
    expect((await h.err(firm.lawyer, 'statement.acknowledge', payload)).code).toBe('FORBIDDEN');
    const other = await setUpFirm(h, '-other');
    expect((await h.err(other.client, 'statement.acknowledge', payload)).code).toBe('NOT_FOUND');
    expect((await h.err(other.client, 'statement.get', { statementId: statement.id })).code).toBe(
      'NOT_FOUND',
    );
    expect((await h.counts()).record_responses).toBe(0);
  });
});

describe('a new version', () => {
  it('makes the statement pending again, shows what changed, and keeps the old acknowledgment', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const first = await acknowledgeAll(firm.client, statement.id);
    h.advance(HOUR);
    const v2 = await reviseOneItem(statement.id);

    const mine = await h.ok(firm.client, 'statement.mine', {});
    expect(mine.pending.map((s) => s.id)).toEqual([statement.id]);
    expect(mine.acknowledged).toEqual([]);

    const seen = await h.ok(firm.client, 'statement.get', { statementId: statement.id });
    expect(seen.myReceipt).toBeNull();
    expect(seen.changesSinceMyAck).toEqual({
      fromVersionNo: 1,
      toVersionNo: 2,
      titleChanged: false,
      introChanged: false,
      items: [
        {
          section: 'weWill',
          itemId: statementItemIds(statement)[1],
          change: 'changed',
          before: sampleStatement.sections.weWill[0].text,
          after: '我们会在 3 日内提交证据。',
        },
      ],
    });

    const stale = await h.err(firm.client, 'statement.acknowledge', {
      statementId: statement.id,
      versionNo: 1,
      itemIds: statementItemIds(statement),
    });
    expect(stale.code).toBe('STATEMENT.SUPERSEDED');
    expect(stale.message).toContain('第 2 版');

    const second = await acknowledgeAll(firm.client, statement.id);
    expect(second.versionNo).toBe(2);
    expect(second.contentHash).toBe(v2.current!.contentHash);
    const forLawyer = await h.ok(firm.lawyer, 'statement.get', { statementId: statement.id });
    expect(forLawyer.acknowledgments).toEqual([second, first]);
    expect((await h.ok(firm.client, 'statement.mine', {})).acknowledged.map((s) => s.myReceipt)).toEqual([
      second,
    ]);
  });
});

describe('questions', () => {
  it('lets the client ask about one item and the lawyer answer in writing, leaving the statement pending', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const itemId = statementItemIds(statement)[0];
    const asked = await h.ok(firm.client, 'statement.ask', {
      statementId: statement.id,
      versionNo: 1,
      itemId,
      question: '证据不足是指哪些证据？',
    });
    expect(asked).toMatchObject({
      itemId,
      itemText: sampleStatement.sections.worstCase[0].text,
      answer: null,
    });
    const answered = await h.ok(firm.lawyer, 'statement.answer', {
      questionId: asked.id,
      answer: '主要是转账记录。',
    });
    expect(answered.answer?.text).toBe('主要是转账记录。');
    expect(
      (await h.err(firm.lawyer, 'statement.answer', { questionId: asked.id, answer: '再答' })).code,
    ).toBe('STATEMENT.QUESTION_ANSWERED');
    const seen = await h.ok(firm.client, 'statement.get', { statementId: statement.id });
    expect(seen.questions).toEqual([answered]);
    expect(seen.myReceipt).toBeNull();
  });

  it('keeps the promise warnings found in an answer with it and in its event, and still sends it', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const ask = (question: string) =>
      h.ok(firm.client, 'statement.ask', {
        statementId: statement.id,
        versionNo: 1,
        itemId: statementItemIds(statement)[0],
        question,
      });
    const [risky, careful] = [await ask('能赢吗？'), await ask('要多久？')];
    const answer = (questionId: string, text: string) =>
      h.ok(firm.lawyer, 'statement.answer', { questionId, answer: text });
    expect((await answer(risky.id, '放心，我跟主审法官很熟，这个案子包赢。')).answer?.text).toContain('包赢');
    await answer(careful.id, '我们不能保证胜诉，一审一般需要六个月左右。');

    const stored = await h.db
      .selectFrom('record_answers')
      .select(['question_id', 'promise_warnings'])
      .execute();
    const warningsOf = (id: string) =>
      JSON.parse(stored.find((row) => row.question_id === id)!.promise_warnings);
    expect(warningsOf(risky.id)).toEqual([
      expect.objectContaining({ path: 'answer', phrase: '主审法官很熟', rule: 'influence' }),
      expect.objectContaining({ path: 'answer', phrase: '包赢', rule: 'outcome-promise' }),
    ]);
    expect(warningsOf(careful.id)).toEqual([]);

    const events = (await readCaseEvents(h.db, firm.caseId)).filter(
      (e) => e.type === 'statement.question.answered',
    );
    expect(events.map((e) => JSON.parse(e.payload).promiseWarnings)).toEqual([warningsOf(risky.id), []]);
  });

  it('refuses a question on an item that does not exist', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const before = await h.counts();
    const error = await h.err(firm.client, 'statement.ask', {
      statementId: statement.id,
      versionNo: 1,
      itemId: 'i-not-there',
      question: '这是什么？',
    });
    expect(error.code).toBe('STATEMENT.ITEM_NOT_FOUND');
    expect(await h.counts()).toEqual(before);
  });
});

describe('reminders', () => {
  async function setUp() {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const client = await h.ok(firm.client, 'session.me', {});
    return { statementId: statement.id, clientUserId: client.userId };
  }

  it('queues one reminder into the outbox and refuses a second within 24 hours', async () => {
    const input = await setUp();
    const queued = await h.ok(firm.lawyer, 'statement.remind', input);
    const row = await h.db
      .selectFrom('notification_outbox')
      .selectAll()
      .where('kind', '=', 'statement.reminder')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id: queued.outboxId, kind: 'statement.reminder', status: 'pending' });
    h.advance(23 * HOUR);
    const before = await h.counts();
    expect((await h.err(firm.lawyer, 'statement.remind', input)).code).toBe('STATEMENT.REMINDED_RECENTLY');
    expect(await h.counts()).toEqual(before);
    h.advance(HOUR);
    expect((await h.call(firm.lawyer, 'statement.remind', input)).ok).toBe(true);
    const lawyerView = await h.ok(firm.lawyer, 'statement.get', { statementId: input.statementId });
    expect(lawyerView.clients?.[0].lastRemindedAt).toBe(h.now().toISOString());
  });

  it('queues inside the lawyer’s own quiet hours: quiet hours are the recipient’s', async () => {
    const input = await setUp();
    // The harness clock is 09:00 in Shanghai; the lawyer's quiet hours hold it, the client's (22:00–08:00) do not.
    await h.ok(firm.lawyer, 'profile.update', {
      name: '张律师',
      firm: '示例律师事务所',
      licenseNo: '13101201810000001',
      phone: null,
      quietHours: { start: '08:30', end: '09:30' },
    });
    const queued = await h.ok(firm.lawyer, 'statement.remind', input);
    expect(queued.delivery.state).not.toBe('deferred');
  });

  it('does not remind a client who already acknowledged', async () => {
    const input = await setUp();
    await acknowledgeAll(firm.client, input.statementId);
    expect((await h.err(firm.lawyer, 'statement.remind', input)).code).toBe('STATEMENT.ALREADY_ACKNOWLEDGED');
  });
});

describe('the lawyer’s status view', () => {
  it('tells acknowledged, read-but-not-acknowledged and unread clients apart', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const invite = await h.ok(firm.lawyer, 'invite.createClient', {
      caseId: firm.caseId,
      clientName: '李先生',
    });
    h.advance(1000);
    await h.ok('wx:o-second-client', 'invite.redeem', { code: invite.code });
    const third = await h.ok(firm.lawyer, 'invite.createClient', {
      caseId: firm.caseId,
      clientName: '李小姐',
    });
    h.advance(1000);
    await h.ok('wx:o-third-client', 'invite.redeem', { code: third.code });

    await acknowledgeAll(firm.client, statement.id);
    h.advance(HOUR);
    const viewed = await h.ok('wx:o-second-client', 'statement.markViewed', {
      statementId: statement.id,
      versionNo: 1,
    });
    const status = await h.ok(firm.lawyer, 'statement.get', { statementId: statement.id });
    expect(status.clients?.map((c) => [c.displayName, c.state, c.viewedAt])).toEqual([
      ['李女士', 'acknowledged', null],
      ['李先生', 'viewed', viewed.viewedAt],
      ['李小姐', 'unread', null],
    ]);
    const [summary] = (await h.ok(firm.lawyer, 'statement.list', { caseId: firm.caseId })).statements;
    expect(summary).toMatchObject({ acknowledgedCount: 1, clientCount: 3 });
  });

  it('says when a client acknowledged while a question of theirs was still unanswered', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const [first, second] = statementItemIds(statement);
    const ask = (itemId: string) =>
      h.ok(firm.client, 'statement.ask', {
        statementId: statement.id,
        versionNo: 1,
        itemId,
        question: '何意？',
      });
    const answeredFirst = await ask(first);
    await h.ok(firm.lawyer, 'statement.answer', { questionId: answeredFirst.id, answer: '已答。' });
    h.advance(1000);
    const open = await ask(second);
    h.advance(1000);
    await acknowledgeAll(firm.client, statement.id);
    const openAtAck = async () =>
      (await h.ok(firm.lawyer, 'statement.get', { statementId: statement.id })).clients?.[0]
        .openQuestionsAtAck;
    expect(await openAtAck()).toBe(1);
    // Answering afterwards does not rewrite what the receipt was given under.
    h.advance(1000);
    await h.ok(firm.lawyer, 'statement.answer', { questionId: open.id, answer: '现在答复。' });
    expect(await openAtAck()).toBe(1);
  });
});
