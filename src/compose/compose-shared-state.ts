/**
 * Shared state across workers, instances and sites (design.md §7): a policy version (kill switches
 * included) or a revocation written anywhere is in force here within 1 s. The store's feed pushes
 * changes (PostgreSQL LISTEN/NOTIFY, also for rows logical replication applies); a poll every
 * `pollMs` catches a lost notification (and is the whole mechanism on PGlite). Revocations need no
 * poll: the revocation cache reuses a "not revoked" answer for at most 1 s anyway, and a
 * notification drops those answers at once.
 */
import type { FacadeLogger } from '../metrics/logger';
import type { PolicyHolder, PolicyVersion } from '../policy/policy-holder';
import { createSharedStateFeed, type CachedRevocationStore, type PolicyVersionStore, type SharedStateChange, type StoreConnection, type StoredPolicyVersion } from '../store';
import { adoptStoredVersion } from './compose-policy-store';

export interface SharedStateDeps {
  readonly connection: StoreConnection;
  readonly versions: PolicyVersionStore;
  readonly holder: PolicyHolder;
  readonly revocations: CachedRevocationStore;
  readonly logger: FacadeLogger;
  /** Policy poll period (default 500 ms: a lost notification still lands inside the 1 s budget). */
  readonly pollMs?: number;
}

/** The running follower; close it before the store. */
export interface SharedState {
  close(): Promise<void>;
}

/** True when the stored version should replace the active one: newer, or the same number written by someone else (the store's row won). */
export function isNewerStoredVersion(stored: StoredPolicyVersion, active: PolicyVersion): boolean {
  if (stored.version !== active.version) return stored.version > active.version;
  return stored.author !== active.author || Math.abs(stored.atMs - active.atMs) >= 1;
}

/** Re-reads the newest stored version, one read at a time; a request during a read runs once more after it. */
function createPolicyFollower(deps: SharedStateDeps): { refresh(): void; idle(): Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;
  const readOnce = async (): Promise<void> => {
    const stored = await deps.versions.latest();
    if (stored === undefined || !isNewerStoredVersion(stored, deps.holder.current())) return;
    const result = adoptStoredVersion(deps.holder, stored);
    if (result.ok) deps.logger.info({ event: 'policy_adopted', version: stored.version, author: stored.author }, 'policy version from the store is active');
    else deps.logger.error({ event: 'policy_adopt_failed', version: stored.version, errors: result.error }, 'stored policy version is not valid here; the active version stays');
  };
  const loop = async (): Promise<void> => {
    do {
      again = false;
      await readOnce().catch((error: unknown) => deps.logger.warn({ event: 'policy_follow_failed', error: error instanceof Error ? error.message : String(error) }, 'could not read the newest policy version'));
    } while (again);
    running = undefined;
  };
  return {
    refresh: () => {
      if (running !== undefined) again = true;
      else running = loop();
    },
    idle: () => running ?? Promise.resolve(),
  };
}

/** Starts following the store's shared state. */
export async function startSharedState(deps: SharedStateDeps): Promise<SharedState> {
  const follower = createPolicyFollower(deps);
  const feed = createSharedStateFeed(deps.connection, {
    onError: (error) => deps.logger.warn({ event: 'shared_state_feed_error', error: error.message }, 'shared-state LISTEN connection lost; polling until it is back'),
  });
  const onChange = (change: SharedStateChange): void => {
    if (change !== 'policy_versions') deps.revocations.forgetUnrevoked();
    if (change === 'policy_versions' || change === 'reconnected') follower.refresh();
  };
  await feed.start(onChange);
  const timer = setInterval(() => follower.refresh(), deps.pollMs ?? 500);
  timer.unref();
  return {
    close: async () => {
      clearInterval(timer);
      await feed.close();
      await follower.idle();
    },
  };
}
