/**
 * Start-up warnings about lab leftovers (docs/operations.md "Production safety"): in production
 * with `safety.labInProduction: warn`, one `unsafe_in_production` line per finding (with `refuse`,
 * loadConfig already refused to start); in any environment, demo secrets kept next to a real
 * upstream URL.
 */
import type { UnderstudyConfig } from '../config/config-types';
import { findDemoSecretsWithRealUpstreams, findLabLeftovers } from '../config/find-lab-leftovers';
import type { FacadeLogger } from '../metrics/logger';

/** Logs every finding at `warn`. */
export function warnAboutLabLeftovers(config: UnderstudyConfig, logger: FacadeLogger): void {
  if (config.environment === 'production') {
    for (const finding of findLabLeftovers(config)) logger.warn({ event: 'unsafe_in_production', finding }, `UNSAFE IN PRODUCTION: ${finding}`);
    return;
  }
  for (const finding of findDemoSecretsWithRealUpstreams(config)) logger.warn({ event: 'lab_secret_with_real_upstream', finding }, `lab secret with a real upstream: ${finding}`);
}

/** Whether a generated admin token may be printed: only in the lab (a sim in-process), never in production. */
export function mayPrintGeneratedToken(config: UnderstudyConfig): boolean {
  return config.admin.token === undefined && config.environment !== 'production' && (config.vendor.url === undefined || config.platform.url === undefined);
}
