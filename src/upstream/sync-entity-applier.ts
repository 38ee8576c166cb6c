import type { ApplyOutcome, SideApplier } from '../sync/sync-ports';
import type { SyncChange } from '../sync/sync-types';

/**
 * Wraps a side's applier so the changes `handles` picks are applied by `applyOwn` and the rest by
 * the inner applier. A batch holding any of them is applied one change at a time, in order, nothing
 * after the first failure (the batch contract); a batch without them keeps the inner batch path.
 */
export function withEntityApplier(inner: SideApplier, handles: (change: SyncChange) => boolean, applyOwn: (change: SyncChange) => Promise<ApplyOutcome>): SideApplier {
  const apply = (change: SyncChange): Promise<ApplyOutcome> => (handles(change) ? applyOwn(change) : inner.apply(change));
  const innerMany = inner.applyMany?.bind(inner);
  if (innerMany === undefined) return { apply };
  return {
    apply,
    async applyMany(changes) {
      if (!changes.some(handles)) return innerMany(changes);
      const outcomes: ApplyOutcome[] = [];
      for (const change of changes) {
        const outcome = await apply(change);
        outcomes.push(outcome);
        if (outcome.kind === 'failed') break;
      }
      return outcomes;
    },
  };
}
