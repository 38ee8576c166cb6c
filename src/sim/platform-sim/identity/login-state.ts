/** Login bookkeeping per user (platform id): last successful login and failed attempts since. */
export interface LoginRecord {
  /** Epoch seconds; 0 = never signed in since the last reset. */
  lastLoginAt: number;
  failedLoginCount: number;
}

export type LoginState = Map<string, LoginRecord>;

/** A fresh, empty login slice. */
export function createLoginState(): LoginState {
  return new Map();
}

/** The user's record, created on first use. */
export function loginRecordOf(state: LoginState, userId: string): LoginRecord {
  let record = state.get(userId);
  if (record === undefined) state.set(userId, (record = { lastLoginAt: 0, failedLoginCount: 0 }));
  return record;
}
