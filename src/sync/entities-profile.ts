/**
 * Profile fields in the sync (docs/sync.md "Entities"): captured from `ottUser.update` and from the
 * platform's `user` feed entries (which name the fields the write set, so an untouched field is
 * not carried with a newer stamp over a change made on the other side), written one field at a
 * time with `ottUser.update` / `identity.updateUserProfile`. Per-field last writer wins.
 */
import type { UnstampedChange } from './capture-rules';
import type { EntityExtension, FeedIds } from './entity-extensions';
import type { FeedChange } from './feed-changes';
import { recordOf } from './entity-values';
import { fieldValue, profileFieldChanges, syncedProfileFields, toVendorProfileWrite } from './profile-changes';

function feedProfile(change: FeedChange, ids: FeedIds): readonly UnstampedChange[] {
  const data = recordOf(change.data);
  const named = Array.isArray(data.fields) ? data.fields : [];
  if (ids.userId === undefined) return [];
  const userId = ids.userId;
  return syncedProfileFields.flatMap((field) => {
    const value = named.includes(field) ? fieldValue(field, data[field]) : undefined;
    return value === undefined ? [] : [{ entity: 'profile' as const, op: 'upsert' as const, key: `${userId}:${field}`, householdId: ids.householdId, userId, source: 'platform' as const, value: { field, value } }];
  });
}

/** The profile extension. */
export const profileExtension: EntityExtension = {
  entity: 'profile',
  capture: { 'ottuser.update': profileFieldChanges },
  feed: { user: feedProfile },
  toVendorWrite: toVendorProfileWrite,
  toPlatformWrite: (change, ids) => {
    const write = toVendorProfileWrite(change);
    const userId = change.userId === undefined ? undefined : ids.toPlatform('user', change.userId);
    if (write === undefined || userId === undefined) return undefined;
    return { method: 'PUT', path: `/identity/v1/users/${encodeURIComponent(userId)}/profile`, body: { [String(change.value.field)]: change.value.value } };
  },
};
