import { DEMO_NOTIFY } from './notify-config';
import {
  chooseTemplate,
  classifyOutcome,
  clip,
  composeMessage,
  keywordValue,
  MAX_ATTEMPTS,
  nextAttemptAt,
  retryDelayMinutes,
  type GroupItem,
} from './sender.rules';

const templates = DEMO_NOTIFY.templates;
const item = (over: Partial<GroupItem> = {}): GroupItem => ({
  id: 'n1',
  kind: 'update.published',
  template: 'progress',
  subjectId: 'u-1',
  title: '一审开庭时间确定',
  createdAt: '2026-03-02T01:00:00.000Z',
  ...over,
});

describe('choosing a template', () => {
  it('wants todo when any item needs the client to act, and falls back to another client template with a credit', () => {
    expect(chooseTemplate(['progress', 'todo'], templates, { todo: 1, progress: 1 })).toEqual({
      template: 'todo',
    });
    expect(chooseTemplate(['progress', 'todo'], templates, { todo: 0, progress: 2 })).toEqual({
      template: 'progress',
    });
    expect(chooseTemplate(['progress'], templates, { progress: 0, todo: 1 })).toEqual({ template: 'todo' });
  });

  it('never crosses audiences: a client without client credits is skipped even with a lawyer credit', () => {
    expect(chooseTemplate(['progress'], templates, { message: 3 })).toEqual({ skip: 'no_consent' });
    expect(chooseTemplate(['message'], templates, { message: 1 })).toEqual({ template: 'message' });
    expect(chooseTemplate(['message'], templates, { progress: 1, todo: 1 })).toEqual({ skip: 'no_consent' });
  });

  it('says template_missing when no template of the audience is configured', () => {
    expect(chooseTemplate(['message'], { progress: templates.progress }, { message: 1 })).toEqual({
      skip: 'template_missing',
    });
  });
});

describe('the message', () => {
  it("one item: its label and title, its record's page without the leading slash, Shanghai time", () => {
    const m = composeMessage([item()], templates.progress!, {
      caseId: 'c-1',
      caseTitle: '李女士诉某公司民间借贷纠纷',
    });
    expect(m.page).toBe('pages/update/index?id=u-1');
    expect(m.data).toEqual({
      thing1: { value: '李女士诉某公司民间借贷纠纷' },
      thing2: { value: '新进展：一审开庭时间确定' },
      time3: { value: '2026-03-02 09:00' },
      thing4: { value: '点击查看详情' },
    });
  });

  it('several items: the count and the newest, the case page; every thing within 20 characters', () => {
    const m = composeMessage(
      [
        item(),
        item({
          id: 'n2',
          kind: 'statement.published',
          template: 'todo',
          subjectId: 's-1',
          createdAt: '2026-03-02T15:59:00.000Z',
        }),
        item({
          id: 'n3',
          kind: 'task.assigned',
          template: 'todo',
          subjectId: 't-1',
          createdAt: '2026-03-02T02:00:00.000Z',
        }),
      ],
      templates.todo!,
      { caseId: 'c 1', caseTitle: '一个非常非常非常非常非常长的案件名称超过二十个字符了' },
    );
    expect(m.page).toBe('pages/case/index?id=c%201');
    expect(m.data.thing2.value).toBe('3条新消息：告知书待知悉');
    expect(m.data.time3.value).toBe('2026-03-02 23:59');
    expect(Array.from(m.data.thing1.value)).toHaveLength(20);
    expect(m.data.thing1.value.endsWith('…')).toBe(true);
  });

  it('keywords shape their values: phrase ≤ 5, character_string ≤ 32, empty → a dash', () => {
    expect(keywordValue('phrase5', '已经发布了新的进展')).toBe('已经发布…');
    expect(keywordValue('date2', 'x', '2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
    expect(clip('   ', 20)).toBe('—');
    expect(clip('a  b\nc', 20)).toBe('a b c');
  });
});

describe('retries', () => {
  it('back off 1, 2, 4, 8 minutes over at most five tries', () => {
    expect([1, 2, 3, 4].map(retryDelayMinutes)).toEqual([1, 2, 4, 8]);
    expect(MAX_ATTEMPTS).toBe(5);
    expect(nextAttemptAt('2026-03-02T01:00:00.000Z', 3)).toBe('2026-03-02T01:04:00.000Z');
  });
});

describe("classifying WeChat's answer", () => {
  const answer = (errcode: number | null, httpStatus = 200) =>
    classifyOutcome({ kind: 'answer', httpStatus, errcode });
  it.each([
    [-1, 'system', true],
    [40001, 'token', true],
    [42001, 'token', true],
    [45009, 'quota', true],
    [40037, 'invalidTemplate', false],
    [47003, 'invalidData', false],
    [43101, 'noConsent', false],
    [40003, 'invalidUser', false],
    [99999, 'unknown', true],
  ] as const)('errcode %d → %s (retryable %s)', (errcode, failure, retryable) => {
    expect(answer(errcode)).toEqual({ ok: false, failure, retryable, detail: `http 200 errcode ${errcode}` });
  });
  it('0 is sent; HTTP 500 and 429 are retried; a timeout and a refused connection are retried', () => {
    expect(answer(0)).toEqual({ ok: true });
    expect(answer(null, 500)).toMatchObject({ failure: 'system', retryable: true });
    expect(answer(null, 429)).toMatchObject({ failure: 'quota', retryable: true });
    expect(classifyOutcome({ kind: 'timeout' })).toMatchObject({ failure: 'timeout', retryable: true });
    expect(classifyOutcome({ kind: 'network', message: 'ECONNREFUSED' })).toMatchObject({
      failure: 'network',
      retryable: true,
    });
  });
});
