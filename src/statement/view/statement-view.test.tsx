import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Receipt, StatementDetail } from '@contract/index';
import { RootStore, StoresProvider } from '@/stores';
import { fakeApi, fail } from '@/stores/fake-api.test-helper';
import { taroMock } from '../../../tests/mocks/taro';
import StatementViewPage from './index';

const HASH = 'ab12cd34'.padEnd(64, 'e');

const detail = (overrides: Partial<StatementDetail> = {}): StatementDetail => ({
  id: 'st-0001',
  caseId: 'case-0001',
  caseTitle: '李女士诉某科技公司民间借贷纠纷',
  current: {
    versionNo: 2,
    publishedAt: '2025-03-08T06:00:00Z',
    publishedByName: '张律师',
    changeNote: '补充了证据要求',
    contentHash: HASH,
    promiseWarnings: [],
    content: {
      title: '关于本案预期与风险的告知',
      intro: '请逐条阅读。',
      sections: {
        worstCase: [{ id: 'it-worst', text: '法院可能驳回全部诉讼请求', basis: '民事诉讼法第67条' }],
        weWill: [{ id: 'it-will', text: '按时提交全部证据', basis: null }],
        weCannot: [],
        youMust: [{ id: 'it-must', text: '三日内提供借条原件', basis: null }],
      },
    },
  },
  versions: [],
  myReceipt: null,
  changesSinceMyAck: null,
  questions: [],
  ...overrides,
});

const receipt = (versionNo: number): Receipt => ({
  acknowledgmentId: 'ack-1',
  statementId: 'st-0001',
  userId: 'u-client',
  displayName: '李女士',
  versionNo,
  acknowledgedAt: '2025-03-08T07:05:09Z',
  contentHash: HASH,
  chain: { seq: 12, head: 'c0ffee'.repeat(10) + 'beef' },
});

function renderPage(handlers: Parameters<typeof fakeApi>[0]) {
  taroMock.openPage('/statement/view/index?id=st-0001');
  const fake = fakeApi({
    'statement.markViewed': () => ({ versionNo: 2, viewedAt: '2025-03-08T06:30:00Z' }),
    ...handlers,
  });
  render(
    <StoresProvider store={new RootStore({ api: fake.api })}>
      <StatementViewPage />
    </StoresProvider>,
  );
  return fake.calls;
}

const ackButton = () => document.querySelector('#ack-submit') as HTMLElement;
const check = (itemId: string) => fireEvent.click(document.querySelector(`#ack-check-${itemId}`)!);

