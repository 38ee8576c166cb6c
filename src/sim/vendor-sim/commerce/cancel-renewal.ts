/** entitlement.cancelRenewal (docs/vendor-decisions.md "Cancelling a renewal"). */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readCancelRenewalSubscription } from '../../../phoenix/cancel-renewal';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext, SimOperationTable } from '../sim-operation';

/** The household's running entitlement to the subscription stops renewing; it stays valid until it ends. */
function cancelRenewal(ctx: SimCallContext): VendorOutcome {
  const subscriptionId = readCancelRenewalSubscription(ctx.params);
  if (!subscriptionId.ok) return subscriptionId;
  const householdId = ctx.session?.householdId ?? 0;
  const { commerce, index } = ctx.state;
  const running = commerce.entitlements.find(
    (e) => e.type === 'subscription' && e.householdVendorId === householdId && e.productVendorId === subscriptionId.value && e.endDate > ctx.nowSec,
  );
  if (running === undefined) return vendorFailure('NotEntitled');
  if (index.productByVendorId.get(running.productVendorId)?.isRenewable !== true || commerce.cancelledRenewals.has(running.vendorId)) return vendorFailure('SubscriptionNotRenewable');
  commerce.cancelledRenewals.add(running.vendorId);
  return ok(null);
}

export const cancelRenewalOperations: SimOperationTable = {
  'entitlement.cancelrenewal': { access: 'user', run: cancelRenewal },
};
