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
    /** What `system.getVersion` answers when the platform serves it: the vendor's own version string. */
    readonly serverVersion?: string;
  };
  readonly platform: {
    /** Base URL of the platform; absent = in-process platform-sim. */
    readonly url?: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly timeoutMs: number;
  };
  readonly store: StoreConfig;
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
  readonly log: { readonly level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
}
