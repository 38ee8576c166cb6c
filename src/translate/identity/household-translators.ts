/** household.get (brief §5.1). */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt } from '../../phoenix/param-readers';
import type { TranslateContext, TranslatorTable } from '../translator';
import { resolveCallerHousehold } from './caller-household';
import { toHousehold } from './identity-mappers';
import { bodyOf, type PlatformUser } from './platform-replies';

/** The household's members, as users, in the household's order (the legacy user lists need names). */
async function readMembers(ctx: TranslateContext, userIds: readonly string[]): Promise<PlatformUser[]> {
  return Promise.all(
    userIds.map(async (userId) => {
      const request = { method: 'GET' as const, path: `/identity/v1/users/${encodeURIComponent(userId)}` };
      return bodyOf<PlatformUser>(request, await ctx.platform.call(request));
    }),
  );
}

/** A suspended household still answers, with `state: "suspended"`. */
async function getHousehold(ctx: TranslateContext): Promise<VendorOutcome> {
  const id = readInt(ctx.params, 'id');
  if (!id.ok) return id;
  const household = await resolveCallerHousehold(ctx, id.value);
  if (!household.ok) return household;
  const members = await readMembers(ctx, household.value.userIds);
  return ok(toHousehold(household.value, members, ctx.ids));
}

export const householdTranslators: TranslatorTable = {
  'household.get': { access: 'user', run: getHousehold },
};
