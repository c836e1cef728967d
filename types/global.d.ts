/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.module.scss' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** Build target; replaced literally at build time. */
    TARO_ENV?: 'weapp' | 'h5';
    /** WeChat cloud environment id for `Taro.cloud.init` (empty: the default environment). */
    TARO_APP_CLOUD_ENV?: string;
    /** When set on weapp, the API is reached over HTTPS at this URL instead of the cloud function. */
    TARO_APP_API_URL?: string;
  }
}
