/** Wiring of home-site partitioning's admin routes (docs/sync-home-site.md): present only on two sites. */
import { createAdminSyncHomeRoutes } from '../http/admin-sync-home-routes';
import type { AdminFeatureRoutes } from '../http/admin-app';
import type { SyncParts } from './compose-sync';

/** The home routes when the sync runs with `sync.homeSites`, else none. */
export function syncHomeRoutes(sync: SyncParts | undefined): AdminFeatureRoutes[] {
  const fence = sync?.queue.homeFence;
  return fence === undefined ? [] : [createAdminSyncHomeRoutes(fence)];
}
