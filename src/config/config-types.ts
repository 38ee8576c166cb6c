import type { EdgeConfig } from './edge-types';
import type { RecordConfig } from './record-config';
import type { TracingConfig } from './tracing-config';
import type { MediaConfigInput } from './media-config';

export type { EdgeConfig, OperationClass, RateBucketConfig } from './edge-types';

/** Where the store lives: embedded PGlite (default) or a PostgreSQL server. */
export type StoreConfig =
  | { readonly driver: 'pglite'; readonly dataDir?: string }
  | { readonly driver: 'postgres'; readonly url: string; readonly poolSize: number };

/** Shadow mode: the bounded queue, its deadline and caps, noise sampling, and promotion gates. */
export interface ShadowConfig {
  readonly queueEntries: number;
  readonly queueBytes: number;
  readonly concurrency: number;
  /** Candidates start together at most this often, in milliseconds (0: each at once). */
  readonly batchMs: number;
  readonly timeoutMs: number;
  readonly bodyCapBytes: number;
  /** Share of compared samples that call the vendor again to learn noise (idempotent reads). */
  readonly noisePercent: number;
  /** Share of compared samples validated against the vendor contract on both sides. */
  readonly contractPercent: number;
  readonly sampleCapBytes: number;
  /** How often parity deltas are written to the store. */
  readonly flushIntervalMs: number;
  /** Share of vendor-answered calls shadowed by migration-managed rules in shadow and canary. */
  readonly migrationShadowPercent: number;
  readonly gates: {
    readonly intervalSeconds: number;
    readonly minParityPercent: number;
    readonly minSamples: number;
    readonly maxErrorPercent: number;
    readonly maxP99DeltaMs: number;
    readonly canarySteps: readonly number[];
    readonly minDwellSeconds: number;
    readonly absolutePercent: number;
    readonly relativePercent: number;
  };
}

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
    /** A fresh PGlite cluster image an in-memory store starts from instead of running initdb (docs/store.md "Start-up image"). */
    readonly pgliteImage?: string;
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
  /** Budgets of the device-facing listener: timeouts, connection cap, rate limits. */
  readonly edge: EdgeConfig;
  /** Traffic recording (docs/recording.md); absent = defaults, no directory. */
  readonly record?: Partial<RecordConfig>;
  /** OpenTelemetry traces (docs/observability.md "Traces"); off without an endpoint. */
  readonly tracing?: Partial<TracingConfig>;
  /** The media library on object storage (docs/media.md); absent = defaults. */
  readonly media?: MediaConfigInput;
  /** The routing policy file (YAML or JSON), watched for changes; absent = every call to the vendor. */
  readonly policy: { readonly file?: string };
  /** The admin API's bearer token; absent = a random one is generated at start and printed once. */
  readonly admin: { readonly token?: string };
  /**
   * `lab`: time starts at the catalogue's base time when the process starts (the seed's EPG,
   * entitlements and KS lifetimes stay meaningful), or at a configured sim's current time;
   * `system`: the wall clock; `auto` (default when both upstream URLs are set): `lab` when a
   * configured upstream answers as a sim, else `system`. Without both URLs the default is `lab`.
   */
  readonly clock: 'lab' | 'system' | 'auto';
  /** Which site this instance serves in (docs/architecture.md §7, two sites active-active); a label on build info. */
  readonly site: { readonly id: string };
  /** Two-way sync between vendor and platform until cut-over (docs/sync.md). */
  readonly sync: SyncConfig;
  /** Shadow mode and promotion gates (docs/shadow.md). */
  readonly shadow: ShadowConfig;
  /** Operation coverage (issue 14): kept per day in the store; `vendor-retired` is refused while an operation seen in the last `retirementWindowDays` has no translator. */
  readonly coverage: { readonly retirementWindowDays: number; readonly flushIntervalMs: number };
  readonly log: {
    readonly level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
    /** One `served` line per device request at `info` (operation, target, outcome, duration); default true. */
    readonly access?: boolean;
  };
  /** `production` when NODE_ENV is `production`, else `development`. */
  readonly environment: 'production' | 'development';
  /**
   * What production does with lab leftovers (in-process sims, demo secrets, no admin token):
   * `refuse` to start (default) or start with a loud `unsafe_in_production` warning per finding.
   */
  readonly safety: { readonly labInProduction: 'refuse' | 'warn' };
}

/** The sync's knobs (docs/sync.md "Configuration"). */
export interface SyncConfig {
  /** `on` (default): capture, workers and the change-feed follower run; `off`: none of them. */
  readonly mode: 'on' | 'off';
  /** Claims apply one change at a time per household (default) or per key (entity + key). */
  readonly order: 'household' | 'key';
  readonly workers: number;
  readonly batchSize: number;
  /** A claimed row not finished within this is claimable again (a killed worker's rows). */
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly feedPollMs: number;
  /** Tries before a change is dead-lettered. */
  readonly maxAttempts: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** Rows one claim takes per household (household order), applied in order by one worker; default 32. */
  readonly claimDepth?: number;
  /** Group commit: facade capture INSERTs in flight at once, captures arriving meanwhile going together in the next. 0 (default): one INSERT per request. */
  readonly captureInFlight?: number;
  /**
   * Two sites active-active (docs/sync-home-site.md): the sites households are homed at by default
   * (a household id's hash picks one); only a household's home site applies its changes. Absent: one site, no partitioning.
   */
  readonly homeSites?: readonly string[];
  /** Pruning of done outbox rows, relay copies and applied marks (docs/sync.md "Pruning"); defaults 168 h, 1,000,000 rows per table, every 60 s. */
  readonly prune?: { readonly maxAgeHours?: number; readonly maxRows?: number; readonly everyMs?: number };
}
