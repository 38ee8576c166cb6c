/**
 * entitlement.cancelRenewal (generated TypeScript client `EntitlementCancelRenewalAction
 * (subscriptionId: string)`, void: "Cancel a household service subscription at the next renewal.
 * The subscription stays valid till the next renewal"). docs/vendor-decisions.md "Cancelling a renewal".
 */
import { ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { readString } from './param-readers';
import { vendorFailure } from './vendor-error-builder';

/** `subscriptionId` (required, not blank; trimmed). */
export function readCancelRenewalSubscription(params: Readonly<Record<string, unknown>>): VendorOutcome<string> {
  const id = readString(params, 'subscriptionId', { required: true });
  if (!id.ok) return id;
  const trimmed = id.value.trim();
  return trimmed === '' ? vendorFailure('MissingParameter', { parameter: 'subscriptionId' }) : ok(trimmed);
}
