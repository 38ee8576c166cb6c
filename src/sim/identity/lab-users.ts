/**
 * Users as both lab systems hold them once they can change: the catalogue row plus the profile
 * fields `ottUser.update` may set, and the date of the last change. Both sims keep a directory of
 * these records and apply the same rules (`user-rules.ts`), so a write gives the same answer on
 * vendor-sim and through the facade (docs/vendor-decisions.md "Users that change").
 */
import type { CatalogUser } from '../../core/catalog';

/** A mutable user record; records are replaced whole on change, never edited in place. */
export interface LabUser extends CatalogUser {
  readonly address: string;
  readonly zip: string;
  readonly phone: string;
  readonly affiliateCode: string;
  readonly externalId: string;
  /** Epoch seconds of the last profile or password change (the creation date until then). */
  readonly updateDate: number;
}

/** The profile fields a user may change (`ottUser.update`); absent = unchanged. */
export interface ProfileChange {
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

/** Users by id, and ids by lower-cased username (usernames are unique in any case). */
export interface UserDirectory {
  readonly byId: Map<string, LabUser>;
  readonly idByUsername: Map<string, string>;
}

/** A catalogue user as a record with empty extra profile fields. */
export function toLabUser(user: CatalogUser): LabUser {
  return { ...user, address: '', zip: '', phone: '', affiliateCode: '', externalId: '', updateDate: user.createDate };
}

/** A directory of the catalogue's users keyed by `idOf` (vendor id in vendor-sim, platform id in platform-sim). */
export function createUserDirectory(users: Iterable<CatalogUser>, idOf: (user: CatalogUser) => string): UserDirectory {
  const directory: UserDirectory = { byId: new Map(), idByUsername: new Map() };
  for (const user of users) putUser(directory, idOf(user), toLabUser(user));
  return directory;
}

/** Stores (or replaces) a record under `id`. */
export function putUser(directory: UserDirectory, id: string, user: LabUser): void {
  directory.byId.set(id, user);
  directory.idByUsername.set(user.username.toLowerCase(), id);
}

/** The user with this username (trimmed, any case), if any. */
export function findUserByUsername(directory: UserDirectory, username: string): LabUser | undefined {
  const id = directory.idByUsername.get(username.trim().toLowerCase());
  return id === undefined ? undefined : directory.byId.get(id);
}

/** The record with the change applied and `updateDate` moved to `nowSec`. */
export function applyProfileChange(user: LabUser, change: ProfileChange, nowSec: number): LabUser {
  const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as ProfileChange;
  return { ...user, ...defined, updateDate: nowSec };
}

/** The record with a new password. */
export function applyPasswordChange(user: LabUser, password: string, nowSec: number): LabUser {
  return { ...user, password, updateDate: nowSec };
}
