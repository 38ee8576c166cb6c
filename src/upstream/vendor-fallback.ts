/**
 * Fallback to the vendor for reads whose platform path fails (docs/architecture.md §5, configurable per
 * operation). Only outages fall back — a rejection (timeout, reset, open breaker) — never a
 * vendor-shaped error outcome the translator returned: that is the answer, not a failure.
 */

export interface VendorFallbackOptions {
  /** Read operations only: a write that failed on the platform may still have happened there. */
  readonly readOnly: boolean;
  /** The operation's fallback switch (config). */
  readonly enabled: boolean;
  /** Told when the vendor answered instead (metrics, logs). */
  readonly onFallback?: (error: unknown) => void;
}

/** Runs `platform`; when it rejects and the call may fall back, answers with `vendor` instead. */
export async function withVendorFallback<T>(platform: () => Promise<T>, vendor: () => Promise<T>, options: VendorFallbackOptions): Promise<T> {
  try {
    return await platform();
  } catch (error) {
    if (!options.readOnly || !options.enabled) throw error;
    options.onFallback?.(error);
    return vendor();
  }
}
