/**
 * Inputs of the user writes (generated TypeScript client: `OttUserRegisterAction(partnerId, user:
 * KalturaOTTUser, password)`, `OttUserUpdateAction(user: KalturaOTTUser, id?)`,
 * `OttUserUpdatePasswordAction(userId: number, password)` → void). docs/vendor-decisions.md
 * "Users that change".
 */
import { ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { readInt, readObject, readString } from './param-readers';

/** Profile fields of a KalturaOTTUser a device may set; read-only ones (id, householdId, dates, …) are ignored. */
export interface UserProfileInput {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly address?: string;
  readonly city?: string;
  readonly countryId?: number;
  readonly zip?: string;
  readonly phone?: string;
  readonly affiliateCode?: string;
  readonly externalId?: string;
}

const textFields = ['firstName', 'lastName', 'email', 'address', 'city', 'zip', 'phone', 'affiliateCode', 'externalId'] as const;

/** The profile fields of `user` (required object: missing → 500053). */
export function readUserProfile(params: Readonly<Record<string, unknown>>): VendorOutcome<UserProfileInput> {
  const user = readObject(params, 'user', { required: true });
  if (!user.ok) return user;
  const profile: Record<string, string | number> = {};
  for (const field of textFields) {
    const value = readString(user.value, field, { label: `user.${field}` });
    if (!value.ok) return value;
    if (value.value !== undefined) profile[field] = value.value;
  }
  const countryId = readInt(user.value, 'countryId', { label: 'user.countryId' });
  if (!countryId.ok) return countryId;
  if (countryId.value !== undefined) profile.countryId = countryId.value;
  return ok(profile as UserProfileInput);
}

/** ottUser.register: `user.username` and `password` must be non-blank (50027); username trimmed. */
export function readRegistration(params: Readonly<Record<string, unknown>>): VendorOutcome<{ username: string; password: string; profile: UserProfileInput }> {
  const profile = readUserProfile(params);
  if (!profile.ok) return profile;
  const username = readString(params, 'user.username', { nonEmpty: true });
  if (!username.ok) return username;
  const password = readString(params, 'password', { required: true, nonEmpty: true });
  if (!password.ok) return password;
  return ok({ username: username.value.trim(), password: password.value, profile: profile.value });
}

/** ottUser.update: the profile, and the optional `id` of the user to change (default: the caller). */
export function readUserUpdate(params: Readonly<Record<string, unknown>>, callerId: string): VendorOutcome<{ userId: string; profile: UserProfileInput }> {
  const profile = readUserProfile(params);
  if (!profile.ok) return profile;
  const id = readString(params, 'id');
  if (!id.ok) return id;
  const userId = id.value === undefined || id.value.trim() === '' ? callerId : id.value.trim();
  return ok({ userId, profile: profile.value });
}

/** ottUser.updatePassword: `userId` (required integer) and a non-blank `password`. */
export function readPasswordUpdate(params: Readonly<Record<string, unknown>>): VendorOutcome<{ userId: string; password: string }> {
  const userId = readInt(params, 'userId', { required: true });
  if (!userId.ok) return userId;
  const password = readString(params, 'password', { required: true, nonEmpty: true });
  if (!password.ok) return password;
  return ok({ userId: String(userId.value), password: password.value });
}
