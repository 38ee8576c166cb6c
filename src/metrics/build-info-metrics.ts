import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Gauge, type Registry } from 'prom-client';
import { findPackageRoot } from '../contract/contracts-dir';
import { METRIC_PREFIX } from './metric-definitions';

/** What an instance is: constant for the life of the process. */
export interface BuildInfo {
  /** The site id from the configuration (`site.id`, a closed pattern `^[a-z0-9-]{1,32}$`). */
  readonly site: string;
  /** understudy's package version. */
  readonly version: string;
}

/**
 * Registers `understudy_build_info{site, version, node}` = 1. The site is a label here only, not on
 * every series: dashboards join on it when they need it (`* on(instance) group_left(site)`), and
 * per-event metrics keep their closed label sets (docs/observability.md).
 */
export function registerBuildInfo(registry: Registry, info: BuildInfo): void {
  const gauge = new Gauge({
    name: `${METRIC_PREFIX}build_info`,
    help: 'Always 1; labels say which site, understudy version and Node.js version this instance runs.',
    labelNames: ['site', 'version', 'node'] as const,
    registers: [registry],
  });
  gauge.labels(info.site, info.version, process.version).set(1);
}

/** understudy's version from its package.json (from src/ under jest or dist/src/ after a build). */
export function readPackageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(findPackageRoot(__dirname), 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
