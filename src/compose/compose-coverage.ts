/**
 * Coverage wiring (issue 14): a tally fed by every routing decision of the gateway, and the admin
 * route that reports it.
 */
import type { Clock } from '../core/clock';
import type { FacadeGateway } from '../gateway/facade-request-handler';
import type { AdminFeatureRoutes } from '../http/admin-app';
import { coverageAdminRoutes } from '../http/admin-coverage-routes';
import { createCoverageTally, type CoverageTally } from '../metrics/coverage-tally';

export interface CoverageParts {
  readonly tally: CoverageTally;
  /** The gateway with its decisions also counted for coverage. */
  readonly withCoverage: (gateway: FacadeGateway) => FacadeGateway;
  readonly adminRoutes: AdminFeatureRoutes;
}

/** Builds the coverage tally and its admin route on the facade's clock. */
export function composeCoverage(clock: Clock): CoverageParts {
  const nowMs = (): number => clock.nowMs();
  const tally = createCoverageTally({ nowMs });
  return {
    tally,
    withCoverage: (gateway) => ({
      ...gateway,
      metrics: {
        recordDecision: (record) => {
          gateway.metrics?.recordDecision(record);
          tally.record(record.operation, record.target, gateway.translatable(record.operation));
        },
      },
    }),
    adminRoutes: coverageAdminRoutes((sinceMs) => tally.report(sinceMs), nowMs),
  };
}
