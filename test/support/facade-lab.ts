import { loadConfig } from '../../src/config/load-config';
import type { OffsetClock } from '../../src/core/clock';
import { startUnderstudy, type RunningUnderstudy, type StartOptions } from '../../src/main';

/** Starts the whole lab in-process on free ports: facade, vendor-sim, platform-sim, in-memory store. */
export async function startFacadeLab(options: { overrides?: Record<string, unknown>; clock?: OffsetClock; logDestination?: StartOptions['logDestination'] } = {}): Promise<RunningUnderstudy> {
  const loaded = loadConfig({
    env: {},
    overrides: { server: { port: 0, adminPort: 0 }, lab: { vendorSimPort: 0, platformSimPort: 0 }, log: { level: 'silent' }, ...options.overrides },
  });
  if (!loaded.ok) throw new Error(`test configuration invalid: ${loaded.error.join('; ')}`);
  const start: StartOptions = { ...(options.clock === undefined ? {} : { clock: options.clock }), ...(options.logDestination === undefined ? {} : { logDestination: options.logDestination }) };
  return startUnderstudy(loaded.value, start);
}

export { frozenLabClock } from './lab-clock';
