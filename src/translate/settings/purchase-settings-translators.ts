/** purchaseSettings.get → platform settings.getPin (type purchase); docs/vendor-decisions.md "Purchase settings". */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import type { PinBy } from '../../phoenix/pin-requests';
import { readPurchaseSettingsBy, toKalturaPurchaseSettings } from '../../phoenix/purchase-settings-objects';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import { expectOk, isNotFound } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';

async function getPurchaseSettings(ctx: TranslateContext): Promise<VendorOutcome> {
  const by = readPurchaseSettingsBy(ctx.params);
  if (!by.ok) return by;
  const reply = await ctx.platform.call({ method: 'GET', path: '/settings/v1/pins/purchase', query: { scope: by.value } });
  if (isNotFound(reply)) return vendorFailure('NoPinDefined');
  const pin = expectOk<{ level: PinBy; pin: string }>('settings.getPin', reply);
  return ok(toKalturaPurchaseSettings(pin.level, pin.pin));
}

export const purchaseSettingsTranslators: TranslatorTable = {
  'purchasesettings.get': { access: 'user', run: getPurchaseSettings },
};
