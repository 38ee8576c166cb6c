import type { Transfer } from './media-ports';

/** How often and how patiently a transfer is retried. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly backoffMs: number;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs a transfer until it succeeds or fails for good (issue 18: retries with backoff on 5xx and
 * resets, never on 4xx). Backoff doubles per try, with jitter so parallel workers spread out.
 */
export async function retryTransfer<T>(policy: RetryPolicy, run: () => Promise<Transfer<T>>): Promise<Transfer<T>> {
  let outcome = await run();
  for (let attempt = 1; attempt < policy.attempts && !outcome.ok && outcome.failure.retryable; attempt++) {
    await pause(policy.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
    outcome = await run();
  }
  return outcome;
}
