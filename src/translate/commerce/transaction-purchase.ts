/**
 * `transaction.purchase(purchase)` → platform `commerce.createPurchase` (brief §5.5, lab rules
 * "Commerce"). Checks in the vendor's order: 6001 unknown product, 6000 price (the vendor compares
 * the decimal price; the platform takes the product's own money once it matched), 3018 PPV content
 * the product does not unlock, 3021 / 3024 already entitled. One idempotency key per vendor call,
 * reused when the platform call is retried after a network failure, so a retry never buys twice.
 */
import { randomUUID } from 'node:crypto';
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt, readNumber, readObject, readString } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { PlatformReply, PlatformRequest } from '../platform-port';
import type { TranslateContext, TranslatorSpec } from '../translator';
import { problemCode, unexpectedReply } from '../viewing/platform-replies';
import { toAmount, toVendorTransaction, type PlatformProduct, type PlatformPurchase } from './commerce-mappers';

interface PurchaseRequest {
  readonly product: PlatformProduct;
  readonly fileId: string | undefined;
}

async function fetchProduct(ctx: TranslateContext, productId: string): Promise<PlatformProduct | undefined> {
  const reply = await ctx.platform.call({ method: 'GET', path: `/commerce/v1/products/${encodeURIComponent(productId)}` });
  if (reply.status === 404) return undefined;
  if (reply.status !== 200) throw unexpectedReply('commerce.getProduct', reply);
  return reply.body as PlatformProduct;
}

/** The vendor's checks that need no write: product, price, PPV content mapped. */
async function validatePurchase(ctx: TranslateContext, purchase: Readonly<Record<string, unknown>>): Promise<VendorOutcome<PurchaseRequest>> {
  const productId = readString(purchase, 'productId', { required: true, label: 'purchase.productId' });
  if (!productId.ok) return productId;
  const price = readNumber(purchase, 'price', { label: 'purchase.price' });
  if (!price.ok) return price;
  const contentId = readInt(purchase, 'contentId', { label: 'purchase.contentId' });
  if (!contentId.ok) return contentId;
  const platformProductId = ctx.ids.toPlatform('product', productId.value.trim());
  const product = platformProductId === undefined ? undefined : await fetchProduct(ctx, platformProductId);
  if (product === undefined) return vendorFailure('UnKnownPPVModule');
  if (price.value === undefined || Math.abs(price.value - toAmount(product.price)) > 1e-9) return vendorFailure('IncorrectPrice');
  if (product.type !== 'ppv') return ok({ product, fileId: undefined });
  const fileId = ctx.ids.toPlatform('file', contentId.value ?? 0);
  if (fileId === undefined) return vendorFailure('NoContentID');
  return ok({ product, fileId });
}

/** Sends the purchase; one retry with the same idempotency key when the network failed. */
async function sendPurchase(ctx: TranslateContext, request: PlatformRequest): Promise<PlatformReply> {
  try {
    return await ctx.platform.call(request);
  } catch {
    return ctx.platform.call(request);
  }
}

function mapPurchaseProblem(reply: PlatformReply, product: PlatformProduct): VendorOutcome {
  switch (problemCode(reply)) {
    case 'product_not_found':
      return vendorFailure('UnKnownPPVModule');
    case 'price_mismatch':
      return vendorFailure('IncorrectPrice');
    case 'content_not_in_product':
      return vendorFailure('NoContentID');
    case 'already_entitled':
      return vendorFailure(product.type === 'ppv' ? 'UnableToPurchasePPVPurchased' : 'UnableToPurchaseSubscriptionPurchased');
    case 'forbidden':
      return vendorFailure('ServiceForbidden');
    default:
      throw unexpectedReply('commerce.createPurchase', reply);
  }
}

async function purchaseProduct(ctx: TranslateContext): Promise<VendorOutcome> {
  const purchase = readObject(ctx.params, 'purchase', { required: true });
  if (!purchase.ok) return purchase;
  const request = await validatePurchase(ctx, purchase.value);
  if (!request.ok) return request;
  const { product, fileId } = request.value;
  const reply = await sendPurchase(ctx, {
    method: 'POST',
    path: '/commerce/v1/purchases',
    body: { productId: product.id, ...(fileId === undefined ? {} : { fileId }), price: product.price, idempotencyKey: randomUUID() },
  });
  if (reply.status === 201) return ok(toVendorTransaction(reply.body as PlatformPurchase));
  return mapPurchaseProblem(reply, product);
}

/** `transaction.purchase(purchase)` → KalturaTransaction, state OK. */
export const transactionPurchase: TranslatorSpec = { access: 'user', run: purchaseProduct };
