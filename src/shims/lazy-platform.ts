/**
 * H5 only (the `platform$` alias in config/index.ts). Taro's H5 API imports the `platform` library at its top to
 * describe the device, which put 43 KB of user-agent parsing into the first load and ran it while the first
 * screen was being built. This stand-in keeps the library in a chunk of its own: `loadPlatform()` fetches it, and
 * only then does the stand-in answer with the library's values (before that, with none: Taro reports 'unknown').
 * The app reads the device only for a write's evidence, after awaiting `loadPlatform()` (src/api/client-info.h5.ts).
 */
type Platform = Record<string | symbol, unknown>;

let loaded: Platform | undefined;
let loading: Promise<void> | undefined;

export function loadPlatform(): Promise<void> {
  loading ??= import(/* webpackChunkName: "platform" */ 'platform/platform.js').then((module: unknown) => {
    const exported = module as { default?: Platform } & Platform;
    loaded = exported.default ?? exported;
  });
  return loading;
}

const lazyPlatform: Platform = new Proxy({} as Platform, {
  get: (_target, key) => loaded?.[key],
  has: (_target, key) => loaded !== undefined && key in loaded,
});

export default lazyPlatform;
