/**
 * Playback activity per household (lab-rules "Playback decision", "Concurrency activity"): the last
 * activity second of each device key; a device is active for 120 s after its last activity.
 */
export const activityWindowSeconds = 120;

export interface ActivityState {
  /** Last activity per device key, per household platform id. */
  readonly lastActivity: Map<string, Map<string, number>>;
}

/** Starts with no device playing. */
export function createActivityState(): ActivityState {
  return { lastActivity: new Map() };
}

/** True when the device may play: it is already active, or fewer than `limit` devices are. */
export function mayPlay(state: ActivityState, householdId: string, deviceKey: string, limit: number, nowSec: number): boolean {
  const devices = state.lastActivity.get(householdId);
  if (!devices) return limit > 0;
  let active = 0;
  for (const [key, at] of devices) {
    if (nowSec - at >= activityWindowSeconds) continue;
    if (key === deviceKey) return true;
    active += 1;
  }
  return active < limit;
}

/** Marks the device as playing now. */
export function markActive(state: ActivityState, householdId: string, deviceKey: string, nowSec: number): void {
  let devices = state.lastActivity.get(householdId);
  if (!devices) {
    devices = new Map();
    state.lastActivity.set(householdId, devices);
  }
  devices.set(deviceKey, nowSec);
}

/** Frees the device's slot (STOP, FINISH). */
export function releaseDevice(state: ActivityState, householdId: string, deviceKey: string): void {
  state.lastActivity.get(householdId)?.delete(deviceKey);
}

/** The caller's device key: the token's udid, else its session key (lab-rules "Playback decision"). */
export function deviceKeyOf(caller: { readonly deviceUdid?: string; readonly sessionKey?: string }): string | undefined {
  return caller.deviceUdid || caller.sessionKey || undefined;
}
