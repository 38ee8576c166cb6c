/**
 * Pure mappers from platform commerce JSON to vendor objects (brief §5.5, lab rules "Commerce"):
 * money in minor units → vendor decimal amount; timestamps → epoch seconds; ids arrive resolved.
 */
import type { components } from '../../../contracts/generated/platform';
import { epochOf } from '../viewing/platform-replies';

export type PlatformEntitlement = components['schemas']['Entitlement'];
export type PlatformPrice = components['schemas']['Price'];
export type PlatformProduct = components['schemas']['Product'];
export type PlatformPurchase = components['schemas']['Purchase'];
export type Money = components['schemas']['Money'];

const currencySigns: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£', ILS: '₪' };

/** The vendor's decimal amount of platform money (minor units). */
export function toAmount(money: Money): number {
  return money.amountMinor / 100;
}

/** KalturaPrice. */
export function toVendorPrice(money: Money): object {
  return { objectType: 'KalturaPrice', amount: toAmount(money), currency: money.currency, currencySign: currencySigns[money.currency] ?? money.currency };
}

/** `purchaseStatus` of a price: purchased when the household holds a running entitlement for the product. */
export function purchaseStatusOf(productType: string, held: boolean): string {
  if (!held) return 'for_purchase';
  return productType === 'ppv' ? 'ppv_purchased' : 'subscription_purchased';
}

/** KalturaPpvPrice of one (file, PPV product) pair. */
export function toVendorPpvPrice(price: PlatformPrice, productVendorId: string, fileVendorId: number, held: boolean): object {
  return {
    objectType: 'KalturaPpvPrice',
    productId: productVendorId,
    productType: 'ppv',
    price: toVendorPrice(price.price),
    fullPrice: toVendorPrice(price.price),
    purchaseStatus: purchaseStatusOf('ppv', held),
    fileId: fileVendorId,
    isSubscriptionOnly: false,
  };
}

/** KalturaSubscriptionPrice. */
export function toVendorSubscriptionPrice(price: PlatformPrice, productVendorId: string, held: boolean): object {
  return { objectType: 'KalturaSubscriptionPrice', productId: productVendorId, productType: 'subscription', price: toVendorPrice(price.price), purchaseStatus: purchaseStatusOf('subscription', held) };
}

/** Vendor ids and names an entitlement refers to, resolved by the caller. */
export interface EntitlementRefs {
  readonly productId: string;
  readonly userId: string;
  readonly householdId: number;
  readonly deviceName: string;
  readonly mediaFileId: number;
  readonly mediaId: number;
}

function toBaseEntitlement(e: PlatformEntitlement, refs: EntitlementRefs, nowSec: number): Record<string, unknown> {
  const endDate = epochOf(e.endsAt);
  return {
    id: e.sortKey,
    productId: refs.productId,
    currentUses: 0,
    endDate,
    currentDate: nowSec,
    lastViewDate: 0,
    purchaseDate: epochOf(e.purchasedAt),
    paymentMethod: e.paymentMethod,
    deviceUdid: e.deviceUdid,
    deviceName: refs.deviceName,
    isCancelationWindowEnabled: false,
    maxUses: 0,
    userId: refs.userId,
    householdId: refs.householdId,
    isPending: false,
    type: e.productType,
  };
}

/** KalturaPpvEntitlement or KalturaSubscriptionEntitlement with the legacy fields (brief §2.7); `id` is the sortKey. */
export function toVendorEntitlement(e: PlatformEntitlement, refs: EntitlementRefs, nowSec: number): object {
  if (e.productType === 'ppv') {
    return { objectType: 'KalturaPpvEntitlement', ...toBaseEntitlement(e, refs, nowSec), mediaFileId: refs.mediaFileId, mediaId: refs.mediaId };
  }
  return {
    objectType: 'KalturaSubscriptionEntitlement',
    ...toBaseEntitlement(e, refs, nowSec),
    nextRenewalDate: epochOf(e.endsAt),
    isRenewableForPurchase: e.isRenewable,
    isRenewable: e.isRenewable,
    isInGracePeriod: false,
    paymentGatewayId: 0,
    paymentMethodId: 0,
    purchaseId: e.sortKey,
    mediaFileId: 0,
    mediaId: 0,
  };
}

/**
 * KalturaTransaction of a completed purchase. Its `id` is the vendor id of the entitlement the
 * purchase created (one per purchase, numeric like the vendor's); the gateway references carry
 * the platform purchase id (both are documented noise for new objects).
 */
export function toVendorTransaction(purchase: PlatformPurchase): object {
  return {
    objectType: 'KalturaTransaction',
    id: String(purchase.entitlement.sortKey),
    paymentGatewayReferenceId: purchase.purchaseId,
    paymentGatewayResponseId: purchase.purchaseId,
    state: 'OK',
    failReasonCode: 0,
    createdAt: epochOf(purchase.createdAt),
  };
}
