import { render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { RootStore, StoresProvider } from '@/stores';
import { fakeApi } from '@/stores/fake-api.test-helper';
import { taroMock } from '../../tests/mocks/taro';
import { pageAudience, refusalFor, useRoleConfirmed, useSignedIn } from './auth-guard';

const client = { userId: 'u-c', displayName: '李女士', isAdmin: false, isLawyer: false, profile: null };
const lawyer = { ...client, userId: 'u-l', displayName: '张律师', isLawyer: true };

// As the one-role pages do: nothing without a session, a placeholder until the role is known, then the form.
const FormPage = observer(function FormPage() {
  const signedIn = useSignedIn();
  const roleConfirmed = useRoleConfirmed();
  if (!signedIn) return null;
  if (!roleConfirmed) return <p>正在确认身份</p>;
  return <textarea aria-label="进展内容" />;
});

function openAs(me: typeof client | Promise<typeof client>, url: string) {
  taroMock.openPage('/pages/case/index?id=c1');
  void Taro.navigateTo({ url });
  const fake = fakeApi({ 'session.me': () => me });
  return render(
    <StoresProvider store={new RootStore({ api: fake.api })}>
      <FormPage />
    </StoresProvider>,
  );
}

describe('pages for one role', () => {
  it('knows which pages are whose', () => {
    expect(pageAudience('/lawyer/publish/index?caseId=c1')).toBe('lawyer');
    expect(pageAudience('lawyer/admin/index')).toBe('admin');
    expect(pageAudience('/comm/request-new/index')).toBe('client');
    expect(pageAudience('/pages/case/index')).toBe('anyone');
    expect(refusalFor('lawyer', client)).toBe('该页面仅律师可用');
    expect(refusalFor('lawyer', lawyer)).toBeNull();
    expect(refusalFor('admin', lawyer)).toBe('该页面仅管理员可用');
    expect(refusalFor('client', lawyer)).toBe('该页面仅客户可用');
  });

  it('sends a client away from the lawyer publish form with a plain message', async () => {
    const page = openAs(client, '/lawyer/publish/index?caseId=c1');
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该页面仅律师可用' })),
    );
    expect(taroMock.route.path).toBe('/pages/case/index');
    expect(page.queryByLabelText('进展内容')).toBeNull();
  });

  it('lets the lawyer stay on it', async () => {
    const page = openAs(lawyer, '/lawyer/publish/index?caseId=c1');
    await waitFor(() => expect(page.queryByLabelText('进展内容')).not.toBeNull());
    await new Promise((r) => setTimeout(r, 20));
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(taroMock.route.path).toBe('/lawyer/publish/index');
  });

  it('shows a lawyer-only form to nobody until the session says who is there', async () => {
    let answer: (me: typeof client) => void = () => undefined;
    const me = new Promise<typeof client>((resolve) => (answer = resolve));
    const page = openAs(me, '/lawyer/publish/index?caseId=c1');
    await waitFor(() => expect(page.queryByText('正在确认身份')).not.toBeNull());
    expect(page.queryByLabelText('进展内容')).toBeNull();
    answer(client);
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该页面仅律师可用' })),
    );
    expect(page.queryByLabelText('进展内容')).toBeNull();
  });

  it('shows pages for anyone at once', () => {
    const page = openAs(new Promise(() => undefined), '/pages/update/index?id=u1');
    expect(page.queryByLabelText('进展内容')).not.toBeNull();
  });
});
