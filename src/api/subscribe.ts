// Type-checking and test entry. Taro's build resolves `./subscribe` to the `.h5.ts` or `.weapp.ts` sibling for the
// platform being built, so only one consent dialog ends up in each bundle.
export { requestConsent } from './subscribe.h5';
export type { ConsentChoice, ConsentResults } from './subscribe.h5';
