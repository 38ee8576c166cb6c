/**
 * entitlement.cancelRenewal → platform `commerce.listEntitlements` (the household's running
 * subscriptions) and `commerce.cancelRenewal` (docs/vendor-decisions.md "Cancelling a renewal").
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readCancelRenewalSubscription } from '../../phoenix/cancel-renewal';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorTable } from '../translator';
import { fetchAllPages, problemCode, unexpectedReply } from '../viewing/platform-replies';
import type { PlatformEntitlement } from './commerce-mappers';

async function cancelRenewal(ctx: TranslateContext): Promise<VendorOutcome> {
  const subscriptionId = readCancelRenewalSubscription(ctx.params);
  if (!subscriptionId.ok) return subscriptionId;
  const productId = ctx.ids.toPlatform('product', subscriptionId.value);
  if (productId === undefined) return vendorFailure('NotEntitled');
  const page = await fetchAllPages<PlatformEntitlement>(ctx, { method: 'GET', path: '/commerce/v1/entitlements', query: { type: 'subscription', scope: 'household', expired: false } });
  if ('reply' in page) throw unexpectedReply('commerce.listEntitlements', page.reply);
  const running = page.items.find((e) => e.productId === productId);
  if (running === undefined) return vendorFailure('NotEntitled');
  const reply = await ctx.platform.call({ method: 'DELETE', path: `/commerce/v1/entitlements/${encodeURIComponent(running.id)}/renewal` });
  if (reply.status === 204) return ok(null);
  if (problemCode(reply) === 'not_renewable') return vendorFailure('SubscriptionNotRenewable');
  if (reply.status === 404) return vendorFailure('NotEntitled');
  throw unexpectedReply('commerce.cancelRenewal', reply);
}

export const cancelRenewalTranslators: TranslatorTable = {
  'entitlement.cancelrenewal': { access: 'user', run: cancelRenewal },
};
