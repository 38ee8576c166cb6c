/** `commerce.listProducts`: products by id (in the order asked) or the subscriptions unlocking one file (docs/platform.md "Commerce"). */
import type { CatalogProduct } from '../../../core/catalog';
import type { RouteSpec } from '../http/router';
import { ok, problem, type Reply } from '../http/reply';
import { readEnumParam, readListParam } from '../http/params';
import type { PlatformRequest } from '../platform-request';
import { toProductView } from './commerce-views';

const maxIds = 500;

/** Product ids (platform) of the subscriptions that unlock a file's item; none for an unknown file. */
function subscriptionsOfFile(req: PlatformRequest, fileId: string): readonly string[] {
  const file = req.state.store.fileById.get(fileId.toLowerCase());
  if (!file) return [];
  return req.state.store.byId.get(file.itemId)?.item.subscriptionProductIds ?? [];
}

function listProducts(req: PlatformRequest): Reply {
  const ids = readListParam(req.query, 'ids');
  const fileId = req.query.get('fileId') ?? '';
  if (ids.length === 0 && fileId === '') return problem('validation_failed', 'ids or fileId is required');
  if (ids.length > maxIds) return problem('validation_failed', `at most ${maxIds} ids`);
  const type = readEnumParam(req.query, 'type', ['ppv', 'subscription'] as const);
  if (!type.ok) return type.reply;
  const wanted = ids.length > 0 ? ids : subscriptionsOfFile(req, fileId);
  const items = wanted
    .map((id) => req.state.index.productByPlatformId.get(id.toLowerCase()))
    .filter((p): p is CatalogProduct => p !== undefined && (type.value === undefined || p.type === type.value))
    .map(toProductView);
  return ok({ items });
}

export const productRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/commerce/v1/products', operationId: 'commerce.listProducts', auth: 'bearer', handle: listProducts },
];
