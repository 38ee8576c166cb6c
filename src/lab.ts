import type { UnderstudyConfig } from './config/config-types';
import type { Catalog } from './core/catalog';
import type { OffsetClock } from './core/clock';
import type { RequestListener } from 'node:http';
import { loadCatalog } from './sim/catalog/load-catalog';
import { startPlatformSim } from './sim/platform-sim/platform-sim-server';
import { startVendorSim } from './sim/vendor-sim/vendor-sim-server';
import { startVendorCdnOrigin, type VendorCdnOrigin } from './sim/cdn/vendor-cdn-server';

/** The upstreams understudy talks to: configured URLs, or lab sims started in-process. */
export interface Upstreams {
  readonly vendorUrl: string;
  readonly platformUrl: string;
  readonly vendorIsSim: boolean;
  readonly platformIsSim: boolean;
  /** The vendor's CDN origin in the lab (issue 18), started with vendor-sim. */
  readonly vendorCdn?: VendorCdnOrigin;
  close(): Promise<void>;
}

/** How a sim's listener is wrapped (its own server spans when tracing is on). */
export type SimListenerWrapper = (service: 'vendor-sim' | 'platform-sim') => ((listener: RequestListener) => RequestListener) | undefined;

/** Starts a sim for every upstream whose URL is not configured, on the shared clock. */
export async function startUpstreams(config: UnderstudyConfig, clock: OffsetClock, wrapSim: SimListenerWrapper = () => undefined): Promise<Upstreams> {
  const closers: (() => Promise<void>)[] = [];
  // The catalogue is loaded only when a sim runs here: a facade fronting real upstreams never holds it.
  let loaded: Catalog | undefined;
  const catalog = (): Catalog => (loaded ??= loadCatalog(config.lab.catalogDir));
  let vendorUrl = config.vendor.url;
  let vendorCdn: VendorCdnOrigin | undefined;
  if (vendorUrl === undefined) {
    const sim = await startVendorSim({ catalog: catalog(), clock, port: config.lab.vendorSimPort, host: '127.0.0.1', partnerSecret: config.vendor.partnerSecret, wrapListener: wrapSim('vendor-sim') });
    closers.push(() => sim.close());
    vendorUrl = sim.url;
    vendorCdn = await startVendorCdnOrigin(catalog());
    closers.push(() => vendorCdn!.close());
  }
  let platformUrl = config.platform.url;
  if (platformUrl === undefined) {
    const sim = await startPlatformSim({ catalog: catalog(), clock, port: config.lab.platformSimPort, host: '127.0.0.1', wrapListener: wrapSim('platform-sim') });
    closers.push(() => sim.close());
    platformUrl = sim.url;
  }
  return {
    vendorUrl,
    platformUrl,
    vendorIsSim: config.vendor.url === undefined,
    platformIsSim: config.platform.url === undefined,
    ...(vendorCdn === undefined ? {} : { vendorCdn }),
    close: async () => {
      for (const close of closers.reverse()) await close();
    },
  };
}
