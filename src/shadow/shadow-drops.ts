/** Why a shadow sample was not compared: a closed set, because it labels metrics and the report. */
export type DropReason = 'queue-full' | 'too-large' | 'timeout' | 'backoff' | 'write' | 'unsupported' | 'unsynced' | 'superseded';

/**
 * Every drop reason, for label sets and the report. `unsynced`: a write watched for a state
 * comparison the sync did not apply in time; `superseded`: a newer write of the same entity replaced its watch.
 */
export const dropReasons: readonly DropReason[] = ['queue-full', 'too-large', 'timeout', 'backoff', 'write', 'unsupported', 'unsynced', 'superseded'];

/** Drop counts by reason (per process). */
export type DropCounts = Record<DropReason, number>;

/** A zeroed drop count. */
export function emptyDropCounts(): DropCounts {
  return { 'queue-full': 0, 'too-large': 0, timeout: 0, backoff: 0, write: 0, unsupported: 0, unsynced: 0, superseded: 0 };
}
