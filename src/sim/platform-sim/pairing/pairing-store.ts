import { createPairingCodeStore, type PairingCodeStore } from '../../pairing/pairing-codes';

/** A pairing code: the device that showed it, and the household that claimed it (platform ids). */
export interface PairingCodeValue {
  readonly udid: string;
  readonly brandId: number;
  householdId?: string;
}

/** A login code of one user, optionally guarded by a secret. */
export interface LoginCodeValue {
  readonly userId: string;
  readonly secret?: string;
}

/** Pairing and login codes of platform-sim (docs/lab-rules.md "Device pairing and login PINs"). */
export interface PairingStore {
  readonly pairingCodes: PairingCodeStore<PairingCodeValue>;
  readonly loginCodes: PairingCodeStore<LoginCodeValue>;
}

/** Empty stores. */
export function createPairingStore(): PairingStore {
  return { pairingCodes: createPairingCodeStore(), loginCodes: createPairingCodeStore() };
}
