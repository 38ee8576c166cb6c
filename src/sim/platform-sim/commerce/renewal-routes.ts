/**
 * `commerce.cancelRenewal`: a running subscription entitlement of the caller's household stops
 * renewing (it stays valid until `endsAt`). docs/platform.md "Operations".
 */
import type { RouteSpec } from '../http/router';
import { noContent, problem, type Reply } from '../http/reply';
import { isUuid } from '../http/params';
import { requireMember } from '../identity/caller-household';
import type { PlatformRequest } from '../platform-request';
import { toEntitlementView } from './commerce-views';

function cancelRenewal(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const id = (req.params.entitlementId ?? '').toLowerCase();
  if (!isUuid(id)) return problem('validation_failed', 'entitlementId must be a UUID');
  const list = req.state.commerce.byHousehold.get(member.householdId) ?? [];
  const at = list.findIndex((e) => e.id === id && e.productType === 'subscription' && e.endsAt > req.nowSec);
  const found = list[at];
  if (found === undefined) return problem('not_found', `no running subscription entitlement ${id} in the household`);
  if (!found.isRenewable) return problem('not_renewable', 'the entitlement does not renew');
  const updated = { ...found, isRenewable: false };
  list[at] = updated;
  const view = toEntitlementView(updated);
  req.state.changes.append({ entity: 'entitlement', op: 'upsert', key: updated.id, householdId: member.householdId, userId: member.userId, data: view }, req.origin, req.nowSec);
  return noContent();
}

export const renewalRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'DELETE', path: '/commerce/v1/entitlements/:entitlementId/renewal', operationId: 'commerce.cancelRenewal', auth: 'bearer', handle: cancelRenewal },
];
