import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { StatementContent, StatementDetail } from '@contract/index';
import { RootStore, StoresProvider } from '@/stores';
import { fakeApi } from '@/stores/fake-api.test-helper';
import { taroMock } from '../../../tests/mocks/taro';
import { changesAgainst, describePath, formFromContent, formWarnings, moveItem } from './editor-model';
import StatementEditPage from './index';

const content = (weWill: string): StatementContent => ({
  title: '关于本案预期与风险的告知',
  intro: null,
  sections: {
    worstCase: [{ id: 'it-worst', text: '法院可能驳回全部诉讼请求' }],
    weWill: [{ id: 'it-will', text: weWill }],
    weCannot: [{ id: 'it-cannot', text: '不承诺判决结果' }],
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
      { path: 'sections.weWill.0', phrase: '保证胜诉' },
      { path: 'sections.weWill.0', phrase: '包赢' },
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

  it('diffs a revision against the current version by item id', () => {
    const current = content('按时提交证据');
    const form = formFromContent(current);
    form.sections.weWill[0].text = '按时提交全部证据';
    form.sections.weCannot = [];
    form.sections.youMust = [{ key: 'new-x', id: null, text: '提供借条原件' }];
    expect(changesAgainst(current, form).items).toEqual([
      {
        section: 'weWill',
        itemId: 'it-will',
        change: 'changed',
        before: '按时提交证据',
        after: '按时提交全部证据',
      },
      { section: 'weCannot', itemId: 'it-cannot', change: 'removed', before: '不承诺判决结果', after: null },
      { section: 'youMust', itemId: 'new-youMust-0', change: 'added', before: null, after: '提供借条原件' },
    ]);
  });
});

describe('statement editor page', () => {
  function renderEditor(detail: StatementDetail) {
    taroMock.openPage('/lawyer/statement-edit/index?statementId=st-0001');
    const fake = fakeApi({
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
    expect(await screen.findByText('「包赢」属于结果承诺，律师不得承诺案件结果，请修改')).toBeTruthy();
    expect(screen.getByText('发现 1 处结果承诺用语')).toBeTruthy();
    expect(screen.getByText('我们会做 第 1 条：「包赢」')).toBeTruthy();

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
    expect(screen.queryByText('发现 1 处结果承诺用语')).toBeNull();
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
    expect(saved.content.sections.weWill).toEqual([{ id: 'it-will', text: '按时提交证据' }]);
  });

  it('offers the templates for the case type first, then 空白, and creates the draft from the one picked', async () => {
    taroMock.openPage('/lawyer/statement-edit/index?caseId=case-0001');
    const template = (key: string, name: string, caseTypes: string[]) => ({
      key,
      name,
      caseTypes,
      content: content('按时提交证据'),
    });
    const fake = fakeApi({
      'statement.templates': () => ({
        templates: [template('labour', '劳动争议', ['劳动']), template('lending', '民间借贷', ['民事'])],
      }),
      'case.get': () => ({ id: 'case-0001', caseType: '民事', title: '李女士诉某科技公司民间借贷纠纷' }),
      'case.timeline': () => ({ entries: [], nextCursor: null }),
      'statement.createDraft': () => draftDetail('按时提交证据', false),
    });
    render(
      <StoresProvider store={new RootStore({ api: fake.api })}>
        <StatementEditPage />
      </StoresProvider>,
    );
    await screen.findByText('适用于本案类型');
    const names = Array.from(document.querySelectorAll('.template-card__name')).map((e) => e.textContent);
    expect(names).toEqual(['民间借贷', '劳动争议', '空白']);
    await act(async () => fireEvent.click(document.querySelector('#template-lending')!));
    expect(await screen.findByText('发布')).toBeTruthy();
    expect(fake.calls.find((c) => c.action === 'statement.createDraft')?.payload).toEqual({
      caseId: 'case-0001',
      templateKey: 'lending',
    });
  });
});
