// Pins what app tests rely on: `@tarojs/components` renders Taro's real H5 components in jsdom, and
// `@tarojs/taro` is a mock that behaves like a phone (storage persists, routes carry params, page hooks fire).
import { Button, Input, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from './taro';

describe('Taro components in jsdom', () => {
  it('delivers a tap to an enabled button and swallows it on a disabled one', () => {
    const publish = jest.fn();
    const withdraw = jest.fn();
    render(
      <View>
        <Button onClick={publish}>发布</Button>
        <Button disabled onClick={withdraw}>
          撤回
        </Button>
      </View>,
    );
    fireEvent.click(screen.getByText('发布'));
    fireEvent.click(screen.getByText('撤回'));
    expect(publish).toHaveBeenCalledTimes(1);
    expect(withdraw).not.toHaveBeenCalled();
  });

  it('reports typed text as event.detail.value, for the React input and the web-component textarea', async () => {
    const onName = jest.fn();
    const onBody = jest.fn();
    const { container } = render(
      <View>
        <Input placeholder="姓名" onInput={onName} />
        <Textarea placeholder="进展内容" onInput={onBody} />
      </View>,
    );
    fireEvent.input(screen.getByPlaceholderText('姓名'), { target: { value: '李女士' } });
    const textarea = await waitFor(() => {
      const element = container.querySelector('textarea');
      if (!element) throw new Error('textarea not rendered yet');
      return element;
    });
    fireEvent.input(textarea, { target: { value: '已提交证据' } });
    expect(onName.mock.lastCall?.[0].detail.value).toBe('李女士');
    expect(onBody.mock.lastCall?.[0].detail.value).toBe('已提交证据');
  });
});

describe('Taro mock', () => {
  function CasePage() {
    const { params } = useRouter();
    useDidShow(() => Taro.setStorageSync('lastCase', params.id));
    usePullDownRefresh(() => {
      Taro.showToast({ title: '已刷新' });
    });
    return <View>{params.id}</View>;
  }

  it('opens a page with the params of the navigateTo url', async () => {
    await Taro.navigateTo({ url: '/pages/case/index?id=c_42&tab=updates' });
    expect(taroMock.route).toEqual({ path: '/pages/case/index', params: { id: 'c_42', tab: 'updates' } });
    render(<CasePage />);
    expect(screen.getByText('c_42')).toBeTruthy();
    await Taro.navigateBack();
    expect(taroMock.route.path).toBe('/pages/index/index');
  });

  it('fires page hooks on mount, on show and on pull-down', async () => {
    taroMock.openPage('pages/case/index?id=c_7');
    render(<CasePage />);
    expect(Taro.getStorageSync('lastCase')).toBe('c_7');
    Taro.removeStorageSync('lastCase');
    act(() => taroMock.show());
    expect(Taro.getStorageSync('lastCase')).toBe('c_7');
    await act(() => taroMock.pullDownRefresh());
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已刷新' });
  });

  it('starts every test with empty storage and no recorded calls', () => {
    expect(Taro.getStorageSync('lastCase')).toBe('');
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('fails request and cloud calls the test did not answer, like an offline phone', async () => {
    await expect(Taro.request({ url: 'https://api.example/api' })).rejects.toHaveProperty('errMsg');
    taroMock.onCallFunction(({ data }) => ({ ok: true, data }));
    await expect(
      Taro.cloud.callFunction({ name: 'api', data: { action: 'session.me' } }),
    ).resolves.toMatchObject({
      result: { ok: true, data: { action: 'session.me' } },
    });
  });
});
