/** A token bucket: `perSecond` tokens refill, at most `burst` held. */
export interface RateBucketConfig {
  readonly perSecond: number;
  readonly burst: number;
}

/** Operation classes rate limits distinguish (closed union). */
export type OperationClass = 'read' | 'write' | 'login';

/** Budgets of the device-facing listener (issue 9; docs/failure-modes.md). */
export interface EdgeConfig {
  /** A request's headers must be complete this long after its first byte. */
  readonly headersTimeoutMs: number;
  /** A whole request (headers and body) must arrive within this. */
  readonly requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveTimeoutMs: number;
  /** A connection that has not sent a complete request head this long after opening is closed. */
  readonly idleSocketMs: number;
  /** Device connections open at once at most; more are refused at accept. */
  readonly maxConnections: number;
  readonly rateLimits: {
    readonly enabled: boolean;
    /** Devices and households tracked at most (oldest forgotten first). */
    readonly maxKeys: number;
  } & { readonly [C in OperationClass]: { readonly perDevice: RateBucketConfig; readonly perHousehold: RateBucketConfig } };
}
