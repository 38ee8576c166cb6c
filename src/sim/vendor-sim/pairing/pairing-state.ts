import { createPairingCodeStore, type PairingCodeStore } from '../../pairing/pairing-codes';

/** A device PIN: the device that showed it and, once a household member typed it, their household. */
export interface DevicePinValue {
  readonly udid: string;
  readonly brandId: number;
  householdVendorId?: number;
}

/** A login PIN of one user, optionally guarded by a secret. */
export interface LoginPinValue {
  readonly userVendorId: string;
  readonly secret?: string;
}

/** Device pairing PINs and login PINs of vendor-sim (docs/lab-rules.md "Device pairing and login PINs"). */
export interface PairingState {
  readonly devicePins: PairingCodeStore<DevicePinValue>;
  readonly loginPins: PairingCodeStore<LoginPinValue>;
}

/** Empty stores: no PIN outlives a reset. */
export function createPairingState(): PairingState {
  return { devicePins: createPairingCodeStore(), loginPins: createPairingCodeStore() };
}
