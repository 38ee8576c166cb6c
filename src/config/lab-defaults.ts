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
  // Longer than a load balancer's idle timeout (60 s is common) and any client's own, so the client
  // closes an idle connection, never the facade: a facade-side close races a request the client is
  // already sending on it, which the client sees as ECONNRESET.
  keepAliveTimeoutMs: 65_000,
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
  serverVersion?: string;
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
    vendor: { partnerId: demo.partnerId ?? 3197, partnerSecret: demo.partnerSecret ?? 'lab-partner-secret-unset', timeoutMs: 5000, ...(demo.serverVersion === undefined ? {} : { serverVersion: demo.serverVersion }) },
    platform: { clientId: 'understudy', clientSecret: demo.platformClientSecret ?? 'lab-platform-secret-unset', timeoutMs: 3000 },
    store: { driver: 'pglite' },
    edge: edgeDefaults,
    site: { id: 'lab' },
    coverage: { retirementWindowDays: 30, flushIntervalMs: 5000 },
    sync: { mode: 'on', order: 'household', workers: 2, batchSize: 64, leaseMs: 15000, pollMs: 500, feedPollMs: 250, maxAttempts: 8, backoffMs: 250, maxBackoffMs: 30000 },
    shadow: {
      queueEntries: 256,
      queueBytes: 16 * 1024 * 1024,
      concurrency: 32,
      batchMs: 10,
      timeoutMs: 2000,
      bodyCapBytes: 512 * 1024,
      noisePercent: 10,
      contractPercent: 10,
      sampleCapBytes: 16 * 1024,
      flushIntervalMs: 2000,
      migrationShadowPercent: 100,
      gates: { intervalSeconds: 60, minParityPercent: 99, minSamples: 200, maxErrorPercent: 1, maxP99DeltaMs: 250, canarySteps: [1, 10, 50], minDwellSeconds: 600, absolutePercent: 1, relativePercent: 20 },
    },
    log: { level: 'info', access: true },
    environment: 'development',
    safety: { labInProduction: 'refuse' },
  };
}

/** The lab's demo policy (every operation to the platform), beside the catalogue's fixtures. */
export function labPolicyFile(catalogDir: string): string {
  return join(catalogDir, '..', 'policy', 'lab-all-platform.yaml');
}
