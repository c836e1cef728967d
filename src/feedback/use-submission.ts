import { useEffect, useRef, useState } from 'react';
import { issuesByField, type CallOptions } from '@/api';
import { revealFirstError } from './reveal-error';
import { toastFailure } from './toast';
import { useRequestId } from './use-request-id';

/** Field name → Chinese message. */
export type FieldErrors = Record<string, string>;

interface SubmitHandlers<T> {
  /** Runs after the server accepted, while the button still shows it is busy. */
  onSuccess?: (result: T) => void | Promise<void>;
  /** Replaces the failure toast, for failures the form explains in its own way. */
  onFailure?: (error: unknown) => void | Promise<void>;
}

export interface FormRules<V> {
  /**
   * The form's field values by field name. An error stays on a field until its value changes; so a field the
   * server refused is cleared as soon as the user edits it.
   */
  values?: V;
  /** The form's own checks, run again on every change once an error shows (so a fixed field clears at once). */
  validate?: (values: V) => FieldErrors;
}

interface Failure<V> {
  errors: FieldErrors;
  values: V | undefined;
  attempt: number;
}

/** The errors still worth showing: a field's error goes once its value changed, unless the check still fails. */
export function currentErrors<V>(
  failure: Pick<Failure<V>, 'errors' | 'values'>,
  values: V | undefined,
  validate: ((values: V) => FieldErrors) | undefined,
): FieldErrors {
  const entries = Object.entries(failure.errors);
  if (entries.length === 0) return failure.errors;
  const now = validate && values !== undefined ? validate(values) : {};
  const shown: FieldErrors = {};
  for (const [field, message] of entries) {
    if (!message) continue;
    if (now[field]) {
      shown[field] = now[field];
      continue;
    }
    const before = failure.values as Record<string, unknown> | undefined;
    const after = values as Record<string, unknown> | undefined;
    const changed =
      before != null && after != null && field in after && !Object.is(before[field], after[field]);
    const fixed = validate != null && field in (failure.values ? validate(failure.values) : {});
    if (!changed && !fixed) shown[field] = message;
  }
  return shown;
}

/**
 * One form's submission: `busy` while it runs, the field errors (the form's own checks and the server's
 * issues), and one requestId that a retry after a network failure reuses (see useRequestId). Errors clear as
 * their field is fixed; on a failed attempt the first invalid field scrolls into view and is announced.
 *
 * @example
 * const form = useSubmission({ values: { title }, validate: (v) => (v.title.trim() ? {} : { title: '请填写标题' }) });
 * if (!form.check()) return; await form.run((options) => api.call(…, options));
 */
export function useSubmission<V extends object = Record<string, unknown>>(rules: FormRules<V> = {}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure<V>>({ errors: {}, values: undefined, attempt: 0 });
  const requestId = useRequestId();
  const latest = useRef(rules);
  latest.current = rules;

  const errors = currentErrors(failure, rules.values, rules.validate);

  /** Shows these errors (and reveals the first); an updater function edits them quietly. */
  const setErrors = (next: FieldErrors | ((prev: FieldErrors) => FieldErrors)) =>
    setFailure((prev) =>
      typeof next === 'function'
        ? { ...prev, errors: next(prev.errors) }
        : {
            errors: next,
            values: latest.current.values,
            attempt: Object.keys(next).length > 0 ? prev.attempt + 1 : prev.attempt,
          },
    );

  // After a failed attempt has rendered its errors, bring the first one into view.
  const revealed = useRef(0);
  useEffect(() => {
    if (failure.attempt === revealed.current) return;
    revealed.current = failure.attempt;
    revealFirstError(Object.values(failure.errors)[0]);
  }, [failure]);

  /** Runs the form's own checks; false (errors shown, the first revealed) when something is missing. */
  const check = (): boolean => {
    const { values, validate } = latest.current;
    const found = validate && values !== undefined ? validate(values) : {};
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const run = async <T>(
    send: (options: Required<CallOptions>) => Promise<T>,
    { onSuccess, onFailure = toastFailure }: SubmitHandlers<T> = {},
  ): Promise<void> => {
    setBusy(true);
    setFailure((prev) => ({ ...prev, errors: {} }));
    try {
      const result = await send({ requestId: requestId.take() });
      requestId.settle();
      await onSuccess?.(result);
    } catch (e) {
      requestId.settle(e);
      const issues = issuesByField(e);
      setFailure((prev) => ({
        errors: issues,
        values: latest.current.values,
        // The failure toast already speaks; the field still needs scrolling to.
        attempt: Object.keys(issues).length > 0 ? prev.attempt + 1 : prev.attempt,
      }));
      await onFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return { busy, errors, setErrors, check, run };
}
