/** `commerce.listProductSets`: the partner's subscription groupings (switch and dependency sets). */
import { labSubscriptionSets } from '../../catalog/subscription-sets';
import { platformIdFor } from '../../catalog/platform-ids';
import type { RouteSpec } from '../http/router';
import { ok, type Reply } from '../http/reply';
import type { PlatformRequest } from '../platform-request';

/** The sets in platform vocabulary; `legacyId` is the set's number in the catalogue migration export. */
function listProductSets(): Reply {
  const items = labSubscriptionSets.map((s) => ({
    id: platformIdFor('product', `set-${s.id}`),
    legacyId: s.id,
    name: s.name,
    kind: s.type === 'SWITCH' ? 'switch' : 'dependency',
    productIds: s.subscriptionIds.map((id) => platformIdFor('product', id)),
    baseProductId: s.baseSubscriptionId === undefined ? null : platformIdFor('product', s.baseSubscriptionId),
  }));
  return ok({ items });
}

export const productSetRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/commerce/v1/product-sets', operationId: 'commerce.listProductSets', auth: 'bearer', handle: listProductSets },
];
