import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { routes } from '@/navigation/routes';
import './back-bar.scss';

const isHome = (path: string | undefined) => (path ?? '').replace(/^\//, '').startsWith('pages/index/index');
const isLogin = (path: string | undefined) => (path ?? '').replace(/^\//, '').startsWith('pages/login/');

/** Back to the page the user came from, or, opened directly (a link, a reload), to the home page. */
function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: routes.home() });
}

/**
 * The H5 way back: a browser tab has no native back button on the page, and an opened link has no history.
 * The weapp keeps its native navigation bar (back-bar.weapp.tsx renders nothing). The home page needs none;
 * the login page offers one only when there is somewhere to go back to.
 */
export function BackBar() {
  const path = Taro.getCurrentInstance().router?.path;
  const canGoBack = Taro.getCurrentPages().length > 1;
  if (isHome(path) || (isLogin(path) && !canGoBack)) return null;
  return (
    <View className="ct-back-bar">
      <View
        id="back-bar"
        className="ct-back-bar__button"
        role="button"
        aria-label={canGoBack ? '返回上一页' : '回到首页'}
        hoverClass="ct-back-bar__button--hover"
        onClick={goBack}
      >
        <Text className="ct-back-bar__chevron" aria-hidden="true">
          ‹
        </Text>
        <Text>{canGoBack ? '返回' : '首页'}</Text>
      </View>
    </View>
  );
}
