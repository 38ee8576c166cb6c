/** The household a call is about: the caller's own, or one named by id (brief §5.1). */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext } from '../translator';
import { bodyOf, type PlatformHousehold } from './platform-replies';

/**
 * The caller's household, or `requestedId` when given (0 = own). An unknown id → 1006
 * DomainNotExists; another existing household → 500028 HouseholdForbidden, since a user KS sees
 * only its own (docs/vendor-decisions.md "Identity operations in vendor-sim").
 */
export async function resolveCallerHousehold(ctx: TranslateContext, requestedId: number | undefined): Promise<VendorOutcome<PlatformHousehold>> {
  const own = ctx.session?.householdId ?? 0;
  const id = requestedId === undefined || requestedId === 0 ? own : requestedId;
  const platformId = ctx.ids.toPlatform('household', id);
  if (platformId === undefined) return vendorFailure('DomainNotExists');
  if (id !== own) return vendorFailure('HouseholdForbidden', { household: id });
  const request = { method: 'GET' as const, path: `/identity/v1/households/${encodeURIComponent(platformId)}` };
  const reply = await ctx.platform.call(request);
  if (reply.status === 404) return vendorFailure('DomainNotExists');
  if (reply.status === 403) return vendorFailure('HouseholdForbidden', { household: id });
  return ok(bodyOf<PlatformHousehold>(request, reply));
}
