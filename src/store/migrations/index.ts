import { idMapMigration } from './001-id-map';
import { revocationsMigration } from './002-revocations';
import { outboxMigration } from './003-outbox';
import { syncPolicyParityMigration } from './004-sync-policy-parity';
import { syncMigration } from './006-sync';
import { shadowParityMigration } from './007-shadow-parity';
import { siteSharedStateMigration } from './011-site-shared-state';
import { coverageDaysMigration } from './014-coverage-days';
import { mediaLibraryMigration } from './012-media-library';
import { syncHomeSiteMigration } from './015-sync-home-site';
import { syncLinksMigration } from './016-sync-links';
import { syncPruneMigration } from './017-sync-prune';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration in the order it applies; append only, never renumber or edit an applied one. */
export const migrations: readonly Migration[] = [idMapMigration, revocationsMigration, outboxMigration, syncPolicyParityMigration, syncMigration, shadowParityMigration, siteSharedStateMigration, mediaLibraryMigration, coverageDaysMigration, syncHomeSiteMigration, syncLinksMigration, syncPruneMigration];
