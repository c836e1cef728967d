import { useRef } from 'react';
import { isApiFailure } from '@/api';
import { newRequestId } from '@/api/request-id';

/**
 * The requestId of one form submission. It survives a network failure, so pressing the button again
 * retries the same operation (idempotent); after an answer from the server a new attempt gets a new id.
 */
export function useRequestId() {
  const ref = useRef<string | null>(null);
  return {
    take(): string {
      if (!ref.current) ref.current = newRequestId();
      return ref.current;
    },
    settle(error?: unknown): void {
      if (!(isApiFailure(error) && error.code === 'NETWORK')) ref.current = null;
    },
  };
}
