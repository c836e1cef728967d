import { fireEvent, render, screen } from '@testing-library/react';
import type { UpdateDetail, UpdateVersion } from '@contract/index';
import { RootStore, StoresProvider } from '@/stores';
import { fakeApi } from '@/stores/fake-api.test-helper';
import { taroMock } from '../../../tests/mocks/taro';
import UpdatePage from './index';

const version = (versionNo: number, hash: string): UpdateVersion => ({
  id: `v-${versionNo}`,
  versionNo,
  title: '已向法院提交起诉状',
  body: versionNo === 2 ? '已于 3 月 8 日提交起诉状和证据目录。' : '已于 3 月 7 日提交起诉状。',
  nextSteps: null,
  risks: null,
  stageChange: null,
  reason: versionNo === 2 ? '提交日期写错了' : null,
  contentHash: hash.padEnd(64, '0'),
  publishedAt: `2025-03-0${versionNo + 6}T06:00:00Z`,
  authorName: '张律师',
});

const detail = (lawyer: boolean): UpdateDetail => ({
  id: 'up-1',
  caseId: 'case-0001',
  caseTitle: '李女士诉某科技公司民间借贷纠纷',
  versions: [version(2, 'cafe1234'), version(1, 'beef5678')],
  corrected: true,
  myReadAt: lawyer ? null : '2025-03-08T07:00:00Z',
  ...(lawyer ? { receipts: { read: [], unreadClients: [] } } : {}),
});

function renderPage(lawyer: boolean) {
  taroMock.openPage('/pages/update/index?id=up-1');
  const fake = fakeApi({
    'update.get': () => detail(lawyer),
    'update.markRead': () => ({ versionNo: 2, readAt: '2025-03-08T07:00:00Z' }),
  });
  render(
    <StoresProvider store={new RootStore({ api: fake.api })}>
      <UpdatePage />
    </StoresProvider>,
  );
}

describe('update page', () => {
  it('keeps the fingerprint off the client’s reading path, under 存证信息', async () => {
    renderPage(false);
    await screen.findByText('已于 3 月 8 日提交起诉状和证据目录。');
    expect(document.body.textContent).not.toMatch(/cafe1234|beef5678|内容指纹/);
    expect(screen.getByText('更正原因：提交日期写错了')).toBeTruthy();

    fireEvent.click(document.querySelector('#update-evidence [role="button"]')!);
    expect(document.querySelector('#update-evidence [data-field="内容指纹"]')?.textContent).toBe(
      'cafe1234'.padEnd(64, '0'),
    );
    expect(document.querySelector('#update-evidence [data-field="版本"]')?.textContent).toBe('第 2 版');

    // An older version, opened, carries its own 存证信息.
    fireEvent.click(screen.getByText('查看此版本内容 ›'));
    const evidence = document.querySelectorAll('[data-testid="evidence"]');
    expect(evidence).toHaveLength(2);
    fireEvent.click(evidence[1].querySelector('[role="button"]')!);
    expect(evidence[1].querySelector('[data-field="内容指纹"]')?.textContent).toBe(
      'beef5678'.padEnd(64, '0'),
    );
  });

  it('shows the lawyer each version’s fingerprint in the 更正记录', async () => {
    renderPage(true);
    await screen.findByText('更正记录');
    expect(screen.getByText('张律师 · 内容指纹 cafe1234')).toBeTruthy();
    expect(screen.getByText('张律师 · 内容指纹 beef5678')).toBeTruthy();
    expect(screen.getByText('存证信息')).toBeTruthy();
  });
});
