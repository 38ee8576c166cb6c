/** The caller identity a verified KS carries (vendor ids; anonymous = userId "0", household 0). */
export interface CallerSession {
  readonly ks: string;
  readonly partnerId: number;
  readonly userId: string;
  readonly householdId: number;
  /** `""` when the KS is not bound to a device. */
  readonly udid: string;
  readonly type: 'anonymous' | 'user';
  /** Epoch seconds. */
  readonly expiry: number;
  readonly createDate: number;
  /** Unique per minted KS: what logout revokes. */
  readonly sessionId: string;
}

/**
 * What an operation needs before it runs: `none` = no KS needed (a KS, if sent, must still be
 * valid); `session` = any valid KS, anonymous included; `user` = a logged-in user's KS.
 */
export type OperationAccess = 'none' | 'session' | 'user';
