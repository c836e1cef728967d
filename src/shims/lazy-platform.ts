/**
 * H5 only (the `platform$` alias in config/index.ts): Taro's H5 API imports the `platform` library at its top to
 * describe the device, so the library parsed the user agent while the first screen was still being built (about
 * 20 ms of a phone's main thread). This stand-in loads it on the first read, which the app makes only when it
 * records a write's device (src/api/client-info.h5.ts).
 */
type Platform = Record<string | symbol, unknown>;

let loaded: Platform | undefined;

function real(): Platform {
  // A plain require: the full path is not the aliased bare name, so this is the library itself.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('platform/platform.js') as Platform;
  return loaded;
}

const lazyPlatform: Platform = new Proxy({} as Platform, {
  get: (_target, key) => real()[key],
  has: (_target, key) => key in real(),
});

export default lazyPlatform;
