import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { StatementContent, StatementDetail, StatementTemplate } from '@contract/index';
import { RootStore, StoresProvider } from '@/stores';
import { fakeApi } from '@/stores/fake-api.test-helper';
import { taroMock } from '../../../tests/mocks/taro';
import {
  changesAgainst,
  describePath,
  draftFromForm,
  formFromContent,
  formWarnings,
  moveItem,
} from './editor-model';
import StatementEditPage from './index';

const content = (weWill: string): StatementContent => ({
  title: '关于本案预期与风险的告知',
  intro: null,
  sections: {
    worstCase: [{ id: 'it-worst', text: '法院可能驳回全部诉讼请求', basis: '民事诉讼法第67条' }],
    weWill: [{ id: 'it-will', text: weWill, basis: null }],
    weCannot: [{ id: 'it-cannot', text: '不承诺判决结果', basis: null }],
    youMust: [],
  },
});

const draftDetail = (weWill: string, published: boolean): StatementDetail => ({
  id: 'st-0001',
  caseId: 'case-0001',
  caseTitle: '李女士诉某科技公司民间借贷纠纷',
  current: published
    ? {
        versionNo: 1,
        publishedAt: '2025-03-08T06:00:00Z',
        publishedByName: '张律师',
        changeNote: null,
        contentHash: 'f'.repeat(64),
        promiseWarnings: [],
        content: content('按时提交证据'),
      }
    : null,
  versions: [],
  myReceipt: null,
  changesSinceMyAck: null,
  questions: [],
  draft: published
    ? null
    : { content: content(weWill), updatedAt: '2025-03-08T06:00:00Z', promiseWarnings: [] },
  clients: [],
  acknowledgments: [],
});

describe('editor model', () => {
  it('names each promise phrase with the place it was found', () => {
    const form = formFromContent(content('我们保证胜诉，这个案子包赢'));
    expect(formWarnings(form)).toEqual([
      expect.objectContaining({ path: 'sections.weWill.0', phrase: '保证胜诉', rule: 'outcome-promise' }),
      expect.objectContaining({ path: 'sections.weWill.0', phrase: '包赢', rule: 'outcome-promise' }),
    ]);
    expect(describePath('sections.weWill.0')).toBe('我们会做 第 1 条');
    expect(formWarnings(formFromContent(content('按时提交证据')))).toEqual([]);
  });

  it('moves items within a section and ignores moves past either end', () => {
    const items = formFromContent(content('a')).sections.worstCase.concat(
      formFromContent(content('b')).sections.weWill,
    );
    expect(moveItem(items, 1, -1).map((i) => i.text)).toEqual(['b', '法院可能驳回全部诉讼请求']);
    expect(moveItem(items, 1, 1)).toBe(items);
  });

  it('diffs a revision against the current version by item id, a changed 依据 included', () => {
    const current = content('按时提交证据');
    const form = formFromContent(current);
    form.sections.worstCase[0].basis = '民事诉讼法第68条';
    form.sections.weWill[0].text = '按时提交全部证据';
    form.sections.weCannot = [];
    form.sections.youMust = [{ key: 'new-x', id: null, text: '提供借条原件', basis: null }];
    expect(changesAgainst(current, form).items).toEqual([
      {
        section: 'worstCase',
        itemId: 'it-worst',
        change: 'changed',
        before: '法院可能驳回全部诉讼请求',
        after: '法院可能驳回全部诉讼请求',
        basisBefore: '民事诉讼法第67条',
        basisAfter: '民事诉讼法第68条',
      },
      {
        section: 'weWill',
        itemId: 'it-will',
        change: 'changed',
        before: '按时提交证据',
        after: '按时提交全部证据',
        basisBefore: null,
        basisAfter: null,
      },
      {
        section: 'weCannot',
        itemId: 'it-cannot',
        change: 'removed',
        before: '不承诺判决结果',
        after: null,
        basisBefore: null,
      },
      {
        section: 'youMust',
        itemId: 'new-youMust-0',
        change: 'added',
        before: null,
        after: '提供借条原件',
        basisAfter: null,
      },
    ]);
  });

  it('saves a blank 依据 as none and keeps a filled one', () => {
    const form = formFromContent(content('按时提交证据'));
    form.sections.weWill[0].basis = '  ';
    const draft = draftFromForm(form);
    expect(draft.sections.worstCase).toEqual([
      { id: 'it-worst', text: '法院可能驳回全部诉讼请求', basis: '民事诉讼法第67条' },
    ]);
    expect(draft.sections.weWill).toEqual([{ id: 'it-will', text: '按时提交证据', basis: null }]);
  });
});

