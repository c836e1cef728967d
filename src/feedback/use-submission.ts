import { useState } from 'react';
import { issuesByField, type CallOptions } from '@/api';
import { toastFailure } from './toast';
import { useRequestId } from './use-request-id';

interface SubmitHandlers<T> {
  /** Runs after the server accepted, while the button still shows it is busy. */
  onSuccess?: (result: T) => void | Promise<void>;
  /** Replaces the failure toast, for failures the form explains in its own way. */
  onFailure?: (error: unknown) => void | Promise<void>;
}

/**
 * One form's submission: `busy` while it runs, the server's field issues in `errors` after a failure, and one
 * requestId that a retry after a network failure reuses (see useRequestId).
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const requestId = useRequestId();

  const run = async <T>(
    send: (options: Required<CallOptions>) => Promise<T>,
    { onSuccess, onFailure = toastFailure }: SubmitHandlers<T> = {},
  ): Promise<void> => {
    setBusy(true);
    setErrors({});
    try {
      const result = await send({ requestId: requestId.take() });
      requestId.settle();
      await onSuccess?.(result);
    } catch (e) {
      requestId.settle(e);
      setErrors(issuesByField(e));
      await onFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return { busy, errors, setErrors, run };
}
