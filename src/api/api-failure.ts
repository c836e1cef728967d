import { ERROR_MESSAGES, type ErrorCode, type FieldIssue } from '@contract/errors';

/** Failures the client raises itself, before or instead of an API answer. */
export const CLIENT_ERROR_MESSAGES = {
  NETWORK: '网络连接失败，请检查网络后重试',
} as const;

export type ClientErrorCode = keyof typeof CLIENT_ERROR_MESSAGES;
export type FailureCode = ErrorCode | ClientErrorCode;

/**
 * What `api.call` rejects with: a stable code, the Chinese message to show, and per-field issues for forms.
 * Match it with `isApiFailure(e)` and `e.code`, never by `instanceof`.
 */
export class ApiFailure extends Error {
  readonly name = 'ApiFailure';
  readonly code: FailureCode;
  readonly issues: FieldIssue[];

  constructor(code: FailureCode, message?: string, issues?: FieldIssue[]) {
    super(message ?? messageFor(code));
    this.code = code;
    this.issues = issues ?? [];
  }
}

export function messageFor(code: FailureCode): string {
  if (code in CLIENT_ERROR_MESSAGES) return CLIENT_ERROR_MESSAGES[code as ClientErrorCode];
  return ERROR_MESSAGES[code as ErrorCode] ?? ERROR_MESSAGES.INTERNAL;
}

export function isApiFailure(error: unknown): error is ApiFailure {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'ApiFailure' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/** Any thrown value as an ApiFailure (unexpected errors become INTERNAL, never a stack trace on screen). */
export function toApiFailure(error: unknown): ApiFailure {
  return isApiFailure(error) ? error : new ApiFailure('INTERNAL');
}

/** Field issues keyed by the first path segment, for showing under form fields. */
export function issuesByField(error: unknown): Record<string, string> {
  const byField: Record<string, string> = {};
  if (!isApiFailure(error)) return byField;
  for (const issue of error.issues) {
    const field = issue.path.split('.')[0] || '_';
    if (!(field in byField)) byField[field] = issue.message;
  }
  return byField;
}
