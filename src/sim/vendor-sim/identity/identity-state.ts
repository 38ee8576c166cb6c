import type { Catalog, CatalogDevice, CatalogHousehold, HouseholdState } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';
import { toLabUser, type LabUser } from '../../identity/lab-users';

/** A household as vendor-sim holds it: the catalogue row plus its mutable state. */
export interface SimHousehold extends Omit<CatalogHousehold, 'state'> {
  state: HouseholdState;
  updateDate: number;
}

/** A user (replaced whole on change) plus login bookkeeping (KalturaOTTUser `lastLoginDate`, `failedLoginCount`). */
export interface SimUser {
  user: LabUser;
  lastLoginDate: number;
  failedLoginCount: number;
}

/** A registered household device (brief §5.1 KalturaHouseholdDevice input fields). */
export interface SimDevice extends CatalogDevice {
  readonly externalId?: string;
  readonly macAddress?: string;
  readonly model?: string;
  readonly manufacturer?: string;
}

/** What a refresh token stands for; consumed on use (brief §4.2). */
export interface RefreshTokenRecord {
  readonly partnerId: number;
  readonly userId: string;
  readonly householdId: number;
  readonly udid: string;
  readonly type: 'anonymous' | 'user';
  /** Epoch seconds. */
  readonly expiry: number;
}

/**
 * Users, households, devices and sessions of vendor-sim. Sessions are stateless KS tokens; what
 * is kept here is only what a KS cannot carry: revocations (logout, session.revoke) and refresh
 * tokens.
 */
export interface IdentityState {
  readonly partnerId: number;
  readonly partnerSecret: string;
  readonly users: Map<string, SimUser>;
  /** Vendor user id by lower-cased username (registrations add to it). */
  readonly userIdByUsername: Map<string, string>;
  /** The vendor id the next registered user gets (after the catalogue's highest). */
  nextUserId: number;
  readonly households: Map<number, SimHousehold>;
  /** Keyed by udid. */
  readonly devices: Map<string, SimDevice>;
  /** Session ids minted per user id, so session.revoke can revoke every one of them. */
  readonly sessionsByUser: Map<string, Set<string>>;
  /** Session ids revoked by logout or session.revoke (→ 500016). */
  readonly revokedSessionIds: Set<string>;
  /** KSs of a user created before this epoch second are revoked (covers KSs minted before a reset). */
  readonly userRevokedBefore: Map<string, number>;
  readonly refreshTokens: Map<string, RefreshTokenRecord>;
}

export interface IdentityStateOptions {
  /** Overrides `catalog.demo.partnerSecret`. */
  readonly partnerSecret?: string;
}

/** Builds a fresh identity slice from the catalogue. */
export function createIdentityState(catalog: Catalog, index: CatalogIndex, options: IdentityStateOptions = {}): IdentityState {
  const users = new Map<string, SimUser>();
  const userIdByUsername = new Map<string, string>();
  for (const user of index.userByVendorId.values()) {
    users.set(user.vendorId, { user: toLabUser(user), lastLoginDate: 0, failedLoginCount: 0 });
    userIdByUsername.set(user.username.toLowerCase(), user.vendorId);
  }
  const households = new Map<number, SimHousehold>();
  for (const household of catalog.households) households.set(household.vendorId, { ...household, updateDate: household.createDate });
  const devices = new Map<string, SimDevice>();
  for (const device of catalog.devices) devices.set(device.udid, { ...device });
  return {
    partnerId: catalog.demo.partnerId,
    partnerSecret: options.partnerSecret ?? catalog.demo.partnerSecret,
    users,
    userIdByUsername,
    nextUserId: Math.max(0, ...[...users.keys()].map(Number).filter(Number.isFinite)) + 1,
    households,
    devices,
    sessionsByUser: new Map(),
    revokedSessionIds: new Set(),
    userRevokedBefore: new Map(),
    refreshTokens: new Map(),
  };
}

/** The devices of one household, in registration order (`activatedOn`, then udid; lab-rules "Devices"). */
export function listHouseholdDevices(identity: IdentityState, householdId: number): SimDevice[] {
  const devices = [...identity.devices.values()].filter((d) => d.householdVendorId === householdId);
  return devices.sort((a, b) => a.activatedOn - b.activatedOn || (a.udid < b.udid ? -1 : a.udid > b.udid ? 1 : 0));
}

/** The users of one household, by user id. */
export function listHouseholdUsers(identity: IdentityState, householdId: number): LabUser[] {
  return [...identity.users.values()].map((u) => u.user).filter((u) => u.householdVendorId === householdId);
}

/** The user record with this username (trimmed, any case), if any. */
export function findUserByUsername(identity: IdentityState, username: string): SimUser | undefined {
  const id = identity.userIdByUsername.get(username.trim().toLowerCase());
  return id === undefined ? undefined : identity.users.get(id);
}
