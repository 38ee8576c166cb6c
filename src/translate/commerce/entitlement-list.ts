/**
 * `entitlement.list(filter, pager)` → platform `commerce.listEntitlements` (brief §5.5, lab rules
 * "Commerce"): `productTypeEqual` (or the legacy `entitlementTypeEqual`) required;
 * `entityReferenceEqual` user = the caller's own, household (the default) = the household's;
 * `isExpiredEqual` default false; PURCHASE_DATE_DESC by default, ties by entitlement id.
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readPager, type VendorPager } from '../../phoenix/pager';
import { readBool, readEnum, readObject, readString, type ParamSource } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorSpec } from '../translator';
import { unexpectedReply, vendorIdOf } from '../viewing/platform-replies';
import { toVendorEntitlement, type EntitlementRefs, type PlatformEntitlement } from './commerce-mappers';
import { deviceNamesOf } from './household-lookups';

const productTypes = ['ppv', 'subscription', 'collection', 'programAssetGroupOffer'] as const;
const entityReferences = ['user', 'household'] as const;

function readProductType(filter: ParamSource): VendorOutcome<(typeof productTypes)[number]> {
  const current = readEnum(filter, 'productTypeEqual', productTypes, { label: 'filter.productTypeEqual' });
  if (!current.ok) return current;
  if (current.value !== undefined) return ok(current.value);
  const legacy = readEnum(filter, 'entitlementTypeEqual', productTypes, { label: 'filter.entitlementTypeEqual' });
  if (!legacy.ok) return legacy;
  if (legacy.value !== undefined) return ok(legacy.value);
  return vendorFailure('ArgumentCannotBeEmpty', { argument: 'filter.productTypeEqual' });
}

interface EntitlementQuery {
  readonly type: (typeof productTypes)[number];
  readonly scope: 'user' | 'household';
  readonly expired: boolean;
  readonly ascending: boolean;
  readonly pager: VendorPager;
}

function readQuery(ctx: TranslateContext): VendorOutcome<EntitlementQuery> {
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
  return ok({
    type: type.value,
    scope: reference.value === 'user' ? 'user' : 'household',
    expired: expired.value ?? false,
    ascending: orderBy.value?.toUpperCase() === 'PURCHASE_DATE_ASC',
    pager: pager.value,
  });
}

function refsOf(ctx: TranslateContext, e: PlatformEntitlement, deviceNames: ReadonlyMap<string, string>): EntitlementRefs {
  return {
    productId: vendorIdOf(ctx, 'product', e.productId),
    userId: e.userId === '' ? '' : vendorIdOf(ctx, 'user', e.userId),
    householdId: Number(vendorIdOf(ctx, 'household', e.householdId)),
    deviceName: deviceNames.get(e.deviceUdid) ?? '',
    mediaFileId: e.fileId === undefined ? 0 : Number(vendorIdOf(ctx, 'file', e.fileId)),
    mediaId: e.itemId === undefined ? 0 : Number(vendorIdOf(ctx, 'asset', e.itemId)),
  };
}

async function listEntitlements(ctx: TranslateContext): Promise<VendorOutcome> {
  const query = readQuery(ctx);
  if (!query.ok) return query;
  const { type, scope, expired, ascending, pager } = query.value;
  const empty = { objectType: 'KalturaEntitlementListResponse', objects: [], totalCount: 0 };
  // The platform sells PPVs and subscriptions only: other product types have no entitlements.
  if (type !== 'ppv' && type !== 'subscription') return ok(empty);
  const reply = await ctx.platform.call({
    method: 'GET',
    path: '/commerce/v1/entitlements',
    query: { type, scope, expired, sort: ascending ? 'purchasedAt:asc' : 'purchasedAt:desc', offset: (pager.pageIndex - 1) * pager.pageSize, limit: pager.pageSize },
  });
  if (reply.status === 403) return vendorFailure('ServiceForbidden');
  if (reply.status !== 200) throw unexpectedReply('commerce.listEntitlements', reply);
  const page = reply.body as { items: PlatformEntitlement[]; total: number };
  const deviceNames = page.items.some((e) => e.deviceUdid !== '') ? await deviceNamesOf(ctx) : new Map<string, string>();
  const objects = page.items.map((e) => toVendorEntitlement(e, refsOf(ctx, e, deviceNames), ctx.nowSec));
  return ok({ objectType: 'KalturaEntitlementListResponse', objects, totalCount: page.total });
}

/** `entitlement.list(filter, pager)` → KalturaEntitlementListResponse. */
export const entitlementList: TranslatorSpec = { access: 'user', run: listEntitlements };
