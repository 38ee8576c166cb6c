/** subscriptionSet.list → platform commerce.listProductSets; docs/vendor-decisions.md "Subscription sets". */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readSubscriptionSetFilter, selectSubscriptionSets, toSubscriptionSetList, type SubscriptionSetFacts } from '../../phoenix/subscription-set-objects';
import { expectOk } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';
import { vendorIdOf } from '../viewing/platform-replies';

interface PlatformProductSet {
  readonly legacyId: number;
  readonly name: string;
  readonly kind: 'switch' | 'dependency';
  readonly productIds: readonly string[];
  readonly baseProductId: string | null;
}

function factsOf(ctx: TranslateContext, s: PlatformProductSet): SubscriptionSetFacts {
  const subscriptionIds = s.productIds.map((id) => vendorIdOf(ctx, 'product', id));
  if (s.kind === 'switch') return { id: s.legacyId, name: s.name, type: 'SWITCH', subscriptionIds };
  return { id: s.legacyId, name: s.name, type: 'DEPENDENCY', subscriptionIds, ...(s.baseProductId === null ? {} : { baseSubscriptionId: vendorIdOf(ctx, 'product', s.baseProductId) }) };
}

async function listSets(ctx: TranslateContext): Promise<VendorOutcome> {
  const filter = readSubscriptionSetFilter(ctx.params);
  if (!filter.ok) return filter;
  const reply = await ctx.platform.call({ method: 'GET', path: '/commerce/v1/product-sets' });
  const sets = expectOk<{ items: PlatformProductSet[] }>('commerce.listProductSets', reply).items.map((s) => factsOf(ctx, s));
  return ok(toSubscriptionSetList(selectSubscriptionSets(sets, filter.value)));
}

export const subscriptionSetTranslators: TranslatorTable = {
  'subscriptionset.list': { access: 'session', run: listSets },
};
