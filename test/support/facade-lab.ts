import { loadConfig } from '../../src/config/load-config';
import { OffsetClock } from '../../src/core/clock';
import { startUnderstudy, type RunningUnderstudy } from '../../src/main';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';

/** A clock standing still at the catalogue's base time (plus whatever a test advances it by). */
export function frozenLabClock(): OffsetClock {
  const baseMs = loadCatalog().demo.baseTime * 1000;
  return new OffsetClock({ nowMs: () => baseMs });
}

/** Starts the whole lab in-process on free ports: facade, vendor-sim, platform-sim, in-memory store. */
export async function startFacadeLab(options: { overrides?: Record<string, unknown>; clock?: OffsetClock } = {}): Promise<RunningUnderstudy> {
  const loaded = loadConfig({
    env: {},
    overrides: { server: { port: 0, adminPort: 0 }, lab: { vendorSimPort: 0, platformSimPort: 0 }, log: { level: 'silent' }, ...options.overrides },
  });
  if (!loaded.ok) throw new Error(`test configuration invalid: ${loaded.error.join('; ')}`);
  return startUnderstudy(loaded.value, options.clock === undefined ? {} : { clock: options.clock });
}
