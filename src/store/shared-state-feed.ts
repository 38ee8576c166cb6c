/**
 * The shared-state change feed (design.md §7 "Between instances of one site"): tells this instance
 * that a policy version or a revocation was written, by this or any other instance or, through
 * logical replication, the other site. PostgreSQL: a dedicated (non-pooled) LISTEN connection on the
 * channel the migration-11 triggers notify. Notifications sent while it is disconnected are lost, so
 * every (re)connect reports `'reconnected'` and callers re-read; callers also poll, which covers a
 * notification lost any other way and is all PGlite (one process, one writer) needs.
 */
import { Client } from 'pg';
import type { StoreConnection } from './open-store';

/** The channel of migration 11's triggers. */
export const SHARED_STATE_CHANNEL = 'understudy_shared_state';

/** What changed: the table a notification names, or `'reconnected'` (anything may have). */
export type SharedStateChange = 'policy_versions' | 'ks_revocations' | 'user_revocations' | 'reconnected';

/** The feed port. */
export interface SharedStateFeed {
  /** True when changes are pushed (PostgreSQL); false when only polling finds them (PGlite). */
  readonly pushes: boolean;
  /** Starts delivering changes to `onChange`; never rejects (a failed connect is retried, errors go to `onError`). */
  start(onChange: (change: SharedStateChange) => void): Promise<void>;
  close(): Promise<void>;
}

export interface FeedOptions {
  /** Wait before reconnecting a lost LISTEN connection. */
  readonly reconnectMs?: number;
  readonly onError?: (error: Error) => void;
}

const knownTables = new Set<string>(['policy_versions', 'ks_revocations', 'user_revocations']);

/** Opens the feed that fits the store's driver. */
export function createSharedStateFeed(connection: StoreConnection, options: FeedOptions = {}): SharedStateFeed {
  if (connection.driver === 'pglite') return { pushes: false, start: () => Promise.resolve(), close: () => Promise.resolve() };
  return createListenFeed(connection.url, options);
}

function createListenFeed(url: string, options: FeedOptions): SharedStateFeed {
  let client: Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let deliver: (change: SharedStateChange) => void = () => undefined;
  const reconnectLater = (): void => {
    if (closed || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect(true);
    }, options.reconnectMs ?? 1000);
  };
  const connect = async (isReconnect: boolean): Promise<void> => {
    const next = new Client({ connectionString: url });
    const drop = (error?: Error): void => {
      if (error !== undefined) options.onError?.(error);
      if (client === next) client = undefined;
      next.end().catch(() => undefined);
      reconnectLater();
    };
    next.on('error', drop);
    next.on('end', () => drop());
    next.on('notification', (message) => deliver(knownTables.has(message.payload ?? '') ? (message.payload as SharedStateChange) : 'reconnected'));
    try {
      await next.connect();
      await next.query(`LISTEN ${SHARED_STATE_CHANNEL}`);
    } catch (error) {
      // Polling covers the gap; the feed keeps trying to reconnect.
      drop(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (closed) return void next.end().catch(() => undefined);
    client = next;
    if (isReconnect) deliver('reconnected');
  };
  return {
    pushes: true,
    start: async (onChange) => {
      deliver = onChange;
      await connect(false);
    },
    close: async () => {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
