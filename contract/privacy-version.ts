/**
 * The version of the privacy notice (用户隐私保护指引) in force. Kept apart from the notice's text so the main
 * package's consent check carries two short strings, not the whole notice. Change both when the text changes:
 * everyone is then asked to agree again, and the server refuses writes until they do.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11-29';
/** When this version took effect (Asia/Shanghai calendar date), as shown at the top of the notice. */
export const PRIVACY_NOTICE_EFFECTIVE = '2026年11月29日';
