/**
 * subscription.list and ppv.get (generated TypeScript client: `SubscriptionListAction(filter,
 * pager)` with `KalturaSubscriptionFilter {subscriptionIdIn, mediaFileIdEqual, externalIdIn,
 * couponGroupIdEqual, kSql}`; `PpvGetAction(id)`; objects `KalturaSubscription`, `KalturaPpv`,
 * `KalturaPriceDetails`, `KalturaUsageModule`). docs/vendor-decisions.md "Subscriptions and PPV modules".
 */
import { ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { readInt, readObject, readString, readStringList } from './param-readers';
import { vendorFailure } from './vendor-error-builder';

/** What both sims and the facade know of a product, in vendor terms. */
export interface ProductFacts {
  readonly vendorId: string;
  readonly name: string;
  /** Decimal major units. */
  readonly amount: number;
  readonly currency: string;
  readonly durationDays: number;
  readonly isRenewable: boolean;
}

/** What `subscription.list` asks for: ids in the order given, or the subscriptions of one file. */
export type SubscriptionQuery =
  | { readonly by: 'ids'; readonly ids: readonly string[] }
  | { readonly by: 'file'; readonly fileId: number }
  | { readonly by: 'none' };

const currencySigns: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£', ILS: '₪' };
const minutesPerDay = 1440;

/**
 * The filter: `subscriptionIdIn` first, else `mediaFileIdEqual`; `externalIdIn` or `kSql` alone
 * match nothing here (no product has an external id); none of them → 500056.
 */
export function readSubscriptionQuery(params: Readonly<Record<string, unknown>>): VendorOutcome<SubscriptionQuery> {
  const filter = readObject(params, 'filter');
  if (!filter.ok) return filter;
  const f = filter.value ?? {};
  const ids = readStringList(f, 'subscriptionIdIn', { label: 'filter.subscriptionIdIn' });
  if (!ids.ok) return ids;
  const fileId = readInt(f, 'mediaFileIdEqual', { label: 'filter.mediaFileIdEqual' });
  if (!fileId.ok) return fileId;
  const external = readStringList(f, 'externalIdIn', { label: 'filter.externalIdIn' });
  if (!external.ok) return external;
  const ksql = readString(f, 'kSql', { label: 'filter.kSql' });
  if (!ksql.ok) return ksql;
  if (ids.value.length > 0) return ok({ by: 'ids', ids: ids.value });
  if (fileId.value !== undefined) return ok({ by: 'file', fileId: fileId.value });
  if (external.value.length > 0 || (ksql.value ?? '') !== '') return ok({ by: 'none' });
  return vendorFailure('ArgumentsCannotBeEmpty', { arguments: 'filter.subscriptionIdIn, filter.mediaFileIdEqual, filter.externalIdIn' });
}

/** `ppv.get(id)`: a required integer id. */
export function readPpvId(params: Readonly<Record<string, unknown>>): VendorOutcome<number> {
  return readInt(params, 'id', { required: true });
}

function toPriceDetails(p: ProductFacts): Record<string, unknown> {
  const price = { objectType: 'KalturaPrice', amount: p.amount, currency: p.currency, currencySign: currencySigns[p.currency] ?? p.currency };
  return { objectType: 'KalturaPriceDetails', id: Number(p.vendorId), name: p.name, price, multiCurrencyPrice: [price], descriptions: [] };
}

/** A `KalturaSubscription` of a subscription product (access period in minutes as `viewLifeCycle`). */
export function toKalturaSubscription(p: ProductFacts): Record<string, unknown> {
  return {
    objectType: 'KalturaSubscription',
    id: p.vendorId,
    channels: [],
    channelsIds: '',
    fileTypes: [],
    fileTypesIds: '',
    isRenewable: p.isRenewable,
    renewalsNumber: 0,
    isInfiniteRenewal: p.isRenewable,
    price: toPriceDetails(p),
    name: p.name,
    multilingualName: [],
    description: '',
    multilingualDescription: [],
    mediaId: 0,
    prorityInOrder: 0,
    premiumServices: [],
    maxViewsNumber: 0,
    viewLifeCycle: p.durationDays * minutesPerDay,
    waiverPeriod: 0,
    isWaiverEnabled: false,
    userTypes: [],
    couponsGroups: [],
    subscriptionCouponGroup: [],
    productCodes: [],
    isCancellationBlocked: false,
    isActive: true,
  };
}

/** A `KalturaPpv` of a PPV product, its access period as the usage module's `fullLifeCycle` (minutes). */
export function toKalturaPpv(p: ProductFacts): Record<string, unknown> {
  const minutes = p.durationDays * minutesPerDay;
  return {
    objectType: 'KalturaPpv',
    id: p.vendorId,
    name: p.name,
    price: toPriceDetails(p),
    fileTypes: [],
    descriptions: [],
    productCode: '',
    isSubscriptionOnly: false,
    firstDeviceLimitation: false,
    usageModule: { objectType: 'KalturaUsageModule', id: Number(p.vendorId), name: p.name, maxViewsNumber: 0, viewLifeCycle: minutes, fullLifeCycle: minutes, couponId: 0, waiverPeriod: 0, isWaiverEnabled: false, isOfflinePlayback: false },
  };
}

/** `ppv.get` of an id that is not a PPV product. */
export function unknownPpv(): VendorOutcome {
  return vendorFailure('UnKnownPPVModule');
}
