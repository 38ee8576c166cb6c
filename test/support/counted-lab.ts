/**
 * The whole lab with a counting fault proxy in front of each sim: facade → proxy → vendor-sim and
 * facade → proxy → platform-sim. Tests read how many requests reached each upstream and switch
 * faults on and off (src/sim/fault-proxy.ts).
 */
import { loadConfig } from '../../src/config/load-config';
import { labDefaults, labPolicyFile } from '../../src/config/lab-defaults';
import type { OffsetClock } from '../../src/core/clock';
import { startUnderstudy, type RunningUnderstudy } from '../../src/main';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startFaultProxy, type FaultProxy } from '../../src/sim/fault-proxy';
import { startPlatformSim, type PlatformSim } from '../../src/sim/platform-sim/platform-sim-server';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { frozenLabClock } from './lab-clock';

export interface CountedLab {
  readonly facade: RunningUnderstudy;
  readonly vendor: FaultProxy;
  readonly platform: FaultProxy;
  readonly vendorSim: VendorSim;
  readonly platformSim: PlatformSim;
  readonly clock: OffsetClock;
  /** Requests that reached either upstream since the last resetCounts. */
  upstreamCalls(): number;
  resetCounts(): void;
  close(): Promise<void>;
}

export interface CountedLabOptions {
  /** `platform` routes every operation to the platform (the lab demo policy); default all-vendor. */
  readonly policy?: 'vendor' | 'platform';
  readonly overrides?: Record<string, unknown>;
  readonly store?: Record<string, unknown>;
}

/** Starts sims, proxies and the facade on free loopback ports. */
export async function startCountedLab(options: CountedLabOptions = {}): Promise<CountedLab> {
  const clock = frozenLabClock();
  const catalog = loadCatalog();
  const vendorSim = await startVendorSim({ catalog, clock, port: 0, host: '127.0.0.1' });
  const platformSim = await startPlatformSim({ catalog, clock, port: 0, host: '127.0.0.1' });
  const vendor = await startFaultProxy(vendorSim.url);
  const platform = await startFaultProxy(platformSim.url);
  const catalogDir = (labDefaults().lab as { catalogDir: string }).catalogDir;
  const policy = options.policy === 'platform' ? { file: labPolicyFile(catalogDir) } : {};
  const loaded = loadConfig({
    env: {},
    overrides: {
      server: { port: 0, adminPort: 0 },
      vendor: { url: vendor.url, timeoutMs: 1500 },
      platform: { url: platform.url, timeoutMs: 1500 },
      clock: 'lab',
      policy,
      log: { level: 'silent' },
      // Counts are of the facade's own upstream calls: the sync's workers and change-feed follower
      // (on by default) would add theirs. Tests that want the sync pass it in `overrides`.
      sync: { mode: 'off' },
      ...(options.store === undefined ? {} : { store: options.store }),
      ...options.overrides,
    },
  });
  if (!loaded.ok) throw new Error(`test configuration invalid: ${loaded.error.join('; ')}`);
  const facade = await startUnderstudy(loaded.value, { clock });
  return {
    facade,
    vendor,
    platform,
    vendorSim,
    platformSim,
    clock,
    upstreamCalls: () => vendor.seen.length + platform.seen.length,
    resetCounts: () => {
      vendor.resetCounts();
      platform.resetCounts();
    },
    close: async () => {
      await facade.close();
      await Promise.all([vendor.close(), platform.close()]);
      await Promise.all([vendorSim.close(), platformSim.close()]);
    },
  };
}
