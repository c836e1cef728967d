import type { MemoContent } from '@contract/index';
import { ApiFailure } from '@/api';
import {
  addParticipant,
  communicatedAtOf,
  defaultParticipants,
  describeMemoPath,
  emptyForm,
  formFromContent,
  formProblems,
  memoFieldErrors,
  memoInputFromForm,
  memoWarnings,
  movePoint,
  newPoint,
  removePoint,
} from './memo-model';

const content: MemoContent = {
  communicatedAt: '2026-03-06T07:30:00.000Z',
  channel: 'phone',
  participants: ['张律师', '李女士'],
  matters: [{ id: 'pt-matter-1', text: '借条原件在哪里' }],
  conclusions: [
    { id: 'pt-concl-1', text: '李女士本周五前提供借条原件' },
    { id: 'pt-concl-2', text: '先发律师函，不急于起诉' },
  ],
  followUp: null,
  resolves: [],
};

const shanghai = (iso: string) => {
  const local = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
};

describe('memo editor model', () => {
  it('starts a memo now, with the lawyer and the clients present and one empty point in each list', () => {
    const form = emptyForm({ date: '2026-03-06', time: '15:30' }, defaultParticipants('张律师', ['李女士']));
    expect(form.participants).toEqual(['张律师', '李女士']);
    expect(form.matters).toHaveLength(1);
    expect(form.conclusions).toHaveLength(1);
    expect(form.channel).toBeNull();
  });

  it('adds participants once each, trimmed, and ignores blank names', () => {
    expect(defaultParticipants('张律师', ['李女士', '张律师', ' '])).toEqual(['张律师', '李女士']);
    expect(addParticipant(['张律师'], '  王先生 ')).toEqual(['张律师', '王先生']);
    expect(addParticipant(['张律师'], '张律师')).toEqual(['张律师']);
    expect(defaultParticipants(null, [])).toEqual([]);
  });

  it('reads the pickers as Asia/Shanghai time whatever the phone is set to', () => {
    expect(communicatedAtOf('2026-03-06', '15:30')).toBe('2026-03-06T15:30:00+08:00');
    expect(Date.parse(communicatedAtOf('2026-03-06', '00:10'))).toBe(Date.parse('2026-03-05T16:10:00Z'));
  });

  it('moves, removes and renumbers points; moves past either end change nothing', () => {
    const points = [newPoint('一'), newPoint('二'), newPoint('三')];
    expect(movePoint(points, 2, -1).map((p) => p.text)).toEqual(['一', '三', '二']);
    expect(movePoint(points, 0, 1).map((p) => p.text)).toEqual(['二', '一', '三']);
    expect(movePoint(points, 0, -1)).toBe(points);
    expect(movePoint(points, 2, 1)).toBe(points);
    expect(removePoint(points, 1).map((p) => p.text)).toEqual(['一', '三']);
  });

  it('builds the memo input: blank points dropped, ids of corrected points kept, an empty 后续安排 is none', () => {
    const form = formFromContent(content, shanghai);
    expect(form.date).toBe('2026-03-06');
    expect(form.time).toBe('15:30');
    form.conclusions = [form.conclusions[1], newPoint('  '), form.conclusions[0], newPoint('补充银行流水')];
    form.conclusions[0] = { ...form.conclusions[0], text: '先发律师函' };
    expect(memoInputFromForm(form)).toEqual({
      communicatedAt: '2026-03-06T15:30:00+08:00',
      channel: 'phone',
      participants: ['张律师', '李女士'],
      matters: [{ id: 'pt-matter-1', text: '借条原件在哪里' }],
      conclusions: [
        { id: 'pt-concl-2', text: '先发律师函' },
        { id: 'pt-concl-1', text: '李女士本周五前提供借条原件' },
        { id: null, text: '补充银行流水' },
      ],
      followUp: null,
    });
  });

  it('names what is missing beside its field before asking the server', () => {
    const now = Date.parse('2026-03-06T08:00:00Z'); // 16:00 in Shanghai
    const form = emptyForm({ date: '2026-03-06', time: '16:30' }, []);
    expect(formProblems(form, now)).toEqual({
      communicatedAt: '沟通时间不能晚于现在',
      channel: '请选择沟通方式',
      participants: '请至少填写一位参与人员',
      matters: '请至少填写一条沟通事项',
      conclusions: '请至少填写一条形成结论',
    });
    expect(formProblems(formFromContent(content, shanghai), now)).toEqual({});
  });

  it('names each promise phrase by list and number', () => {
    const form = formFromContent(content, shanghai);
    form.conclusions[1].text = '这个案子包赢';
    expect(memoWarnings(form)).toEqual([expect.objectContaining({ path: 'conclusions.1', phrase: '包赢' })]);
    expect(describeMemoPath('conclusions.1')).toBe('形成结论 第 2 条');
    expect(describeMemoPath('memo.matters.0.text')).toBe('沟通事项 第 1 条');
    expect(describeMemoPath('followUp')).toBe('后续安排');
  });

  it('puts the server issues and memo codes beside their fields', () => {
    const issues = [
      { path: 'memo.conclusions.0.text', message: '此项不能为空' },
      { path: 'reason', message: '此项必填' },
    ];
    expect(memoFieldErrors(new ApiFailure('INVALID_ARGUMENT', '输入有误', issues))).toEqual({
      conclusions: '此项不能为空',
      reason: '此项必填',
    });
    expect(memoFieldErrors(new ApiFailure('MEMO.IN_FUTURE'))).toEqual({
      communicatedAt: '沟通时间不能晚于现在',
    });
    expect(memoFieldErrors(new Error('x'))).toEqual({});
  });
});
