/**
 * Coverage wiring (issue 14): a tally fed by every routing decision of the gateway, its counts added
 * per day to the store (summed over instances, kept across restarts), the admin route that reports
 * them, and what blocks the `vendor-retired` migration state.
 */
import type { Clock } from '../core/clock';
import type { UnderstudyConfig } from '../config/config-types';
import type { FacadeGateway } from '../gateway/facade-request-handler';
import type { AdminFeatureRoutes } from '../http/admin-app';
import { coverageAdminRoutes } from '../http/admin-coverage-routes';
import { createCoverageDayBuffer, reportFromTotals, type CoverageDayPort } from '../metrics/coverage-days';
import { coverageKeyOf, createCoverageTally, OTHER_OPERATION, type CoverageTally } from '../metrics/coverage-tally';

export interface CoverageInputs {
  readonly clock: Clock;
  readonly config: Pick<UnderstudyConfig, 'coverage'>;
  readonly days: CoverageDayPort;
  readonly onFlushError: (error: unknown) => void;
}

export interface CoverageParts {
  readonly tally: CoverageTally;
  /** The gateway with its decisions also counted for coverage. */
  readonly withCoverage: (gateway: FacadeGateway) => FacadeGateway;
  readonly adminRoutes: AdminFeatureRoutes;
  /** Operations that still need the vendor (see MigrationController `retirementBlockers`). */
  readonly retirementBlockers: (operation: string) => Promise<string[]>;
  /** Adds the buffered counts to the store. */
  readonly flush: () => Promise<void>;
  /** Stops the flush timer and writes what is left; call before the store closes. */
  readonly close: () => Promise<void>;
}

/** Builds the coverage tally, its day counts in the store and its admin route on the facade's clock. */
export function composeCoverage(inputs: CoverageInputs): CoverageParts {
  const nowMs = (): number => inputs.clock.nowMs();
  const startedMs = nowMs();
  const tally = createCoverageTally({ nowMs });
  const buffer = createCoverageDayBuffer();
  let translatable: (operation: string) => boolean = () => false;
  let writing: Promise<void> = Promise.resolve();
  // One write at a time, so a report that flushes first reads every earlier call.
  const flush = (): Promise<void> => (writing = writing.then(() => inputs.days.addCounts(buffer.take())));
  const totals = async (sinceMs?: number) => {
    await flush();
    return inputs.days.readTotals(sinceMs);
  };
  const windowMs = inputs.config.coverage.retirementWindowDays * 86_400_000;
  const timer = setInterval(() => void flush().catch(inputs.onFlushError), inputs.config.coverage.flushIntervalMs);
  timer.unref();
  return {
    tally,
    withCoverage: (gateway) => {
      translatable = (operation) => gateway.translatable(operation);
      return {
        ...gateway,
        metrics: {
          recordDecision: (record) => {
            gateway.metrics?.recordDecision(record);
            tally.record(record.operation, record.target, gateway.translatable(record.operation));
            if (record.operation !== 'invalid') buffer.record(coverageKeyOf(record.operation), record.target, nowMs());
          },
        },
      };
    },
    adminRoutes: coverageAdminRoutes(async (sinceMs) => reportFromTotals(await totals(sinceMs), translatable, startedMs), nowMs),
    retirementBlockers: async (operation) => {
      const seen = await totals(nowMs() - windowMs);
      // `other` stands for calls no translator can take (malformed or past the cap): they block too.
      const blocking = seen.map((t) => t.operation).filter((op) => op === OTHER_OPERATION || !translatable(op));
      if (!translatable(operation) && !blocking.includes(operation)) blocking.unshift(operation);
      return blocking;
    },
    flush,
    close: async () => {
      clearInterval(timer);
      await flush();
    },
  };
}
