import type { Catalog } from '../../core/catalog';
import type { Clock } from '../../core/clock';
import { buildCatalogIndex, type CatalogIndex } from '../catalog/catalog-index';
import { createIdentityState, type IdentityState } from './identity/identity-state';
import { createViewingState, type ViewingState } from './viewing/viewing-state';
import { createCommerceState, type CommerceState } from './commerce/commerce-state';
import { createPlaybackState, type PlaybackState } from './playback/playback-state';
import { createPinState, type PinState } from './settings/pin-state';
import { createPairingState, type PairingState } from './pairing/pairing-state';
import { createParentalState, type ParentalState } from './parental/parental-state';
import { createListState, type ListState } from './lists/list-state';
import { createCdvrBook, type CdvrBook } from '../cdvr/cdvr-book';

/**
 * vendor-sim's whole mutable world, seeded from the catalogue. Each slice owns one area and is
 * created fresh by `createVendorSimState` (also how `/__sim/reset` starts over).
 */
export interface VendorSimState {
  readonly catalog: Catalog;
  readonly index: CatalogIndex;
  readonly clock: Clock;
  /** Users, households, devices, sessions (revocations, refresh tokens). */
  readonly identity: IdentityState;
  /** Bookmarks, favorites, asset history. */
  readonly viewing: ViewingState;
  /** Entitlements, purchases, prices. */
  readonly commerce: CommerceState;
  /** Concurrent playbacks per household (concurrency limit). */
  readonly playback: PlaybackState;
  /** Parental and purchase PINs. */
  readonly pins: PinState;
  /** Device pairing PINs and login PINs. */
  readonly pairing: PairingState;
  /** Parental rules switched on per household and user. */
  readonly parental: ParentalState;
  /** Personal lists and reminders. */
  readonly lists: ListState;
  /** Recordings and series recordings per household (docs/lab-rules.md "Cloud DVR"). */
  readonly cdvr: CdvrBook;
}

export interface VendorSimStateOptions {
  /** Overrides the lab partner secret (`catalog.demo.partnerSecret`) that signs and verifies KS. */
  readonly partnerSecret?: string;
}

/** Builds a fresh state from the catalogue. */
export function createVendorSimState(catalog: Catalog, clock: Clock, options: VendorSimStateOptions = {}): VendorSimState {
  const index = buildCatalogIndex(catalog);
  return {
    catalog,
    index,
    clock,
    identity: createIdentityState(catalog, index, options),
    viewing: createViewingState(catalog, index),
    commerce: createCommerceState(catalog, index),
    playback: createPlaybackState(catalog, index),
    pins: createPinState(catalog),
    pairing: createPairingState(),
    parental: createParentalState(catalog),
    lists: createListState(),
    cdvr: createCdvrBook(),
  };
}
