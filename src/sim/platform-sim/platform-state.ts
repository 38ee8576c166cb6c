import type { Catalog } from '../../core/catalog';
import type { Clock } from '../../core/clock';
import { buildCatalogIndex, type CatalogIndex } from '../catalog/catalog-index';
import { buildCatalogStore, type CatalogStore } from './catalog/catalog-store';
import { createChangeFeed, type ChangeFeed } from './changes/change-feed';
import { createCommerceState, type CommerceState } from './commerce/commerce-state';
import { createDeviceState, type DeviceState } from './identity/device-state';
import { createLoginState, type LoginState } from './identity/login-state';
import { createTokenService, type TokenService } from './identity/token-service';
import { createActivityState, type ActivityState } from './playback/activity-state';
import { createUserDataState, type UserDataState } from './user-data/user-data-state';
import { createPinStore, type PinStore } from './settings/pin-store';
import { createPairingStore, type PairingStore } from './pairing/pairing-store';
import { createParentalStore, type ParentalStore } from './settings/parental-store';
import { createListStore, type ListStore } from './lists/list-store';
import { createUserDirectory, type UserDirectory } from '../identity/lab-users';
import { createCdvrBook, type CdvrBook } from '../cdvr/cdvr-book';

/**
 * platform-sim's world. The catalogue parts (index, item store, tokens) are built once; the
 * mutable slices are seeded from the catalogue and replaced wholesale by `resetPlatformState`.
 */
export interface PlatformSimState {
  readonly catalog: Catalog;
  readonly index: CatalogIndex;
  readonly clock: Clock;
  readonly clientSecret: string;
  readonly tokens: TokenService;
  readonly store: CatalogStore;
  devices: DeviceState;
  /** Users by platform id (registrations and profile changes; docs/vendor-decisions.md "Users that change"). */
  users: UserDirectory;
  logins: LoginState;
  activity: ActivityState;
  userData: UserDataState;
  commerce: CommerceState;
  changes: ChangeFeed;
  pins: PinStore;
  pairing: PairingStore;
  parental: ParentalStore;
  lists: ListStore;
  /** Recordings and series recordings per household (docs/lab-rules.md "Cloud DVR"). */
  cdvr: CdvrBook;
}

/** Builds the state from the catalogue. */
export function createPlatformState(catalog: Catalog, clock: Clock): PlatformSimState {
  const index = buildCatalogIndex(catalog);
  const clientSecret = catalog.demo.platformClientSecret;
  return {
    catalog,
    index,
    clock,
    clientSecret,
    tokens: createTokenService(clientSecret),
    store: buildCatalogStore(catalog, index),
    devices: createDeviceState(catalog, index),
    users: createUserDirectory(catalog.users, (u) => u.platformId),
    logins: createLoginState(),
    activity: createActivityState(),
    userData: createUserDataState(catalog, index),
    commerce: createCommerceState(catalog, index),
    changes: createChangeFeed(),
    pins: createPinStore(catalog, index),
    pairing: createPairingStore(),
    parental: createParentalStore(catalog, index),
    lists: createListStore(),
    cdvr: createCdvrBook(),
  };
}

/** Starts the mutable slices over from the catalogue (`POST /__sim/reset`). */
export function resetPlatformState(state: PlatformSimState): void {
  state.devices = createDeviceState(state.catalog, state.index);
  state.users = createUserDirectory(state.catalog.users, (u) => u.platformId);
  state.logins = createLoginState();
  state.activity = createActivityState();
  state.userData = createUserDataState(state.catalog, state.index);
  state.commerce = createCommerceState(state.catalog, state.index);
  state.changes = createChangeFeed();
  state.pins = createPinStore(state.catalog, state.index);
  state.pairing = createPairingStore();
  state.parental = createParentalStore(state.catalog, state.index);
  state.lists = createListStore();
  state.cdvr = createCdvrBook();
}
