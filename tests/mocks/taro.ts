// README: jest maps `@tarojs/taro` here (the real module's APIs and hooks are injected by the Taro build). In a test,
// `import { taroMock } from '<rel>/tests/mocks/taro'` to drive it: storage, toasts, routes, page hooks, request, cloud.
// It is reset before every test (tests/mocks/setup-app.ts). Keep it small: add an API only when a page uses it.
import { useEffect, useRef } from 'react';

type AnyObject = Record<string, unknown>;
type Listener = (...args: unknown[]) => void;

export interface MockRoute {
  path: string;
  params: Record<string, string>;
}

export interface RequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  timeout?: number;
}
export interface RequestResult {
  statusCode: number;
  data: unknown;
  header: Record<string, string>;
}
export interface CallFunctionOptions {
  name: string;
  data?: unknown;
}

/** WeChat rejects with `{ errMsg }`, not an Error; so does the mock when no handler is set. */
const fail = (errMsg: string) => Promise.reject({ errMsg });

function parseUrl(url: string): MockRoute {
  const [rawPath, query = ''] = url.split('?');
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  return { path: rawPath.startsWith('/') ? rawPath : `/${rawPath}`, params };
}

function createEventCenter() {
  const listeners = new Map<string, Set<Listener>>();
  return {
    on(name: string, fn: Listener) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)!.add(fn);
    },
    off(name: string, fn?: Listener) {
      if (fn) listeners.get(name)?.delete(fn);
      else listeners.delete(name);
    },
    trigger(name: string, ...args: unknown[]) {
      for (const fn of [...(listeners.get(name) ?? [])]) fn(...args);
    },
    clear() {
      listeners.clear();
    },
  };
}

const state = {
  storage: new Map<string, unknown>(),
  stack: [parseUrl('/pages/index/index')] as MockRoute[],
  showHandlers: new Set<() => void>(),
  pullDownHandlers: new Set<() => unknown>(),
  shareHandler: undefined as undefined | ((arg: AnyObject) => AnyObject | void),
  modalConfirm: true,
  requestHandler: undefined as
    undefined | ((options: RequestOptions) => RequestResult | Promise<RequestResult>),
  cloudHandler: undefined as undefined | ((options: CallFunctionOptions) => unknown),
};

const eventCenter = createEventCenter();
const currentRoute = () => state.stack[state.stack.length - 1];

const navigate = (mode: 'push' | 'replace' | 'reset') =>
  jest.fn(async ({ url }: { url: string }) => {
    const route = parseUrl(url);
    if (mode === 'push') state.stack.push(route);
    if (mode === 'replace') state.stack[state.stack.length - 1] = route;
    if (mode === 'reset') state.stack = [route];
    return { errMsg: 'ok' };
  });

/** What WeChat's developer tools report for an iPhone X. */
const systemInfo = () => ({
  brand: 'devtools',
  model: 'iPhone X',
  platform: 'devtools',
  system: 'iOS 16.0',
  version: '8.0.50',
  SDKVersion: '3.5.0',
  language: 'zh_CN',
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 724,
  statusBarHeight: 44,
});

