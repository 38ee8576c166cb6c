/** subscriptionSet.list over the lab's sets; docs/vendor-decisions.md "Subscription sets". */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readSubscriptionSetFilter, selectSubscriptionSets, toSubscriptionSetList } from '../../../phoenix/subscription-set-objects';
import { labSubscriptionSets } from '../../catalog/subscription-sets';
import type { SimCallContext, SimOperationTable } from '../sim-operation';

function listSets(ctx: SimCallContext): VendorOutcome {
  const filter = readSubscriptionSetFilter(ctx.params);
  if (!filter.ok) return filter;
  return ok(toSubscriptionSetList(selectSubscriptionSets(labSubscriptionSets, filter.value)));
}

export const subscriptionSetOperations: SimOperationTable = {
  'subscriptionset.list': { access: 'session', run: listSets },
};