describe('statement page (client)', () => {
  it('records the view, enables 提交知悉回执 only when every item is checked, and shows the 知悉回执', async () => {
    const calls = renderPage({
      'statement.get': () => detail(),
      'statement.acknowledge': () => receipt(2),
    });
    await screen.findByText('关于本案预期与风险的告知');
    await waitFor(() => expect(calls.some((c) => c.action === 'statement.markViewed')).toBe(true));
    expect(screen.getByText('已勾选 0/3')).toBeTruthy();
    expect(ackButton().getAttribute('aria-disabled')).toBe('true');

    check('it-worst');
    check('it-will');
    expect(screen.getByText('已勾选 2/3')).toBeTruthy();
    await act(async () => fireEvent.click(ackButton()));
    expect(calls.some((c) => c.action === 'statement.acknowledge')).toBe(false);

    check('it-must');
    expect(ackButton().getAttribute('aria-disabled')).toBeNull();
    check('it-must'); // unchecking disables again
    expect(ackButton().getAttribute('aria-disabled')).toBe('true');
    check('it-must');

    await act(async () => fireEvent.click(ackButton()));
    const receiptCard = await screen.findByText('您已逐条阅读并知悉本告知书');
    expect(receiptCard).toBeTruthy();
    expect(screen.getByText(/不表示同意律师的判断/)).toBeTruthy();
    const field = (label: string) =>
      document.querySelector(`#my-receipt [data-field="${label}"]`)?.textContent;
    expect(field('知悉时间')).toBe('2025-03-08 15:05:09（北京时间）');
    expect(field('知悉版本')).toBe('第 2 版');
    // The fingerprint is evidence, not reading: it sits under 存证信息 until tapped.
    expect(field('内容指纹')).toBeUndefined();
    fireEvent.click(document.querySelector('#my-receipt-evidence [role="button"]')!);
    expect(field('内容指纹')).toBe(HASH);
    // The receipt carries the case record's position and head at that moment: the client's copy of it.
    expect(field('记录位置')).toBe('本案第 12 条记录');
    expect(field('记录摘要')).toBe('c0ffee'.repeat(10) + 'beef');
    expect(document.querySelector('#ack-check-it-worst')).toBeNull();
    expect(calls.find((c) => c.action === 'statement.acknowledge')?.payload).toEqual({
      statementId: 'st-0001',
      versionNo: 2,
      itemIds: ['it-worst', 'it-will', 'it-must'],
    });
  });

  it('shows each item’s 依据 under it, and the fingerprint only under 存证信息', async () => {
    renderPage({ 'statement.get': () => detail() });
    await screen.findByText('关于本案预期与风险的告知');
    expect(document.querySelector('#item-it-worst [data-testid="item-basis"]')?.textContent).toBe(
      '依据：民事诉讼法第67条',
    );
    expect(document.querySelector('#item-it-will [data-testid="item-basis"]')).toBeNull();
    expect(screen.getByText('预期与风险告知书')).toBeTruthy();
    expect(document.body.textContent).not.toContain('ab12cd34');
    fireEvent.click(screen.getByText('存证信息'));
    expect(document.querySelector('#statement-evidence [data-field="内容指纹"]')?.textContent).toBe(HASH);
    expect(screen.getByText('我已阅读并知悉', { selector: '#ack-check-it-worst *' })).toBeTruthy();
  });

  it('sends one request with one requestId when 提交知悉回执 is tapped twice, and retries with the same id', async () => {
    let attempts = 0;
    const calls = renderPage({
      'statement.get': () => detail(),
      'statement.acknowledge': async () => {
        attempts += 1;
        if (attempts <= 3) throw new Error('offline'); // first tap: the client's retries all fail
        return receipt(2);
      },
    });
    await screen.findByText('关于本案预期与风险的告知');
    ['it-worst', 'it-will', 'it-must'].forEach(check);
    await act(async () => {
      fireEvent.click(ackButton());
      fireEvent.click(ackButton());
    });
    await waitFor(() => expect(ackButton().getAttribute('aria-disabled')).toBeNull());
    const firstTap = calls.filter((c) => c.action === 'statement.acknowledge');
    expect(firstTap).toHaveLength(3); // one request and its two automatic retries, not two requests
    await act(async () => fireEvent.click(ackButton()));
    await screen.findByText('您已逐条阅读并知悉本告知书');
    const ids = new Set(calls.filter((c) => c.action === 'statement.acknowledge').map((c) => c.requestId));
    expect(ids.size).toBe(1);
  });

  it('explains a superseded version and loads the newest one', async () => {
    let version = 2;
    renderPage({
      'statement.get': () => {
        const d = detail();
        return { ...d, current: { ...d.current!, versionNo: version } };
      },
      'statement.acknowledge': () => {
        throw fail('STATEMENT.SUPERSEDED');
      },
    });
    await screen.findByText('关于本案预期与风险的告知');
    ['it-worst', 'it-will', 'it-must'].forEach(check);
    version = 3;
    await act(async () => fireEvent.click(ackButton()));
    expect(await screen.findByText('该告知书已修订，请查看最新版本后再提交知悉回执')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByText('查看最新版本')));
    await waitFor(() => expect(document.querySelector('#statement-superseded')).toBeNull());
    expect(screen.getByText('第 3 版')).toBeTruthy();
    expect(screen.getByText('已勾选 0/3')).toBeTruthy();
  });

  it('highlights exactly what changed since the version the client acknowledged', async () => {
    renderPage({
      'statement.get': () =>
        detail({
          myReceipt: receipt(1),
          changesSinceMyAck: {
            fromVersionNo: 1,
            toVersionNo: 2,
            titleChanged: false,
            introChanged: false,
            items: [
              {
                section: 'weWill',
                itemId: 'it-will',
                change: 'changed',
                before: '按时提交证据',
                after: '按时提交全部证据',
              },
              {
                section: 'youMust',
                itemId: 'it-must',
                change: 'added',
                before: null,
                after: '三日内提供借条原件',
              },
              {
                section: 'weCannot',
                itemId: 'it-gone',
                change: 'removed',
                before: '不保证胜诉',
                after: null,
              },
            ],
          },
        }),
    });
    expect(await screen.findByText('本次修订')).toBeTruthy();
    expect(
      screen.getByText(/自您知悉的第 1 版以来，律师修订为第 2 版：新增 1 条，修改 1 条，删除 1 条/),
    ).toBeTruthy();
    expect(screen.getByText('修订说明：补充了证据要求')).toBeTruthy();
    const marked = (itemId: string) =>
      document.querySelector(`#item-${itemId} [data-change]`)?.getAttribute('data-change');
    expect(marked('it-will')).toBe('changed');
    expect(marked('it-must')).toBe('added');
    expect(marked('it-gone')).toBe('removed');
    expect(marked('it-worst')).toBeUndefined();
    expect(screen.getByText('按时提交证据').className).toContain('struck');
    expect(screen.getByText('不保证胜诉').className).toContain('struck');
    // The removed item is shown but is not something to acknowledge.
    expect(document.querySelector('#ack-check-it-gone')).toBeNull();
    expect(screen.getByText('已勾选 0/3')).toBeTruthy();
  });
});

