export { createApi, type Api, type ApiOptions, type CallOptions } from './api-client';
export {
  ApiFailure,
  isApiFailure,
  issuesByField,
  messageFor,
  toApiFailure,
  type FailureCode,
} from './api-failure';
export type { Transport } from './transport';
