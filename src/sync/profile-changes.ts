/**
 * Profile fields, ready to hook (docs/sync.md "Not yet"): neither contract has a profile write yet
 * (`ottUser.update` is being added to the vendor contract separately). When it lands, the facade's
 * capture calls `profileFieldChanges` for a successful update and commits every change it returns;
 * the worker applies each with `toVendorProfileWrite` (the platform write waits for the platform's
 * user-update endpoint). One change per field, keyed `user:field`, so the per-field policy
 * (conflict-policies.ts) lets a name changed on one side and a city on the other both survive.
 */
import type { CapturedCall, UnstampedChange } from './capture-rules';
import type { SyncChange } from './sync-types';

/** KalturaOTTUser fields a viewer edits (contracts/phoenix/openapi.yaml); ids, state and dates are not synced. */
const syncedProfileFields = ['firstName', 'lastName', 'email', 'address', 'city', 'countryId', 'zip', 'phone'] as const;
type SyncedProfileField = (typeof syncedProfileFields)[number];

function fieldValue(field: SyncedProfileField, value: unknown): string | number | undefined {
  if (field === 'countryId') return typeof value === 'number' && Number.isInteger(value) ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The per-field changes of a successful profile update (its `user` parameter); none for a failed or empty one. */
export function profileFieldChanges(call: CapturedCall): UnstampedChange[] {
  const user = call.params.user;
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return [];
  const fields = user as Record<string, unknown>;
  const base = { householdId: String(call.caller.householdId), userId: call.caller.userId, source: call.side, ...(call.caller.udid === '' ? {} : { udid: call.caller.udid }) };
  return syncedProfileFields.flatMap((field) => {
    const value = fieldValue(field, fields[field]);
    return value === undefined ? [] : [{ entity: 'profile' as const, op: 'upsert' as const, key: `${call.caller.userId}:${field}`, ...base, value: { field, value } }];
  });
}

/** The vendor write of one profile change: `ottuser.update` with just that field (others untouched). */
export function toVendorProfileWrite(change: SyncChange): { service: string; action: string; params: Record<string, unknown> } | undefined {
  const field = change.value.field;
  if (change.entity !== 'profile' || typeof field !== 'string' || !(syncedProfileFields as readonly string[]).includes(field)) return undefined;
  const value = fieldValue(field as SyncedProfileField, change.value.value);
  return value === undefined ? undefined : { service: 'ottuser', action: 'update', params: { user: { objectType: 'KalturaOTTUser', [field]: value } } };
}
