// Type-checking and test entry. Taro's build resolves `./privacy-authorization` to the `.h5.ts` or `.weapp.ts`
// sibling for the platform being built, so only weapp carries WeChat's privacy-authorization listener.
export {
  AGREE_BUTTON_ID,
  answerAuthorization,
  authorizationPending,
  listenForPrivacyAuthorization,
} from './privacy-authorization.h5';
