/** householdUser.list → platform identity.getHousehold (userIds, masterUserIds, defaultUserId); docs/vendor-decisions.md "Household users". */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readHouseholdUserFilter, toKalturaHouseholdUser } from '../../phoenix/household-user-objects';
import { listResponse } from '../../phoenix/pager';
import type { TranslateContext, TranslatorTable } from '../translator';
import { vendorIdOf } from '../viewing/platform-replies';
import { resolveCallerHousehold } from './caller-household';

async function listMembers(ctx: TranslateContext): Promise<VendorOutcome> {
  const id = readHouseholdUserFilter(ctx.params);
  if (!id.ok) return id;
  const household = await resolveCallerHousehold(ctx, id.value);
  if (!household.ok) return household;
  const h = household.value;
  const householdId = Number(vendorIdOf(ctx, 'household', h.id));
  const masters = new Set(h.masterUserIds);
  const members = h.userIds.map((userId) =>
    toKalturaHouseholdUser({ householdId, userId: vendorIdOf(ctx, 'user', userId), isMaster: masters.has(userId), isDefault: userId === h.defaultUserId }),
  );
  return ok(listResponse('KalturaHouseholdUserListResponse', members));
}

export const householdUserTranslators: TranslatorTable = {
  'householduser.list': { access: 'user', run: listMembers },
};
