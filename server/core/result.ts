import { apiError, type ApiError, type ErrorCode, type FieldIssue } from '../../contract/errors';

/** What a handler returns: its data, or an expected failure with a stable code. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, issues?: FieldIssue[]): { ok: false; error: ApiError } {
  return { ok: false, error: apiError(code, issues) };
}
