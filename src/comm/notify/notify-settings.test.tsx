import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { NotifySettings } from '@contract/notifications';
import { RootStore, StoresProvider } from '@/stores';
import { fakeApi } from '@/stores/fake-api.test-helper';
import { taroMock } from '../../../tests/mocks/taro';
import NotifySettingsPage from './index';

const me = (isLawyer: boolean) => ({
  userId: 'u1',
  displayName: isLawyer ? '张律师' : '李女士',
  isAdmin: false,
  isLawyer,
  profile: null,
});

const settings = (credits: NotifySettings['credits'], quietHours = { start: '22:00', end: '08:00' }) => ({
  mode: 'demo' as const,
  templates: [
    {
      key: 'progress',
      templateId: 'T-P',
      title: '案件进展通知',
      purpose: '律师发布新进展时通知您',
      audience: 'client',
    },
    {
      key: 'todo',
      templateId: 'T-T',
      title: '待办事项提醒',
      purpose: '有需要您处理的事项时提醒您',
      audience: 'client',
    },
    {
      key: 'message',
      templateId: 'T-M',
      title: '客户留言提醒',
      purpose: '客户提问时通知您',
      audience: 'lawyer',
    },
  ],
  credits,
  quietHours,
  unseen: 2,
});

function renderPage(isLawyer: boolean, initial: ReturnType<typeof settings>) {
  taroMock.openPage('/comm/notify/index');
  const credits = { ...initial.credits };
  const fake = fakeApi({
    'session.me': () => me(isLawyer),
    'notification.settings': () => ({ ...initial, credits }),
    'notification.subscribe': ({ results }) => {
      for (const [id, r] of Object.entries(results as Record<string, string>)) {
        const t = initial.templates.find((x) => x.templateId === id)!;
        if (r === 'accept') credits[t.key as 'progress'] = (credits[t.key as 'progress'] ?? 0) + 1;
      }
      return { ...initial, credits: { ...credits } };
    },
  });
  render(
    <StoresProvider store={new RootStore({ api: fake.api })}>
      <NotifySettingsPage />
    </StoresProvider>,
  );
  return fake.calls;
}

const text = (selector: string) => document.querySelector(selector)?.textContent;

describe('通知设置', () => {
  it('shows a client each of their templates with what remains, and one tap allows one more of each', async () => {
    const calls = renderPage(false, settings({ progress: 2, todo: 0, message: 0 }));
    await screen.findByText('可接收的通知');
    expect(text('#notify-summary')).toBe('已开启微信通知：还可接收 2 条案件进展通知');
    expect(text('#notify-template-progress')).toContain('还可接收 2 条');
    expect(text('#notify-template-todo')).toContain('未开启');
    expect(document.querySelector('#notify-template-message')).toBeNull();
    expect(text('#notify-quiet-hours-text')).toBe('每天 22:00–次日08:00 为免打扰时段（北京时间）');
    expect(document.querySelector('#notify-edit-quiet-hours')).toBeNull();
    expect(document.querySelector('#notify-message-preview')).toBeTruthy();

    taroMock.answerModals(true); // the demo's stand-in for WeChat's dialog: 允许
    await act(async () => fireEvent.click(document.querySelector('#notify-settings-consent')!));
    await waitFor(() =>
      expect(text('#notify-summary')).toBe('已开启微信通知：还可接收 3 条案件进展通知、1 条待办事项提醒'),
    );
    expect(calls.find((c) => c.action === 'notification.subscribe')?.payload).toEqual({
      results: { 'T-P': 'accept', 'T-T': 'accept' },
    });
  });

  it('shows a lawyer the client-message template and their own quiet hours, editable on the profile', async () => {
    renderPage(true, settings({ progress: 0, todo: 0, message: 0 }, { start: '21:00', end: '07:30' }));
    await screen.findByText('可接收的通知');
    expect(text('#notify-summary')).toBe('未开启：开启后，客户提问或提交请求时会通过微信通知您');
    expect(document.querySelector('#notify-template-message')).toBeTruthy();
    expect(document.querySelector('#notify-template-progress')).toBeNull();
    expect(text('#notify-quiet-hours-text')).toBe('每天 21:00–次日07:30 为免打扰时段（北京时间）');
    fireEvent.click(document.querySelector('#notify-edit-quiet-hours')!);
    expect(taroMock.route.path).toBe('/lawyer/profile/index');
  });
});
