/** One platform call as translators describe it (paths and bodies in platform vocabulary). */
export interface PlatformRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path without the query, e.g. `/catalog/v1/items/…`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly body?: unknown;
}

/** The platform's answer: HTTP status and parsed JSON body. */
export interface PlatformReply {
  readonly status: number;
  readonly body: unknown;
}

/**
 * The platform as translators see it. `call` acts as the current caller (the adapter exchanges the
 * caller identity for a platform token and caches it); `callAsClient` acts as understudy itself
 * (e.g. verifying a username and password). Network failures and timeouts reject.
 */
export interface PlatformPort {
  call(request: PlatformRequest): Promise<PlatformReply>;
  callAsClient(request: PlatformRequest): Promise<PlatformReply>;
}

/** Who the platform token is for: platform ids resolved from the KS (no user = anonymous). */
export interface PlatformSubject {
  readonly userId?: string;
  readonly householdId?: string;
  readonly deviceUdid?: string;
  /** Stable per KS: the device key when the KS names no udid (docs/lab-rules.md). */
  readonly sessionKey: string;
}