describe('statement page (client): reading and ticking a long statement', () => {
  const progress = (key: string) => document.querySelector(`#section-progress-${key}`)?.textContent;

  it('ticks an item from anywhere on it, one item per tap, and counts each section and the whole', async () => {
    renderPage({ 'statement.get': () => detail() });
    await screen.findByText('关于本案预期与风险的告知');
    expect(progress('worstCase')).toBe('0/1');
    expect(progress('weCannot')).toBeUndefined(); // an empty section has no count

    // The item's own text is part of the tap target, not only the box.
    fireEvent.click(screen.getByText('法院可能驳回全部诉讼请求'));
    expect(document.querySelector('#ack-check-it-worst')?.getAttribute('aria-checked')).toBe('true');
    expect(document.querySelector('#ack-check-it-will')?.getAttribute('aria-checked')).toBe('false');
    expect(progress('worstCase')).toBe('✓ 1/1');
    expect(document.querySelector('#section-progress-worstCase')?.getAttribute('aria-label')).toBe(
      '最坏情况：已勾选 1/1',
    );
    expect(progress('weWill')).toBe('0/1');
    expect(screen.getByText('已勾选 1/3')).toBeTruthy();

    fireEvent.click(screen.getByText('依据：民事诉讼法第67条')); // the basis too
    expect(document.querySelector('#ack-check-it-worst')?.getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText('已勾选 0/3')).toBeTruthy();
    // No way to tick everything at once: every control that ticks is one item's checkbox.
    expect(screen.queryByText(/全部勾选|全选/)).toBeNull();
  });

  it('offers 下一条 to the first unticked item until every item is ticked', async () => {
    renderPage({ 'statement.get': () => detail() });
    await screen.findByText('关于本案预期与风险的告知');
    check('it-worst');
    jest.useFakeTimers();
    try {
      fireEvent.click(document.querySelector('#ack-next')!);
      jest.advanceTimersByTime(100);
    } finally {
      jest.useRealTimers();
    }
    expect(Taro.pageScrollTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ selector: '#item-it-will' }),
    );
    check('it-will');
    check('it-must');
    expect(document.querySelector('#ack-next')).toBeNull();
  });

  it('makes 提问 a button that opens the question box', async () => {
    renderPage({ 'statement.get': () => detail() });
    await screen.findByText('关于本案预期与风险的告知');
    const ask = document.querySelector('#ask-link-it-worst') as HTMLElement;
    expect(ask.getAttribute('role')).toBe('button');
    expect(ask.className).toContain('statement-item__ask');
    fireEvent.click(ask);
    expect(screen.getByText('您的问题（律师会书面回复）')).toBeTruthy();
    // Opening the question box does not tick the item.
    expect(document.querySelector('#ack-check-it-worst')?.getAttribute('aria-checked')).toBe('false');
  });

  it('brings the receipt into view and announces it after confirming', async () => {
    renderPage({
      'statement.get': () => detail(),
      'statement.acknowledge': () => receipt(2),
    });
    await screen.findByText('关于本案预期与风险的告知');
    const announcer = () => document.querySelector('#statement-announcer');
    expect(announcer()?.getAttribute('aria-live')).toBe('polite');
    expect(announcer()?.textContent).toBe('');
    ['it-worst', 'it-will', 'it-must'].forEach(check);
    await act(async () => fireEvent.click(ackButton()));
    await screen.findByText('您已逐条阅读并知悉本告知书');
    expect(announcer()?.textContent).toBe('已提交知悉回执：第 2 版，回执在页面顶部');
    await waitFor(() =>
      expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#my-receipt' })),
    );
  });

  it('does not scroll to a receipt the client already had when the page opened', async () => {
    renderPage({ 'statement.get': () => detail({ myReceipt: receipt(2) }) });
    await screen.findByText('您已逐条阅读并知悉本告知书');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(Taro.pageScrollTo).not.toHaveBeenCalled();
    expect(document.querySelector('#section-progress-worstCase')).toBeNull();
  });
});

