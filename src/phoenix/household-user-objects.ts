/**
 * householdUser.list (generated clients: `HouseholdUserListAction(filter)` with
 * `KalturaHouseholdUserFilter {householdIdEqual}`; `KalturaHouseholdUser {householdId, userId,
 * isMaster, householdMasterUsername (insert-only), status KalturaHouseholdUserStatus OK | PENDING,
 * isDefault}`). docs/vendor-decisions.md "Household users".
 */
import { ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { readInt, readObject } from './param-readers';

/** The household asked for by `filter.householdIdEqual` (undefined or 0 = the caller's). */
export function readHouseholdUserFilter(params: Readonly<Record<string, unknown>>): VendorOutcome<number | undefined> {
  const filter = readObject(params, 'filter');
  if (!filter.ok) return filter;
  const id = readInt(filter.value ?? {}, 'householdIdEqual', { label: 'filter.householdIdEqual' });
  if (!id.ok) return id;
  return ok(id.value);
}

/** A `KalturaHouseholdUser` of a member (members are never pending in the lab). */
export function toKalturaHouseholdUser(member: { householdId: number; userId: string; isMaster: boolean; isDefault: boolean }): Record<string, unknown> {
  return { objectType: 'KalturaHouseholdUser', householdId: member.householdId, userId: member.userId, isMaster: member.isMaster, status: 'OK', isDefault: member.isDefault };
}
