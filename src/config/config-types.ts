import type { EdgeConfig } from './edge-types';

export type { EdgeConfig, OperationClass, RateBucketConfig } from './edge-types';

/** Where the store lives: embedded PGlite (default) or a PostgreSQL server. */
export type StoreConfig =
  | { readonly driver: 'pglite'; readonly dataDir?: string }
  | { readonly driver: 'postgres'; readonly url: string; readonly poolSize: number };

/** The whole understudy configuration, validated once at start and deep-frozen. */
export interface UnderstudyConfig {
  readonly server: {
    readonly host: string;
    readonly port: number;
    /** Admin API port; defaults to port + 1. */
    readonly adminPort: number;
    readonly bodyLimitBytes: number;
    /** Address the admin API binds; loopback unless set (it controls routing, it is not for the internet). */
    readonly adminHost: string;
    /** After SIGTERM, keep serving this long while `/readyz` answers 503 (load balancers catch up). */
    readonly drainDelayMs: number;
    /** Then, in-flight requests get at most this long before their connections are closed. */
    readonly drainGraceMs: number;
    /** Public base URL devices reach this site at (playback and playManifest URLs); absent = the listening address. */
    readonly publicBaseUrl?: string;
    /**
     * Processes serving the facade and admin ports together (node:cluster, design.md §7 "All cores"):
     * the number of cores in production, 1 in the lab. Above 1 the store must be PostgreSQL.
     */
    readonly workers: number;
  };
  /** The lab: simulated vendor and platform started in-process when their URLs are not set. */
  readonly lab: {
    readonly catalogDir?: string;
    readonly vendorSimPort: number;
    readonly platformSimPort: number;
  };
  readonly vendor: {
    /** Base URL of the real vendor (up to, not including, `/api_v3`); absent = in-process vendor-sim. */
    readonly url?: string;
    readonly partnerId: number;
    readonly partnerSecret: string;
    readonly timeoutMs: number;
  };
  readonly platform: {
    /** Base URL of the platform; absent = in-process platform-sim. */
    readonly url?: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly timeoutMs: number;
  };
  readonly store: StoreConfig;
  /** Budgets of the device-facing listener: timeouts, connection cap, rate limits. */
  readonly edge: EdgeConfig;
  /** The routing policy file (YAML or JSON), watched for changes; absent = every call to the vendor. */
  readonly policy: { readonly file?: string };
  /** The admin API's bearer token; absent = a random one is generated at start and printed once. */
  readonly admin: { readonly token?: string };
  /**
   * `lab`: time starts at the catalogue's base time when the process starts (the seed's EPG,
   * entitlements and KS lifetimes stay meaningful); `system`: the wall clock. Defaults to `system`
   * when both upstream URLs are configured, else `lab`.
   */
  readonly clock: 'lab' | 'system';
  /** Which site this instance serves in (design.md §7, two sites active-active); a label on build info. */
  readonly site: { readonly id: string };
  readonly log: { readonly level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
}
