import type { CatalogHousehold } from '../../../core/catalog';
import { problem, type Reply } from '../http/reply';
import { isUuid } from '../http/params';
import type { PlatformRequest } from '../platform-request';

/** The household named in the path, provided the caller belongs to it; otherwise the problem. */
export function resolveCallerHousehold(req: PlatformRequest): { household: CatalogHousehold } | { reply: Reply } {
  const householdId = req.params.householdId ?? '';
  if (!isUuid(householdId)) return { reply: problem('validation_failed', 'householdId must be a UUID') };
  const household = req.state.index.householdByPlatformId.get(householdId.toLowerCase());
  if (!household) return { reply: problem('not_found', `no household ${householdId}`) };
  if (req.caller.householdId !== household.platformId) return { reply: problem('forbidden', 'only members may act on their household') };
  return { household };
}

/** The caller's user and household ids, or a `forbidden` problem for an anonymous caller. */
export function requireMember(req: PlatformRequest): { userId: string; householdId: string } | { reply: Reply } {
  const { userId, householdId } = req.caller;
  if (userId === undefined || householdId === undefined) return { reply: problem('forbidden', 'this operation needs a signed-in household member') };
  return { userId, householdId };
}
