/**
 * At-least-once writers for the sync's Jepsen-style runs (test/integration/sync-jepsen.test.ts,
 * bench/sync-jepsen.ts). With the sims' `duplicateRate` a write can be applied and its answer lost;
 * a writer that took that for "not written" would record the wrong last value. So, as a device
 * would, a writer sends the same (idempotent) write again while its outcome is unknown.
 */

/** Sends `send` again, up to `tries` times in all, while `unknown(answer)` says the outcome is not known. */
export async function retryWhileUnknown<T>(send: () => Promise<T>, unknown: (answer: T) => boolean, tries = 20): Promise<T> {
  let answer = await send();
  for (let attempt = 1; attempt < tries && unknown(answer); attempt++) answer = await send();
  return answer;
}

/**
 * True when a vendor API `result` does not tell whether the write happened: no answer at all (reset,
 * timeout, a 503 page) or the facade's generic error `1`, which is what it answers when the vendor
 * did not answer (docs/upstream.md "Error mapping").
 */
export function isUnknownVendorResult(result: unknown): boolean {
  if (result === undefined) return true;
  const error = typeof result === 'object' && result !== null ? (result as { error?: { code?: unknown } }).error : undefined;
  return error !== undefined && String(error.code) === '1';
}
