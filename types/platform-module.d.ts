/** The `platform` library by its file path, as src/shims/lazy-platform.ts loads it (a CommonJS module). */
declare module 'platform/platform.js' {
  const platform: Record<string, unknown>;
  export default platform;
}