const Taro = {
  eventCenter,

  // Storage: a real in-memory key/value store, so code that writes then reads behaves as on a phone.
  getStorageSync: jest.fn((key: string) => (state.storage.has(key) ? state.storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, data: unknown) => void state.storage.set(key, data)),
  removeStorageSync: jest.fn((key: string) => void state.storage.delete(key)),
  clearStorageSync: jest.fn(() => state.storage.clear()),
  getStorage: jest.fn(async ({ key }: { key: string }) =>
    state.storage.has(key)
      ? { data: state.storage.get(key), errMsg: 'getStorage:ok' }
      : fail('getStorage:fail data not found'),
  ),
  setStorage: jest.fn(async ({ key, data }: { key: string; data: unknown }) => {
    state.storage.set(key, data);
    return { errMsg: 'setStorage:ok' };
  }),
  removeStorage: jest.fn(async ({ key }: { key: string }) => {
    state.storage.delete(key);
    return { errMsg: 'removeStorage:ok' };
  }),

  // Feedback: recorded calls; assert with expect(Taro.showToast).toHaveBeenCalledWith(...).
  showToast: jest.fn(async (_options: { title: string; icon?: string; duration?: number }) => ({
    errMsg: 'ok',
  })),
  hideToast: jest.fn(),
  showLoading: jest.fn(async (_options?: { title?: string; mask?: boolean }) => ({ errMsg: 'ok' })),
  hideLoading: jest.fn(),
  showModal: jest.fn(async (_options: AnyObject) => ({
    confirm: state.modalConfirm,
    cancel: !state.modalConfirm,
    errMsg: 'showModal:ok',
  })),
  setClipboardData: jest.fn(async (_options: { data: string }) => ({ errMsg: 'ok' })),
  setNavigationBarTitle: jest.fn(async (_options: { title: string }) => ({ errMsg: 'ok' })),
  pageScrollTo: jest.fn(async (_options: { selector?: string; scrollTop?: number; offsetTop?: number }) => ({
    errMsg: 'ok',
  })),
  startPullDownRefresh: jest.fn(async () => ({ errMsg: 'ok' })),
  stopPullDownRefresh: jest.fn(),

  // Navigation: a page stack; useRouter() and getCurrentInstance() read its top.
  navigateTo: navigate('push'),
  redirectTo: navigate('replace'),
  switchTab: navigate('reset'),
  reLaunch: navigate('reset'),
  navigateBack: jest.fn(async ({ delta = 1 }: { delta?: number } = {}) => {
    state.stack.splice(Math.max(1, state.stack.length - delta));
    return { errMsg: 'ok' };
  }),
  getCurrentInstance: () => ({ router: currentRoute() }),
  getCurrentPages: () => state.stack.map((route) => ({ route: route.path.slice(1), options: route.params })),

  getSystemInfoSync: jest.fn(systemInfo),
  getSystemInfo: jest.fn(async () => ({ ...systemInfo(), errMsg: 'getSystemInfo:ok' })),
  getEnv: () => 'WEAPP',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },

  request: jest.fn(async (options: RequestOptions): Promise<RequestResult> => {
    if (!state.requestHandler) return fail(`request:fail no handler in taroMock for ${options.url}`);
    return state.requestHandler(options);
  }),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(async (options: CallFunctionOptions) => {
      if (!state.cloudHandler) return fail('cloud.callFunction:fail no handler in taroMock');
      return {
        result: await state.cloudHandler(options),
        errMsg: 'cloud.callFunction:ok',
        requestID: 'mock',
      };
    }),
  },
};

/** Runs on mount and again on every `taroMock.show()` (a page coming back to the foreground). */
export function useDidShow(callback: () => void) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const handler = () => latest.current();
    state.showHandlers.add(handler);
    handler();
    return () => void state.showHandlers.delete(handler);
  }, []);
}

export function useDidHide(_callback: () => void) {}

export function useLoad(callback: (params: Record<string, string>) => void) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => latest.current(currentRoute().params), []);
}

export function useReady(callback: () => void) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => latest.current(), []);
}

/** Runs when a test calls `taroMock.pullDownRefresh()`. */
export function usePullDownRefresh(callback: () => unknown) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const handler = () => latest.current();
    state.pullDownHandlers.add(handler);
    return () => void state.pullDownHandlers.delete(handler);
  }, []);
}

export function useReachBottom(_callback: () => void) {}

/** The share-card factory a test reads with `taroMock.shareAppMessage()`. */
export function useShareAppMessage(callback: (arg: AnyObject) => AnyObject | void) {
  state.shareHandler = callback;
}

export function useRouter(): MockRoute {
  return currentRoute();
}

/** Test controls. */
export const taroMock = {
  /** Opens a page as the current route (what a share card or `navigateTo` would do). */
  openPage(url: string) {
    state.stack = [parseUrl(url)];
  },
  get route(): MockRoute {
    return currentRoute();
  },
  get stack(): readonly MockRoute[] {
    return state.stack;
  },
  storage: state.storage,
  /** Fires useDidShow handlers, as when the user returns to the page. */
  show() {
    for (const handler of [...state.showHandlers]) handler();
  },
  /** Fires usePullDownRefresh handlers and waits for them. */
  async pullDownRefresh() {
    await Promise.all([...state.pullDownHandlers].map((handler) => handler()));
  },
  /** What the page would put on its share card (`from: 'button'` like a share button tap). */
  shareAppMessage(arg: AnyObject = { from: 'button' }) {
    return state.shareHandler?.(arg);
  },
  /** The answer the next `showModal` calls give. */
  answerModals(confirm: boolean) {
    state.modalConfirm = confirm;
  },
  onRequest(handler: typeof state.requestHandler) {
    state.requestHandler = handler;
  },
  onCallFunction(handler: typeof state.cloudHandler) {
    state.cloudHandler = handler;
  },
  reset() {
    state.storage.clear();
    state.stack = [parseUrl('/pages/index/index')];
    state.showHandlers.clear();
    state.pullDownHandlers.clear();
    state.shareHandler = undefined;
    state.modalConfirm = true;
    state.requestHandler = undefined;
    state.cloudHandler = undefined;
    eventCenter.clear();
    for (const value of [...Object.values(Taro), ...Object.values(Taro.cloud)]) {
      if (jest.isMockFunction(value)) value.mockClear();
    }
  },
};

export const getCurrentInstance = Taro.getCurrentInstance;
export { eventCenter };
export default Taro;
