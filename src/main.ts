import type { UnderstudyConfig } from './config/config-types';
import { loadCatalog } from './sim/catalog/load-catalog';
import { startVendorSim } from './sim/vendor/vendor-sim-server';
import { startPlatformSim } from './sim/platform/platform-sim-server';

/** A running understudy: what to tell the operator, and how to stop it. */
export interface RunningUnderstudy {
  readonly banner: readonly string[];
  readonly vendorUrl: string;
  readonly platformUrl: string;
  close(): Promise<void>;
}

/**
 * Composition root: the only place that picks implementations. Starts the lab sims in-process
 * for every upstream whose URL is not configured.
 */
export async function startUnderstudy(config: UnderstudyConfig): Promise<RunningUnderstudy> {
  const closers: (() => Promise<void>)[] = [];
  const catalog = config.vendor.url === undefined || config.platform.url === undefined ? loadCatalog(config.lab.catalogDir) : undefined;
  let vendorUrl = config.vendor.url;
  if (vendorUrl === undefined && catalog) {
    const sim = await startVendorSim({ catalog, port: config.lab.vendorSimPort, host: '127.0.0.1' });
    closers.push(() => sim.close());
    vendorUrl = sim.url;
  }
  let platformUrl = config.platform.url;
  if (platformUrl === undefined && catalog) {
    const sim = await startPlatformSim({ catalog, port: config.lab.platformSimPort, host: '127.0.0.1' });
    closers.push(() => sim.close());
    platformUrl = sim.url;
  }
  const banner = [`vendor:   ${vendorUrl ?? '?'}${config.vendor.url ? '' : ' (vendor-sim, in-process)'}`, `platform: ${platformUrl ?? '?'}${config.platform.url ? '' : ' (platform-sim, in-process)'}`];
  return {
    banner,
    vendorUrl: vendorUrl ?? '',
    platformUrl: platformUrl ?? '',
    close: async () => {
      for (const close of closers.reverse()) await close();
    },
  };
}
