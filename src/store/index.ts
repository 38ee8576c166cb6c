/** The store's public surface: ports, drivers, wrappers and the opener (docs/architecture.md §4 "Store"). */
export * from './ports';
export type { SqlClient, SqlDialect, SqlResult } from './sql-client';
export { openStore, openSqlClient, buildStore, type Store, type StoreConnection, type StoreOptions } from './open-store';
export { migrate, type MigrationReport } from './migrate';
export { CachedIdMap } from './cached-id-map';
export { CachedRevocationStore, type RevocationCacheOptions } from './cached-revocations';
export { SqlIdMapStore } from './id-map-store';
export { SqlRevocationStore } from './revocation-store';
export { SqlOutboxStore, type OutboxOptions } from './outbox-store';
export { SqlCursorStore } from './cursor-store';
export { SqlPolicyVersionStore, type PolicyVersionStore, type StoredPolicyVersion } from './policy-version-store';
export { createSharedStateFeed, SHARED_STATE_CHANNEL, type SharedStateChange, type SharedStateFeed, type FeedOptions } from './shared-state-feed';
export { SqlMediaStore } from './media-store';
