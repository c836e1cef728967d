// Type-checking and test entry. Taro's build resolves `./platform-transport` to the `.h5.ts` or `.weapp.ts`
// sibling for the platform being built, so only one transport ends up in each bundle.
export { createPlatformTransport } from './platform-transport.h5';
