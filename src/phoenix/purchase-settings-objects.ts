/**
 * purchaseSettings.get (generated TypeScript client `PurchaseSettingsGetAction(by)`, by
 * KalturaEntityReferenceBy; `KalturaPurchaseSettings` extends `KalturaPin {origin, pin, type}` with
 * `permission` KalturaPurchaseSettingsType allow | ask | block). docs/vendor-decisions.md "Purchase settings".
 */
import type { VendorOutcome } from '../core/vendor-error';
import { readEnum } from './param-readers';
import type { PinBy } from './pin-requests';

/** `by` (required, user | household, any case). */
export function readPurchaseSettingsBy(params: Readonly<Record<string, unknown>>): VendorOutcome<PinBy> {
  return readEnum(params, 'by', ['user', 'household'] as const, { required: true });
}

/** The purchase settings a purchase PIN gives: purchases ask for that PIN. */
export function toKalturaPurchaseSettings(origin: PinBy, pin: string): Record<string, unknown> {
  return { objectType: 'KalturaPurchaseSettings', origin, pin, type: 'purchase', permission: 'ask' };
}
