import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The committed seed catalogue, found from the package root whether running from src/ or dist/src/. */
function findCatalogDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'fixtures', 'catalog');
    if (existsSync(join(candidate, 'demo.json'))) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve(__dirname, '../../fixtures/catalog');
}

/** Edge budgets (docs/failure-modes.md): far above what a device does, low enough to bound one peer. */
const edgeDefaults = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleSocketMs: 10_000,
  maxConnections: 20_000,
  rateLimits: {
    enabled: true,
    maxKeys: 200_000,
    read: { perDevice: { perSecond: 50, burst: 500 }, perHousehold: { perSecond: 200, burst: 2000 } },
    write: { perDevice: { perSecond: 20, burst: 200 }, perHousehold: { perSecond: 50, burst: 500 } },
    login: { perDevice: { perSecond: 5, burst: 50 }, perHousehold: { perSecond: 20, burst: 200 } },
  },
};

interface DemoFacts {
  partnerId?: number;
  partnerSecret?: string;
  platformClientSecret?: string;
}

function readDemo(catalogDir: string): DemoFacts {
  try {
    return JSON.parse(readFileSync(join(catalogDir, 'demo.json'), 'utf8')) as DemoFacts;
  } catch {
    return {};
  }
}

/**
 * Defaults: the lab. Partner id and secrets come from the catalogue's demo.json so that a standalone
 * vendor-sim and the facade share the lab partner secret and accept each other's KS.
 */
export function labDefaults(catalogDirOverride?: string): Record<string, unknown> {
  const catalogDir = catalogDirOverride ?? findCatalogDir();
  const demo = readDemo(catalogDir);
  return {
    server: { host: '127.0.0.1', port: 8080, bodyLimitBytes: 1048576, adminHost: '127.0.0.1', drainDelayMs: 5000, drainGraceMs: 10000, workers: 1 },
    lab: { catalogDir, vendorSimPort: 0, platformSimPort: 0 },
    vendor: { partnerId: demo.partnerId ?? 3197, partnerSecret: demo.partnerSecret ?? 'lab-partner-secret-unset', timeoutMs: 5000 },
    platform: { clientId: 'understudy', clientSecret: demo.platformClientSecret ?? 'lab-platform-secret-unset', timeoutMs: 3000 },
    store: { driver: 'pglite' },
    log: { level: 'info' },
    edge: edgeDefaults,
    site: { id: 'lab' },
  };
}

/** The lab's demo policy (every operation to the platform), beside the catalogue's fixtures. */
export function labPolicyFile(catalogDir: string): string {
  return join(catalogDir, '..', 'policy', 'lab-all-platform.yaml');
}