describe('statement page (lawyer)', () => {
  it('names each client’s 知悉 with the receipt’s fingerprint, and lists the 知悉回执', async () => {
    renderPage({
      'statement.get': () =>
        detail({
          draft: null,
          clients: [
            {
              userId: 'u-client',
              displayName: '李女士',
              state: 'acknowledged',
              receipt: receipt(2),
              viewedAt: null,
              lastAcknowledgedVersionNo: 2,
              lastRemindedAt: null,
              lastReminderDelivery: null,
              openQuestionsAtAck: 1,
            },
            {
              userId: 'u-other',
              displayName: '王先生',
              state: 'viewed',
              receipt: null,
              viewedAt: '2025-03-08T06:30:00Z',
              lastAcknowledgedVersionNo: 1,
              lastRemindedAt: null,
              lastReminderDelivery: null,
              openQuestionsAtAck: 0,
            },
          ],
          acknowledgments: [receipt(2)],
        }),
    });
    expect(await screen.findByText('客户知悉情况')).toBeTruthy();
    expect(screen.getByText('1/2 已知悉第 2 版')).toBeTruthy();
    expect(screen.getByText('提交知悉回执时，其 1 个提问尚未答复')).toBeTruthy();
    const state = (userId: string) =>
      document.querySelector(`#client-status-${userId} .statement-client__state`)?.textContent;
    expect(state('u-client')).toBe('已知悉 第 2 版 · 2025-03-08 15:05 · 内容指纹 ab12cd34');
    expect(state('u-other')).toBe('已读未知悉 自 2025-03-08 14:30（曾知悉第 1 版）');
    expect(screen.getByText('知悉回执')).toBeTruthy();
    expect(document.querySelector('[data-testid="ack-receipt"]')?.textContent).toContain('内容指纹 ab12cd34');
    expect(screen.getByText('依据：民事诉讼法第67条')).toBeTruthy();
    // Lawyers have no checkboxes: they read the same items.
    expect(document.querySelector('[id^="ack-check-"]')).toBeNull();
  });

  it('says what really happened to a reminder: deferred to the end of quiet hours, never 已发送', async () => {
    const client = {
      userId: 'u-other',
      displayName: '王先生',
      state: 'viewed' as const,
      receipt: null,
      viewedAt: '2025-03-08T06:30:00Z',
      lastAcknowledgedVersionNo: null,
      lastRemindedAt: '2025-03-07T02:00:00Z',
      lastReminderDelivery: { state: 'noConsent' as const, at: null, reason: null },
      openQuestionsAtAck: 0,
    };
    const calls = renderPage({
      'statement.get': () => detail({ draft: null, clients: [client], acknowledgments: [] }),
      'statement.remind': () => ({
        outboxId: 'ob-1',
        queuedAt: '2026-11-28T15:10:00Z',
        nextAllowedAt: '2026-11-29T15:10:00Z',
        delivery: { state: 'deferred', at: '2026-11-29T00:00:00Z', reason: null },
      }),
    });
    const line = () => document.querySelector('#reminder-delivery-u-other')?.textContent;
    await waitFor(() =>
      expect(line()).toBe('上次提醒 2025-03-07 10:00 · 对方未开启微信通知，已在小程序内提示'),
    );

    await act(async () => fireEvent.click(document.querySelector('#remind-u-other')!));
    await waitFor(() => expect(calls.some((c) => c.action === 'statement.remind')).toBe(true));
    // 23:10 in Shanghai, inside 王先生's quiet hours: the message waits until 08:00.
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '免打扰时段，将于 11月29日 08:00 发送' }),
    );
    await waitFor(() =>
      expect(line()).toBe('上次提醒 2026-11-28 23:10 · 免打扰时段，将于 11月29日 08:00 发送'),
    );
    const toasts = (Taro.showToast as jest.Mock).mock.calls.map(([o]) => (o as { title: string }).title);
    expect(toasts.some((title) => title.includes('已发送'))).toBe(false);
  });

  it('names promise language in a written answer and asks before sending it: 返回修改 or 仍然发送', async () => {
    const question = {
      id: 'q-1',
      versionNo: 2,
      chain: null,
      itemId: 'it-worst',
      itemText: '法院可能驳回全部诉讼请求',
      askedBy: 'u-client',
      askedByName: '李女士',
      question: '能赢吗？',
      askedAt: '2025-03-08T06:40:00Z',
      answer: null,
    };
    const calls = renderPage({
      'statement.get': () => detail({ draft: null, clients: [], acknowledgments: [], questions: [question] }),
      'statement.answer': () => ({
        ...question,
        answer: {
          text: '放心，我跟主审法官很熟。',
          answeredByName: '张律师',
          answeredAt: '2025-03-08T07:00:00Z',
        },
      }),
    });
    await screen.findByText('李女士：能赢吗？');
    // Taro's H5 Textarea is a custom element: type into its <textarea> once it has rendered one.
    const answerInput = await waitFor(() => {
      const element = document.querySelector('#answer-input-q-1 textarea');
      if (!element) throw new Error('textarea not rendered yet');
      return element;
    });
    fireEvent.input(answerInput, { target: { value: '放心，我跟主审法官很熟。' } });
    expect(await screen.findByText('「主审法官很熟」属于暗示与办案人员有特殊关系，请修改')).toBeTruthy();

    taroMock.answerModals(false); // 返回修改
    await act(async () => fireEvent.click(screen.getByText('回复')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ cancelText: '返回修改', confirmText: '仍然发送' }),
    );
    expect(calls.some((c) => c.action === 'statement.answer')).toBe(false);

    taroMock.answerModals(true); // 仍然发送
    await act(async () => fireEvent.click(screen.getByText('回复')));
    await waitFor(() => expect(calls.some((c) => c.action === 'statement.answer')).toBe(true));
  });
});
