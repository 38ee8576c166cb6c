/** householdUser.list (docs/vendor-decisions.md "Household users"). */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readHouseholdUserFilter, toKalturaHouseholdUser } from '../../../phoenix/household-user-objects';
import { listResponse } from '../../../phoenix/pager';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { resolveCallerHousehold } from './household-operations';
import { listHouseholdUsers } from './identity-state';

/** The members of the caller's household in catalogue order; another household → 500028, unknown → 1006. */
function listMembers(ctx: SimCallContext): VendorOutcome {
  const id = readHouseholdUserFilter(ctx.params);
  if (!id.ok) return id;
  const household = resolveCallerHousehold(ctx, id.value);
  if (!household.ok) return household;
  const members = listHouseholdUsers(ctx.state.identity, household.value.vendorId).map((u) =>
    toKalturaHouseholdUser({ householdId: household.value.vendorId, userId: u.vendorId, isMaster: u.isHouseholdMaster, isDefault: u.isHouseholdDefault }),
  );
  return ok(listResponse('KalturaHouseholdUserListResponse', members));
}

export const householdUserOperations: SimOperationTable = {
  'householduser.list': { access: 'user', run: listMembers },
};
