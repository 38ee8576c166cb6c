import type { VendorOutcome } from '../../../core/vendor-error';
import { ok } from '../../../core/result';
import { listResponse, readPager } from '../../../phoenix/pager';
import { readBool, readEnum, readObject, readString, type ParamSource } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext } from '../sim-operation';
import type { CommerceEntitlement } from './commerce-state';

const productTypes = ['ppv', 'subscription', 'collection', 'programAssetGroupOffer'] as const;
const entityReferences = ['user', 'household'] as const;

/** Base KalturaEntitlement fields (brief §5.5) plus the legacy `type` the server still emits (§2.7). */
function toBaseEntitlement(ctx: SimCallContext, e: CommerceEntitlement): Record<string, unknown> {
  return {
    id: e.vendorId,
    productId: e.productVendorId,
    currentUses: 0,
    endDate: e.endDate,
    currentDate: ctx.nowSec,
    lastViewDate: 0,
    purchaseDate: e.purchaseDate,
    paymentMethod: e.paymentMethod,
    deviceUdid: e.deviceUdid,
    deviceName: ctx.state.index.deviceByUdid.get(e.deviceUdid)?.name ?? '',
    isCancelationWindowEnabled: false,
    maxUses: 0,
    userId: e.userVendorId,
    householdId: e.householdVendorId,
    isPending: false,
    type: e.type,
  };
}

/** KalturaPpvEntitlement or KalturaSubscriptionEntitlement (with its legacy fields, brief §2.7). */
export function toVendorEntitlement(ctx: SimCallContext, e: CommerceEntitlement): object {
  if (e.type === 'ppv') {
    return { objectType: 'KalturaPpvEntitlement', ...toBaseEntitlement(ctx, e), mediaFileId: e.mediaFileVendorId ?? 0, mediaId: e.mediaVendorId ?? 0 };
  }
  const product = ctx.state.index.productByVendorId.get(e.productVendorId);
  const renews = (product?.isRenewable ?? false) && !ctx.state.commerce.cancelledRenewals.has(e.vendorId);
  return {
    objectType: 'KalturaSubscriptionEntitlement',
    ...toBaseEntitlement(ctx, e),
    nextRenewalDate: e.endDate,
    isRenewableForPurchase: renews,
    isRenewable: renews,
    isInGracePeriod: false,
    paymentGatewayId: 0,
    paymentMethodId: 0,
    purchaseId: e.vendorId,
    mediaFileId: 0,
    mediaId: 0,
  };
}

/** `productTypeEqual`, or the pre-2018 name `entitlementTypeEqual`; neither → 50027 (lab rule). */
function readProductType(filter: ParamSource): VendorOutcome<(typeof productTypes)[number]> {
  const current = readEnum(filter, 'productTypeEqual', productTypes, { label: 'filter.productTypeEqual' });
  if (!current.ok) return current;
  if (current.value !== undefined) return ok(current.value);
  const legacy = readEnum(filter, 'entitlementTypeEqual', productTypes, { label: 'filter.entitlementTypeEqual' });
  if (!legacy.ok) return legacy;
  if (legacy.value !== undefined) return ok(legacy.value);
  return vendorFailure('ArgumentCannotBeEmpty', { argument: 'filter.productTypeEqual' });
}

/**
 * `entitlement.list(filter, pager)` (brief §5.5, docs/lab-rules.md "Commerce"): entityReference
 * user = the caller's own, household = the household's (default household [U, chosen]);
 * isExpiredEqual default false; default order PURCHASE_DATE_DESC, ties by id.
 */
export function listEntitlements(ctx: SimCallContext): VendorOutcome {
  const session = ctx.session;
  if (session === null) return vendorFailure('ServiceForbidden');
  const filter = readObject(ctx.params, 'filter');
  if (!filter.ok) return filter;
  const source = filter.value ?? {};
  const type = readProductType(source);
  if (!type.ok) return type;
  const reference = readEnum(source, 'entityReferenceEqual', entityReferences, { label: 'filter.entityReferenceEqual' });
  if (!reference.ok) return reference;
  const expired = readBool(source, 'isExpiredEqual', { label: 'filter.isExpiredEqual' });
  if (!expired.ok) return expired;
  const orderBy = readString(source, 'orderBy', { label: 'filter.orderBy' });
  if (!orderBy.ok) return orderBy;
  const pager = readPager(ctx.params);
  if (!pager.ok) return pager;
  const onlyUser = reference.value === 'user';
  const wantExpired = expired.value ?? false;
  const found = ctx.state.commerce.entitlements.filter(
    (e) =>
      e.type === type.value &&
      e.householdVendorId === session.householdId &&
      (!onlyUser || e.userVendorId === session.userId) &&
      e.endDate <= ctx.nowSec === wantExpired,
  );
  const ascending = orderBy.value?.toUpperCase() === 'PURCHASE_DATE_ASC';
  found.sort((a, b) => (ascending ? a.purchaseDate - b.purchaseDate : b.purchaseDate - a.purchaseDate) || a.vendorId - b.vendorId);
  return ok(listResponse('KalturaEntitlementListResponse', found.map((e) => toVendorEntitlement(ctx, e)), pager.value));
}
