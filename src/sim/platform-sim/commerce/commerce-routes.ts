import type { RouteSpec } from '../http/router';
import { ok, problem, type Reply } from '../http/reply';
import { invalid, isUuid, readBoolParam, readEnumParam, readListParam, readObjectBody, readPaging, readStringField, readUuidField, type Read } from '../http/params';
import { requireMember } from '../identity/caller-household';
import type { PlatformRequest } from '../platform-request';
import type { EntitlementRecord } from './commerce-state';
import { priceOf, toEntitlementView, toProductView, type Money } from './commerce-views';
import { purchaseProduct } from './purchase';

function getProduct(req: PlatformRequest): Reply {
  const product = req.state.index.productByPlatformId.get((req.params.productId ?? '').toLowerCase());
  return product ? ok(toProductView(product)) : problem('product_not_found', `no product ${req.params.productId ?? ''}`);
}

/** `commerce.listPrices`: one price per (file, PPV product), then each subscription asked for. */
function listPrices(req: PlatformRequest): Reply {
  const fileIds = readListParam(req.query, 'fileIds');
  const productIds = readListParam(req.query, 'productIds');
  if (fileIds.length + productIds.length === 0) return problem('validation_failed', 'fileIds or productIds is required');
  if (fileIds.length + productIds.length > 500) return problem('validation_failed', 'at most 500 ids');
  const items: Record<string, unknown>[] = [];
  for (const fileId of fileIds) {
    const file = req.state.store.fileById.get(fileId.toLowerCase());
    for (const productId of file?.ppvProductIds ?? []) {
      const product = req.state.index.productByPlatformId.get(productId);
      if (product) items.push({ productId, productType: 'ppv', fileId: file?.id, price: priceOf(product), isSubscriptionOnly: false });
    }
  }
  for (const productId of productIds) {
    const product = req.state.index.productByPlatformId.get(productId.toLowerCase());
    if (product) items.push({ productId: product.platformId, productType: product.type, price: priceOf(product), isSubscriptionOnly: false });
  }
  return ok({ items });
}

/** `commerce.listEntitlements`: the caller's own or the household's, by type, unexpired by default. */
function listEntitlements(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const type = readEnumParam(req.query, 'type', ['ppv', 'subscription'] as const);
  if (!type.ok) return type.reply;
  if (type.value === undefined) return problem('validation_failed', 'type is required (ppv or subscription)');
  const scope = readEnumParam(req.query, 'scope', ['user', 'household'] as const, 'user');
  if (!scope.ok) return scope.reply;
  const expired = readBoolParam(req.query, 'expired', false);
  if (!expired.ok) return expired.reply;
  const sort = readEnumParam(req.query, 'sort', ['purchasedAt:desc', 'purchasedAt:asc'] as const, 'purchasedAt:desc');
  if (!sort.ok) return sort.reply;
  const paging = readPaging(req.query);
  if (!paging.ok) return paging.reply;
  const sign = sort.value === 'purchasedAt:asc' ? 1 : -1;
  const matches = (req.state.commerce.byHousehold.get(member.householdId) ?? [])
    .filter((e: EntitlementRecord) => e.productType === type.value && (scope.value === 'household' || e.userId === member.userId))
    .filter((e) => (e.endsAt <= req.nowSec) === expired.value)
    .sort((a, b) => sign * (a.purchasedAt - b.purchasedAt) || a.sortKey - b.sortKey);
  const { offset, limit } = paging.value;
  return ok({ items: matches.slice(offset, offset + limit).map(toEntitlementView), total: matches.length, offset, limit });
}

function readMoney(value: unknown): Read<Money> {
  if (typeof value !== 'object' || value === null) return invalid('price must be {amountMinor, currency}');
  const { amountMinor, currency } = value as Record<string, unknown>;
  if (typeof amountMinor !== 'number' || !Number.isInteger(amountMinor) || amountMinor < 0) return invalid('price.amountMinor must be a non-negative integer');
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return invalid('price.currency must be an ISO 4217 code');
  return { ok: true, value: { amountMinor, currency } };
}

/** `commerce.createPurchase`; a repeated idempotency key of the same user replays the first success. */
function createPurchase(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const body = readObjectBody(req.body);
  if (!body.ok) return body.reply;
  const key = readStringField(body.value, 'idempotencyKey', true, 128);
  if (!key.ok) return key.reply;
  const replayKey = `${member.userId}:${key.value ?? ''}`;
  const previous = req.state.commerce.purchases.get(replayKey);
  if (previous) return ok(previous.body, 201, { 'idempotent-replayed': 'true' });
  const productId = body.value.productId;
  if (!isUuid(productId)) return problem('validation_failed', 'productId must be a UUID');
  const fileId = readUuidField(body.value, 'fileId', false);
  if (!fileId.ok) return fileId.reply;
  const price = readMoney(body.value.price);
  if (!price.ok) return price.reply;
  const input = { productId: productId.toLowerCase(), fileId: fileId.value, price: price.value, userId: member.userId, householdId: member.householdId, deviceUdid: req.caller.deviceUdid ?? '' };
  const outcome = purchaseProduct(req.state.commerce, req.state.index, req.state.store, input, req.nowSec);
  if (!outcome.ok) return problem(outcome.code, outcome.detail);
  const purchaseId = outcome.body.purchaseId as string;
  req.state.commerce.purchases.set(replayKey, { purchaseId, body: outcome.body });
  const common = { householdId: member.householdId, userId: member.userId };
  req.state.changes.append({ entity: 'entitlement', op: 'upsert', key: outcome.entitlement.id, ...common, data: outcome.body.entitlement }, req.origin, req.nowSec);
  req.state.changes.append({ entity: 'purchase', op: 'upsert', key: purchaseId, ...common, data: { ...outcome.body, idempotencyKey: key.value } }, req.origin, req.nowSec);
  return ok(outcome.body, 201);
}

export const commerceRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/commerce/v1/products/:productId', operationId: 'commerce.getProduct', auth: 'bearer', handle: getProduct },
  { method: 'GET', path: '/commerce/v1/prices', operationId: 'commerce.listPrices', auth: 'bearer', handle: listPrices },
  { method: 'GET', path: '/commerce/v1/entitlements', operationId: 'commerce.listEntitlements', auth: 'bearer', handle: listEntitlements },
  { method: 'POST', path: '/commerce/v1/purchases', operationId: 'commerce.createPurchase', auth: 'bearer', body: true, handle: createPurchase },
];
