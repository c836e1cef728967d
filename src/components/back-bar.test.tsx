import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { taroMock } from '../../tests/mocks/taro';
import { BackBar } from './back-bar';

describe('BackBar (H5 way back)', () => {
  it('goes back to the page the user came from', () => {
    taroMock.openPage('/pages/index/index');
    void Taro.navigateTo({ url: '/lawyer/publish/index?caseId=c1' });
    render(<BackBar />);
    fireEvent.click(screen.getByRole('button', { name: '返回上一页' }));
    expect(Taro.navigateBack).toHaveBeenCalled();
    expect(taroMock.route.path).toBe('/pages/index/index');
  });

  it('goes to the home page from a page opened directly', () => {
    taroMock.openPage('/pages/case/index?id=c1');
    render(<BackBar />);
    fireEvent.click(screen.getByRole('button', { name: '回到首页' }));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('shows nothing on the home page, nor on a login page with nowhere to go back to', () => {
    taroMock.openPage('/pages/index/index');
    const home = render(<BackBar />);
    expect(home.container.textContent).toBe('');
    home.unmount();
    taroMock.openPage('/pages/login/index');
    expect(render(<BackBar />).container.textContent).toBe('');
  });
});
