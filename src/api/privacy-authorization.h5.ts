/** H5 has no platform privacy authorization: the consent gate (privacy-gate.ts) is all there is. */
export function listenForPrivacyAuthorization(): void {}

/** Whether WeChat is waiting for the person's answer (never on H5). */
export function authorizationPending(): boolean {
  return false;
}

export function answerAuthorization(_agree: boolean): void {}

/** The id of the 同意 button WeChat checks was tapped (see privacy-authorization.weapp.ts). */
export const AGREE_BUTTON_ID = 'privacy-agree';
