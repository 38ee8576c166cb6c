/** household.get (brief §5.1). */
import type { Result } from '../../../core/result';
import { ok } from '../../../core/result';
import type { VendorError, VendorOutcome } from '../../../core/vendor-error';
import { readInt } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { toHousehold } from './identity-mappers';
import { listHouseholdUsers, type SimHousehold } from './identity-state';

/**
 * The household a call is about: the caller's, or `id` when given. An unknown id → 1006
 * DomainNotExists (brief §5.1); another existing household → 500028 HouseholdForbidden, since a
 * user KS may only see its own ([U], docs/vendor-decisions.md "Identity").
 */
export function resolveCallerHousehold(ctx: SimCallContext, requestedId: number | undefined): Result<SimHousehold, VendorError> {
  const own = ctx.session?.householdId ?? 0;
  const id = requestedId === undefined || requestedId === 0 ? own : requestedId;
  const household = ctx.state.identity.households.get(id);
  if (household === undefined) return vendorFailure('DomainNotExists');
  if (id !== own) return vendorFailure('HouseholdForbidden', { household: id });
  return ok(household);
}

/** A suspended household still answers household.get with `state: "suspended"`; writes get 1009. */
function getHousehold(ctx: SimCallContext): VendorOutcome {
  const id = readInt(ctx.params, 'id');
  if (!id.ok) return id;
  const household = resolveCallerHousehold(ctx, id.value);
  if (!household.ok) return household;
  return ok(toHousehold(household.value, listHouseholdUsers(ctx.state.identity, household.value.vendorId)));
}

export const householdOperations: SimOperationTable = {
  'household.get': { access: 'user', run: getHousehold },
};
