/**
 * Profile fields (docs/sync.md "Entities"): a successful `ottUser.update` is one change per field it
 * set, keyed `user:field` for the user it changed (`id`, else the caller), so the per-field policy
 * (conflict-policies.ts) lets a name changed on one side and a city on the other both survive. The
 * worker writes each with `toVendorProfileWrite` (that field only) or the platform's
 * `identity.updateUserProfile` (entities-profile.ts).
 */
import type { CapturedCall, UnstampedChange } from './capture-rules';
import { readUserUpdate } from '../phoenix/user-profile-input';
import type { SyncChange } from './sync-types';

/** KalturaOTTUser fields a viewer edits (contracts/phoenix/openapi.yaml); ids, state and dates are not synced. */
export const syncedProfileFields = ['firstName', 'lastName', 'email', 'address', 'city', 'countryId', 'zip', 'phone'] as const;
export type SyncedProfileField = (typeof syncedProfileFields)[number];

/** A field's value as both sides store it (countryId an integer, the rest text), else undefined. */
export function fieldValue(field: SyncedProfileField, value: unknown): string | number | undefined {
  if (field === 'countryId') return typeof value === 'number' && Number.isInteger(value) ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The per-field changes of a successful profile update (its `user` parameter, for `id` else the caller); none for an empty one. */
export function profileFieldChanges(call: CapturedCall): UnstampedChange[] {
  const update = readUserUpdate(call.params, call.caller.userId);
  if (!update.ok) return [];
  const fields = update.value.profile as Readonly<Record<string, unknown>>;
  const userId = update.value.userId;
  // The sync writes as the changed user (a member's own update, or the master's on the member's behalf).
  const base = { householdId: String(call.caller.householdId), userId, source: call.side, ...(call.caller.udid === '' || userId !== call.caller.userId ? {} : { udid: call.caller.udid }) };
  return syncedProfileFields.flatMap((field) => {
    const value = fieldValue(field, fields[field]);
    return value === undefined ? [] : [{ entity: 'profile' as const, op: 'upsert' as const, key: `${userId}:${field}`, ...base, value: { field, value } }];
  });
}

/** The vendor write of one profile change: `ottuser.update` with just that field (others untouched). */
export function toVendorProfileWrite(change: SyncChange): { service: string; action: string; params: Record<string, unknown> } | undefined {
  const field = change.value.field;
  if (change.entity !== 'profile' || typeof field !== 'string' || !(syncedProfileFields as readonly string[]).includes(field)) return undefined;
  const value = fieldValue(field as SyncedProfileField, change.value.value);
  return value === undefined ? undefined : { service: 'ottuser', action: 'update', params: { user: { objectType: 'KalturaOTTUser', [field]: value } } };
}
