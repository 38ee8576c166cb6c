import type { Clock } from '../core/clock';
import { SqlCursorStore } from './cursor-store';
import { SqlIdMapStore } from './id-map-store';
import { migrate } from './migrate';
import { SqlOutboxStore } from './outbox-store';
import { createPgClient } from './pg-client';
import { createPgliteClient } from './pglite-client';
import type { CursorStore, IdMapStore, OutboxStore, RevocationStore } from './ports';
import { SqlRevocationStore } from './revocation-store';
import type { SqlClient } from './sql-client';

/** Where the store lives (the config's `store` section; the caller passes it, nothing reads env). */
export type StoreConnection =
  | { readonly driver: 'pglite'; readonly dataDir?: string; readonly image?: string }
  | { readonly driver: 'postgres'; readonly url: string; readonly poolSize?: number };

export interface StoreOptions {
  readonly clock?: Clock;
  readonly outboxMaxAttempts?: number;
  readonly onPoolError?: (error: Error) => void;
  /** The site whose rows this instance writes (`site.id`, design.md §7): every session's `understudy.site`. */
  readonly site?: string;
}

/** Every port over one SqlClient. */
export interface Store {
  readonly sql: SqlClient;
  readonly idMap: IdMapStore;
  readonly revocations: RevocationStore;
  readonly outbox: OutboxStore;
  readonly cursors: CursorStore;
  close(): Promise<void>;
}

/** Opens the configured driver, brings the schema up to date and builds the ports. */
export async function openStore(connection: StoreConnection, options: StoreOptions = {}): Promise<Store> {
  const sql = await openSqlClient(connection, options);
  try {
    await migrate(sql);
  } catch (error) {
    await sql.close();
    throw error;
  }
  return buildStore(sql, options);
}

/** The driver alone, without migrating (tools and tests). */
export async function openSqlClient(connection: StoreConnection, options: StoreOptions = {}): Promise<SqlClient> {
  if (connection.driver === 'postgres') {
    return createPgClient({ url: connection.url, poolSize: connection.poolSize, onPoolError: options.onPoolError, site: options.site });
  }
  return createPgliteClient({ dataDir: connection.dataDir, site: options.site, image: connection.image });
}

/** The ports over an already migrated SqlClient. */
export function buildStore(sql: SqlClient, options: StoreOptions = {}): Store {
  return {
    sql,
    idMap: new SqlIdMapStore(sql),
    revocations: new SqlRevocationStore(sql),
    outbox: new SqlOutboxStore(sql, { maxAttempts: options.outboxMaxAttempts, clock: options.clock }),
    cursors: new SqlCursorStore(sql),
    close: () => sql.close(),
  };
}
