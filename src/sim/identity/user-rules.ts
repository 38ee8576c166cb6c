/**
 * Who may change whom (`ottUser.update` with an `id`, `ottUser.updatePassword`), the one rule both
 * sims apply (docs/vendor-decisions.md "Users that change"): a user changes themselves; the master
 * of a household changes its members; anyone else is refused, and a user outside the caller's
 * household is reported as not in it, so the answer does not reveal who exists elsewhere.
 */
import type { LabUser } from './lab-users';

export type TargetVerdict = 'allowed' | 'not_in_household' | 'not_master';

/** Whether `caller` may change `target` (undefined = no such user). */
export function judgeUserTarget(caller: LabUser, callerId: string, target: LabUser | undefined, targetId: string): TargetVerdict {
  if (targetId === callerId) return 'allowed';
  if (target === undefined || caller.householdVendorId === 0 || target.householdVendorId !== caller.householdVendorId) return 'not_in_household';
  return caller.isHouseholdMaster ? 'allowed' : 'not_master';
}
