import type { Catalog } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';

/** How long a device counts as playing after its last activity (docs/lab-rules.md "Playback decision"). */
export const activityWindowSeconds = 120;

/** Concurrent playbacks per household: the last activity second of each device key. */
export interface PlaybackState {
  /** Device keys with activity in the last 120 s, in key order. */
  activeDevices(householdId: number, nowSec: number): string[];
  /** True when the device may start or continue playing under the household's limit. */
  mayPlay(householdId: number, deviceKey: string, concurrentLimit: number, nowSec: number): boolean;
  /** Marks a device as playing now. */
  markActive(householdId: number, deviceKey: string, nowSec: number): void;
  /** Frees the device's slot (STOP / FINISH). */
  release(householdId: number, deviceKey: string): void;
}

/** Starts with no device playing. */
export function createPlaybackState(_catalog: Catalog, _index: CatalogIndex): PlaybackState {
  const lastActivity = new Map<number, Map<string, number>>();
  const devicesOf = (householdId: number): Map<string, number> => {
    let devices = lastActivity.get(householdId);
    if (devices === undefined) {
      devices = new Map();
      lastActivity.set(householdId, devices);
    }
    return devices;
  };
  const activeDevices = (householdId: number, nowSec: number): string[] =>
    [...(lastActivity.get(householdId) ?? new Map<string, number>()).entries()]
      .filter(([, at]) => nowSec - at < activityWindowSeconds)
      .map(([key]) => key)
      .sort();
  return {
    activeDevices,
    mayPlay(householdId, deviceKey, concurrentLimit, nowSec) {
      const active = activeDevices(householdId, nowSec);
      return active.includes(deviceKey) || active.length < concurrentLimit;
    },
    markActive(householdId, deviceKey, nowSec) {
      devicesOf(householdId).set(deviceKey, nowSec);
    },
    release(householdId, deviceKey) {
      lastActivity.get(householdId)?.delete(deviceKey);
    },
  };
}

/** The key a caller's playback is counted under: the KS udid, else its session id. */
export function deviceKeyOf(session: { readonly udid: string; readonly sessionId: string }): string {
  return session.udid !== '' ? session.udid : session.sessionId;
}