describe('statement editor page', () => {
  // The editor is a lawyer's page: it shows nothing but a placeholder until the session says a lawyer is there.
  const ME = {
    userId: 'u-lawyer',
    displayName: '张律师',
    isAdmin: false,
    isLawyer: true,
    profile: { name: '张律师', firm: '某某律师事务所', licenseNo: '1', phone: null, quietHours: null },
  };
  function renderEditor(detail: StatementDetail) {
    taroMock.openPage('/lawyer/statement-edit/index?statementId=st-0001');
    const fake = fakeApi({
      'session.me': () => ME,
      'statement.get': () => detail,
      'statement.saveDraft': ({ content: saved }) => ({
        ...detail,
        draft: { content: saved as StatementContent, updatedAt: '2025-03-08T06:10:00Z', promiseWarnings: [] },
      }),
      'statement.publish': () => ({ ...detail, draft: null }),
    });
    render(
      <StoresProvider store={new RootStore({ api: fake.api })}>
        <StatementEditPage />
      </StoresProvider>,
    );
    return fake.calls;
  }

  it('warns under the item and above the publish button, and asks before publishing', async () => {
    const calls = renderEditor(draftDetail('这个案子包赢', false));
    expect(await screen.findByText('「包赢」属于承诺案件结果，请修改')).toBeTruthy();
    expect(screen.getByText('发现 1 处执业规范禁止的用语')).toBeTruthy();
    expect(screen.getByText('我们会做 第 1 条：「包赢」（承诺案件结果）')).toBeTruthy();

    taroMock.answerModals(false); // 返回修改
    await act(async () => fireEvent.click(screen.getByText('发布')));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '仍然发布' }));
    expect(calls.some((c) => c.action === 'statement.publish')).toBe(false);

    taroMock.answerModals(true); // 仍然发布
    await act(async () => fireEvent.click(screen.getByText('发布')));
    await waitFor(() => expect(calls.some((c) => c.action === 'statement.publish')).toBe(true));
    expect(taroMock.route.path).toBe('/statement/view/index');
  });

  it('publishes clean text without asking', async () => {
    const calls = renderEditor(draftDetail('按时提交证据', false));
    await screen.findByText('发布');
    expect(screen.queryByText('发现 1 处执业规范禁止的用语')).toBeNull();
    await act(async () => fireEvent.click(screen.getByText('发布')));
    await waitFor(() => expect(calls.some((c) => c.action === 'statement.publish')).toBe(true));
    expect(Taro.showModal).not.toHaveBeenCalled();
  });

  it('requires a change note for a revision and keeps the item ids when saving', async () => {
    const calls = renderEditor(draftDetail('', true));
    expect(await screen.findByText('与当前第 1 版相比')).toBeTruthy();
    expect(screen.getByText('内容与当前版本相同，无需发布新版本。')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByText('发布第 2 版')));
    expect(screen.getByText('发布第 2 版起，请说明修改了什么、为什么')).toBeTruthy();
    expect(calls.some((c) => c.action === 'statement.saveDraft')).toBe(false);

    fireEvent.click(screen.getByText('保存草稿'));
    await waitFor(() => expect(calls.some((c) => c.action === 'statement.saveDraft')).toBe(true));
    const saved = calls.find((c) => c.action === 'statement.saveDraft')?.payload as {
      content: { sections: Record<string, { id: string | null }[]> };
    };
    expect(saved.content.sections.weWill).toEqual([{ id: 'it-will', text: '按时提交证据', basis: null }]);
    expect(saved.content.sections.worstCase).toEqual([
      { id: 'it-worst', text: '法院可能驳回全部诉讼请求', basis: '民事诉讼法第67条' },
    ]);
  });

  it('shows an item’s 依据 in its field, lets the lawyer add, change and clear one, and marks the change', async () => {
    const calls = renderEditor(draftDetail('', true));
    await screen.findByText('与当前第 1 版相比');
    // Taro's H5 Input puts the id on the <input> itself (or on a wrapper, in other builds).
    const input = (id: string) => {
      const element = document.querySelector(`#${id}`);
      return (element?.tagName === 'INPUT' ? element : element?.querySelector('input')) as
        HTMLInputElement | null | undefined;
    };
    const basisInput = () => input('item-basis-worstCase-0');
    expect(basisInput()?.value).toBe('民事诉讼法第67条');
    expect(document.querySelector('#item-basis-weWill-0')).toBeNull();

    fireEvent.click(screen.getAllByText('添加依据')[0]); // the first item without one: weWill 第 1 条
    expect(input('item-basis-weWill-0')).toBeTruthy();
    fireEvent.input(input('item-basis-weWill-0')!, {
      target: { value: '律师执业行为规范' },
    });
    fireEvent.click(document.querySelector('#item-basis-clear-worstCase-0')!);
    expect(basisInput()).toBeFalsy();

    const marks = Array.from(document.querySelectorAll('#revision-changes [data-basis-change="true"]'));
    expect(marks).toHaveLength(2);
    expect(screen.getAllByText('依据已修改')).toHaveLength(2);
    expect(screen.getByText('依据：律师执业行为规范')).toBeTruthy();

    fireEvent.click(screen.getByText('保存草稿'));
    await waitFor(() => expect(calls.some((c) => c.action === 'statement.saveDraft')).toBe(true));
    const saved = calls.find((c) => c.action === 'statement.saveDraft')?.payload as {
      content: { sections: Record<string, { basis: string | null }[]> };
    };
    expect(saved.content.sections.worstCase[0].basis).toBeNull();
    expect(saved.content.sections.weWill[0].basis).toBe('律师执业行为规范');
  });

  /** The editor as a signed-in lawyer sees it (the device keeps drafts per person). */
  function renderSignedIn(detail: StatementDetail) {
    taroMock.openPage('/lawyer/statement-edit/index?statementId=st-0001');
    const fake = fakeApi({
      'session.me': () => ME,
      'statement.get': () => detail,
      'statement.publish': () => ({ ...detail, draft: null }),
      'statement.saveDraft': ({ content: saved }) => ({
        ...detail,
        draft: { content: saved as StatementContent, updatedAt: '2025-03-08T06:10:00Z', promiseWarnings: [] },
      }),
    });
    const view = render(
      <StoresProvider store={new RootStore({ api: fake.api })}>
        <StatementEditPage />
      </StoresProvider>,
    );
    return { calls: fake.calls, unmount: view.unmount };
  }
  const textarea = (id: string) =>
    (document.querySelector(`#${id}`)?.tagName === 'TEXTAREA'
      ? document.querySelector(`#${id}`)
      : document.querySelector(`#${id} textarea`)) as HTMLTextAreaElement | null;
  const typeInto = async (id: string, text: string) => {
    const element = await waitFor(() => {
      const found = textarea(id);
      if (!found) throw new Error(`no textarea #${id} yet`);
      return found;
    });
    fireEvent.input(element, { target: { value: text } });
  };

  it('names each tool for its item and brings a deleted item back with 撤销', async () => {
    renderEditor(draftDetail('按时提交证据', false));
    await screen.findByText('发布');
    const tool = (id: string) => document.querySelector(`#${id}`) as HTMLElement;
    expect(tool('item-up-weWill-0').getAttribute('role')).toBe('button');
    expect(tool('item-up-weWill-0').getAttribute('aria-label')).toBe('上移第1条');
    expect(tool('item-up-weWill-0').getAttribute('aria-disabled')).toBe('true'); // already first
    expect(tool('item-delete-weWill-0').getAttribute('aria-label')).toBe('删除第1条');
    expect(tool('item-basis-add-weWill-0').getAttribute('aria-label')).toBe('为第1条添加依据');

    fireEvent.click(tool('item-add-weWill'));
    await typeInto('item-input-weWill-1', '每次开庭后两个工作日内书面告知您');
    expect(tool('item-down-weWill-1').getAttribute('aria-label')).toBe('下移第2条');
    expect(tool('item-down-weWill-1').getAttribute('aria-disabled')).toBe('true'); // already last

    fireEvent.click(tool('item-delete-weWill-0'));
    expect(textarea('item-input-weWill-0')?.value).toBe('每次开庭后两个工作日内书面告知您');
    expect(textarea('item-input-weWill-1')).toBeNull();
    expect(document.querySelector('#item-removed-weWill')?.textContent).toContain(
      '已删除第 1 条「按时提交证据」',
    );

    fireEvent.click(tool('item-undo-weWill'));
    await waitFor(() => expect(textarea('item-input-weWill-0')?.value).toBe('按时提交证据'));
    expect(textarea('item-input-weWill-1')?.value).toBe('每次开庭后两个工作日内书面告知您');
    expect(document.querySelector('#item-removed-weWill')).toBeNull();
  });

  it('lets every item box grow with its text instead of a fixed height', async () => {
    renderEditor(draftDetail('按时提交证据', false));
    await screen.findByText('发布');
    const box = document.querySelector('#item-input-weWill-0') as HTMLElement;
    // Taro's H5 Textarea marks an autoHeight textarea with the class auto-height (and sizes it by its lines).
    await waitFor(() => expect(box.querySelector('textarea')?.classList.contains('auto-height')).toBe(true));
    expect(box.style.height).toBe('');
    // The label is the textarea's name for screen readers.
    await waitFor(() => expect(textarea('item-input-weWill-0')?.getAttribute('aria-label')).toBe('第 1 条'));
  });

  it('keeps unsaved edits on the device and offers them back on return, until published', async () => {
    const first = renderSignedIn(draftDetail('按时提交证据', false));
    await screen.findByText('发布');
    await typeInto('item-input-weWill-0', '按时提交全部证据，并在开庭前告知您庭审安排');
    const key = 'casetrail.draft.v1:u-lawyer:case-0001:statement:st-0001';
    await waitFor(() => expect(Taro.getStorageSync(key)).not.toBe(''), { timeout: 3000 });
    first.unmount(); // Back, reload or a closed page

    const second = renderSignedIn(draftDetail('按时提交证据', false));
    expect(await screen.findByText(/有一份未发送的草稿/)).toBeTruthy();
    expect(textarea('item-input-weWill-0')?.value).toBe('按时提交证据'); // not restored unasked
    fireEvent.click(document.querySelector('#draft-restore')!);
    await waitFor(() =>
      expect(textarea('item-input-weWill-0')?.value).toBe('按时提交全部证据，并在开庭前告知您庭审安排'),
    );

    await act(async () => fireEvent.click(screen.getByText('发布')));
    await waitFor(() => expect(second.calls.some((c) => c.action === 'statement.publish')).toBe(true));
    expect(Taro.getStorageSync(key)).toBe('');
  });

  function renderPicker(templates: StatementTemplate[]) {
    taroMock.openPage('/lawyer/statement-edit/index?caseId=case-0001');
    const fake = fakeApi({
      'session.me': () => ME,
      'statement.templates': () => ({ templates }),
      'case.get': () => ({ id: 'case-0001', caseType: '民事', title: '李女士诉某科技公司民间借贷纠纷' }),
      'case.timeline': () => ({ entries: [], nextCursor: null }),
      'statement.createDraft': () => draftDetail('按时提交证据', false),
    });
    render(
      <StoresProvider store={new RootStore({ api: fake.api })}>
        <StatementEditPage />
      </StoresProvider>,
    );
    return fake.calls;
  }

  const template = (
    key: string,
    family: string,
    name: string,
    caseTypes: string[],
    side: { key: string; label: string } | null,
    worst = '法院可能驳回全部诉讼请求',
  ): StatementTemplate => ({
    key,
    name,
    family,
    side,
    caseTypes,
    content: {
      ...content('按时提交证据'),
      sections: {
        ...content('按时提交证据').sections,
        worstCase: [{ id: `${key}-1`, text: worst, basis: '民法典第188条' }],
      },
    },
  });

  it('groups templates by family, those for the case type first, then 空白', async () => {
    renderPicker([
      template('labour', 'labour', '劳动争议', ['劳动'], null),
      template('lending-lender', 'lending', '民间借贷（出借人）', ['民事'], {
        key: 'lender',
        label: '出借人',
      }),
      template('lending-borrower', 'lending', '民间借贷（借款人）', ['民事'], {
        key: 'borrower',
        label: '借款人',
      }),
    ]);
    await screen.findByText('适用于本案类型');
    const names = Array.from(document.querySelectorAll('.template-card__name')).map((e) => e.textContent);
    expect(names).toEqual(['民间借贷', '劳动争议', '空白']);
    expect(screen.getByText('分2方：出借人 / 借款人')).toBeTruthy();
  });

  it('asks which side the lawyer represents, previews that side and starts the draft from it', async () => {
    const calls = renderPicker([
      template(
        'lending-lender',
        'lending',
        '民间借贷（出借人）',
        ['民事'],
        { key: 'lender', label: '出借人' },
        '借款可能无法收回',
      ),
      template(
        'lending-borrower',
        'lending',
        '民间借贷（借款人）',
        ['民事'],
        { key: 'borrower', label: '借款人' },
        '可能被判还本付息',
      ),
    ]);
    fireEvent.click(await screen.findByText('民间借贷'));
    expect(screen.getByText('您代理哪一方？')).toBeTruthy();
    const start = () => document.querySelector('#template-start') as HTMLElement;
    expect(start().getAttribute('aria-disabled')).toBe('true'); // no side is preselected
    expect(document.querySelector('#template-preview')).toBeNull();

    fireEvent.click(document.querySelector('#side-option-borrower')!);
    expect(screen.getByText('1. 可能被判还本付息')).toBeTruthy();
    expect(screen.getByText('依据：民法典第188条')).toBeTruthy();
    expect(screen.queryByText('1. 借款可能无法收回')).toBeNull();
    expect(document.querySelector('#side-option-borrower')?.getAttribute('aria-checked')).toBe('true');

    await act(async () => fireEvent.click(start()));
    expect(await screen.findByText('发布')).toBeTruthy();
    expect(calls.find((c) => c.action === 'statement.createDraft')?.payload).toEqual({
      caseId: 'case-0001',
      templateKey: 'lending-borrower',
    });
  });

  it('previews a family with one template without asking, and goes back to the list', async () => {
    renderPicker([template('labour', 'labour', '劳动争议', ['劳动'], null)]);
    fireEvent.click(await screen.findByText('劳动争议'));
    expect(screen.queryByText('您代理哪一方？')).toBeNull();
    expect(document.querySelector('#template-preview')).not.toBeNull();
    expect(
      (document.querySelector('#template-start') as HTMLElement).getAttribute('aria-disabled'),
    ).toBeNull();
    fireEvent.click(document.querySelector('#template-back')!);
    expect(document.querySelector('#template-picker')).not.toBeNull();
  });
});
