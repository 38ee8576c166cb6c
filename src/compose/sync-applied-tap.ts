/**
 * Tells listeners which changes the sync applied to which side (docs/shadow.md "Writes compared by
 * state": shadow mode reads a shadowed write's entity on both sides once the sync applied it). Wraps
 * the side appliers; a listener runs after the write succeeded and can neither delay nor fail it.
 */
import type { ApplyOutcome, SideApplier } from '../sync/sync-ports';
import type { SyncChange, SyncSide } from '../sync/sync-types';

/** Told after a change was applied to a side. Must return at once. */
export type AppliedListener = (change: SyncChange, side: SyncSide) => void;

export interface AppliedTap {
  /** The applier, telling the listeners about every change it applied. */
  wrap(side: SyncSide, applier: SideApplier): SideApplier;
  subscribe(this: void, listener: AppliedListener): void;
}

/** Creates the tap. */
export function createAppliedTap(): AppliedTap {
  const listeners: AppliedListener[] = [];
  const tell = (change: SyncChange, side: SyncSide, outcome: ApplyOutcome | undefined): void => {
    if (outcome?.kind !== 'applied') return;
    for (const listener of listeners) {
      try {
        listener(change, side);
      } catch {
        // A listener's failure is its own; the sync's write stands.
      }
    }
  };
  return {
    subscribe: (listener) => void listeners.push(listener),
    wrap: (side, applier) => ({
      apply: async (change) => {
        const outcome = await applier.apply(change);
        tell(change, side, outcome);
        return outcome;
      },
      ...(applier.applyMany === undefined
        ? {}
        : {
            applyMany: async (changes: readonly SyncChange[]) => {
              const outcomes = await applier.applyMany!(changes);
              outcomes.forEach((outcome, index) => tell(changes[index]!, side, outcome));
              return outcomes;
            },
          }),
    }),
  };
}
