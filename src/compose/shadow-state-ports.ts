/**
 * Shadow mode's comparison of writes by state, over the running facade and sync (docs/shadow.md
 * "Writes compared by state"): a shadowed write is watched by the sync key its capture rule gives
 * (the caller from its own KS), and compared when the sync tells it applied that key to the platform.
 */
import type { FacadeCallEnvironment } from '../gateway/facade-call-runner';
import type { ShadowedWrite } from '../http/shadow-tap';
import { toCallerSessionAt } from '../phoenix/ks-session';
import type { StateComparer } from '../shadow/state-comparer';
import { answerKeyedWrites, isStateCompared, stateReadOf } from '../shadow/state-reads';
import { captureChange } from '../sync/capture-rules';
import type { SyncChange, SyncSide } from '../sync/sync-types';

/** Watches a shadowed write when its entity can be read on both sides; false otherwise. */
export function watchShadowedWrite(comparer: StateComparer, env: FacadeCallEnvironment, write: ShadowedWrite): boolean {
  const ks = write.params.ks;
  if (!isStateCompared(write.operationId) || typeof ks !== 'string' || ks === '') return false;
  const session = toCallerSessionAt(ks, env.decodeKs(ks), Math.floor(env.clock.nowMs() / 1000));
  if (!session.ok || session.value.type !== 'user') return false;
  const { userId, householdId, udid } = session.value;
  const change = captureChange({ operationId: write.operationId, params: write.params, caller: { userId, householdId, udid }, result: write.result, side: 'vendor' });
  const read = change === undefined ? undefined : stateReadOf(change, ks);
  if (change === undefined || read === undefined) return false;
  return comparer.watch(`${change.entity} ${change.key}`, write.operationId, write.region, write.apiBaseUrl, read, answerKeyedWrites.has(write.operationId));
}

/** The sync's applied listener: a vendor write now on the platform is compared if it was watched. */
export function compareWhenApplied(comparer: StateComparer): (change: SyncChange, side: SyncSide) => void {
  return (change, side) => {
    if (side === 'platform' && change.source === 'vendor') comparer.applied(`${change.entity} ${change.key}`);
  };
}
