/** purchaseSettings.get from the purchase PIN that applies (docs/vendor-decisions.md "Purchase settings"). */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readPurchaseSettingsBy, toKalturaPurchaseSettings } from '../../../phoenix/purchase-settings-objects';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { resolvePin } from '../../catalog/resolve-pin';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { lookupFor } from './pin-operations';

function getPurchaseSettings(ctx: SimCallContext): VendorOutcome {
  const by = readPurchaseSettingsBy(ctx.params);
  if (!by.ok) return by;
  const found = resolvePin(lookupFor(ctx), by.value, 'purchase');
  if (found === undefined) return vendorFailure('NoPinDefined');
  return ok(toKalturaPurchaseSettings(found.level, found.pin));
}

export const purchaseSettingsOperations: SimOperationTable = {
  'purchasesettings.get': { access: 'user', run: getPurchaseSettings },
};
