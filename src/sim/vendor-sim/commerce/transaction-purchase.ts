import type { CatalogProduct } from '../../../core/catalog';
import type { VendorOutcome } from '../../../core/vendor-error';
import { ok } from '../../../core/result';
import { readInt, readNumber, readObject, readString } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext, SimSession } from '../sim-operation';
import { holdsActiveEntitlement, type CommerceEntitlement } from './commerce-state';

const daySeconds = 86400;

interface PurchaseRequest {
  readonly product: CatalogProduct;
  readonly contentId: number;
}

/** A stable UUID-shaped platform id for an entitlement vendor-sim creates. */
function purchasedPlatformId(vendorId: number): string {
  return `00000000-0000-4000-8000-${String(vendorId).padStart(12, '0')}`;
}

/** Checks in the lab-rules order: 6001 unknown product, 6000 price, 3018 content, 3021/3024 owned. */
function validatePurchase(ctx: SimCallContext, session: SimSession, purchase: Readonly<Record<string, unknown>>): VendorOutcome<PurchaseRequest> {
  const productId = readString(purchase, 'productId', { required: true, label: 'purchase.productId' });
  if (!productId.ok) return productId;
  const price = readNumber(purchase, 'price', { label: 'purchase.price' });
  if (!price.ok) return price;
  const contentId = readInt(purchase, 'contentId', { label: 'purchase.contentId' });
  if (!contentId.ok) return contentId;
  const product = ctx.state.index.productByVendorId.get(productId.value.trim());
  if (product === undefined) return vendorFailure('UnKnownPPVModule');
  if (price.value === undefined || Math.abs(price.value - product.price) > 1e-9) return vendorFailure('IncorrectPrice');
  const content = contentId.value ?? 0;
  if (product.type === 'ppv' && !(ctx.state.index.fileByVendorId.get(content)?.file.ppvProductIds.includes(product.vendorId) ?? false)) {
    return vendorFailure('NoContentID');
  }
  if (holdsActiveEntitlement(ctx.state.commerce.entitlements, session.householdId, [product.vendorId], ctx.nowSec)) {
    return vendorFailure(product.type === 'ppv' ? 'UnableToPurchasePPVPurchased' : 'UnableToPurchaseSubscriptionPurchased');
  }
  return ok({ product, contentId: content });
}

function createEntitlement(ctx: SimCallContext, session: SimSession, request: PurchaseRequest): CommerceEntitlement {
  const vendorId = ctx.state.commerce.nextEntitlementId++;
  const isPpv = request.product.type === 'ppv';
  const fileEntry = isPpv ? ctx.state.index.fileByVendorId.get(request.contentId) : undefined;
  return {
    vendorId,
    platformId: purchasedPlatformId(vendorId),
    productVendorId: request.product.vendorId,
    type: request.product.type,
    householdVendorId: session.householdId,
    userVendorId: session.userId,
    purchaseDate: ctx.nowSec,
    endDate: ctx.nowSec + request.product.durationDays * daySeconds,
    ...(fileEntry === undefined ? {} : { mediaFileVendorId: fileEntry.file.vendorId, mediaVendorId: fileEntry.asset.vendorId }),
    deviceUdid: session.udid,
    paymentMethod: 'unknown',
  };
}

/** `transaction.purchase(purchase)` → KalturaTransaction, state OK (brief §5.5, docs/lab-rules.md "Commerce"). */
export function purchaseProduct(ctx: SimCallContext): VendorOutcome {
  const session = ctx.session;
  if (session === null) return vendorFailure('ServiceForbidden');
  const purchase = readObject(ctx.params, 'purchase', { required: true });
  if (!purchase.ok) return purchase;
  const request = validatePurchase(ctx, session, purchase.value);
  if (!request.ok) return request;
  ctx.state.commerce.entitlements.push(createEntitlement(ctx, session, request.value));
  const transactionId = ctx.state.commerce.nextTransactionId++;
  return ok({
    objectType: 'KalturaTransaction',
    id: String(transactionId),
    paymentGatewayReferenceId: `lab-ref-${transactionId}`,
    paymentGatewayResponseId: `lab-resp-${transactionId}`,
    state: 'OK',
    failReasonCode: 0,
    createdAt: ctx.nowSec,
  });
}
