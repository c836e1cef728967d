/**
 * In the weapp every page is its own entry, loaded by WeChat: nothing to bring forward (see first-screens.h5.ts).
 */
export {};
