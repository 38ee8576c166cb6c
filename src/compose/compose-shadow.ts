/**
 * Wiring of shadow mode (issue 11; docs/architecture.md §4 "Shadow and diff"): the diff engine, the executor
 * over the facade's translators, the passthrough tap, the parity store flush, the migration
 * controller on its schedule, metrics, and the admin routes and dashboard.
 */
import type { RequestListener } from 'node:http';
import type { Registry } from 'prom-client';
import type { UnderstudyConfig } from '../config/config-types';
import { listOperations } from '../contract/operation-index';
import { warmVendorValidation } from '../contract/response-validator';
import type { FacadeCallEnvironment } from '../gateway/facade-call-runner';
import { createAdminShadowRoutes, servePublicAdminPages } from '../http/admin-shadow-routes';
import type { AdminFeatureRoutes } from '../http/admin-app';
import { createShadowTap, type PassthroughShadowTap, type ShadowedWrite } from '../http/shadow-tap';
import type { FacadeLogger } from '../metrics/logger';
import { createShadowMetrics } from '../metrics/shadow-metrics';
import { isReadOnlyOperation } from '../phoenix/read-only-operations';
import type { PolicyHolder } from '../policy/policy-holder';
import { createDiffEngine, phoenixOperationRules, phoenixRuleSet, phoenixSameText } from '../shadow';
import { MigrationController } from '../shadow/migration-controller';
import type { GateSettings, GateVerdict } from '../shadow/promotion-gates';
import { ShadowExecutor, type ShadowSettings } from '../shadow/shadow-executor';
import { SqlMigrationStateStore } from '../store/migration-state-store';
import { SqlParityStore } from '../store/parity-store';
import type { Store } from '../store';
import { createVendorRawClient } from '../upstream/vendor-raw-client';
import { createShadowReader, type ShadowReader } from './shadow-reader';
import { StateComparer } from '../shadow/state-comparer';
import { isStateCompared } from '../shadow/state-reads';
import type { AppliedListener } from './sync-applied-tap';
import { compareWhenApplied, watchShadowedWrite } from './shadow-state-ports';
import { countContractViolations, fetchVendorAgain, regionOfFacts, regionOfRequest, runPlatformCandidate } from './shadow-ports';
import type { FacadeGateway } from '../gateway/facade-request-handler';
import { createExecutedShadow } from '../http/shadow-executed-slots';
import { withShadowGateway } from './shadow-gateway';

export interface ShadowInputs {
  readonly config: UnderstudyConfig;
  readonly vendorUrl: string;
  readonly env: FacadeCallEnvironment;
  readonly policy: PolicyHolder;
  readonly registry: Registry;
  readonly store: Store;
  readonly logger: FacadeLogger;
  /** What blocks `vendor-retired` (coverage, issue 14); absent = nothing does. */
  readonly retirementBlockers?: (operation: string) => Promise<string[]>;
  /** The sync's applied-change subscription; with it, shadowed writes are compared by state (docs/shadow.md). */
  readonly syncApplied?: (listener: AppliedListener) => void;
}

export interface ShadowParts {
  readonly tap: PassthroughShadowTap;
  /** The gateway with calls counted (compared share) and executed requests' shadowed slots offered. */
  withGateway(gateway: FacadeGateway): FacadeGateway;
  readonly adminRoutes: AdminFeatureRoutes;
  /** Wraps the admin listener so the dashboard page loads before login (its data stays behind the token). */
  readonly publicAdminPages: (admin: RequestListener) => RequestListener;
  readonly executor: ShadowExecutor;
  readonly controller: MigrationController;
  readonly reader: ShadowReader;
  /** Shadowed writes waiting for the sync; absent when the sync is off. */
  readonly states?: StateComparer;
  /** Writes pending parity deltas to the store now. */
  flush(): Promise<void>;
  /** Runs one promotion-gate round now. */
  tick(): Promise<GateVerdict[]>;
  close(): Promise<void>;
}

function settingsFrom(config: UnderstudyConfig): { executor: ShadowSettings; gates: GateSettings } {
  const s = config.shadow;
  const g = s.gates;
  return {
    executor: { maxQueueEntries: s.queueEntries, maxQueueBytes: s.queueBytes, concurrency: s.concurrency, batchMs: s.batchMs, timeoutMs: s.timeoutMs, bodyCapBytes: s.bodyCapBytes, noisePercent: s.noisePercent, contractPercent: s.contractPercent, sampleCapBytes: s.sampleCapBytes, backoff: { failureThreshold: 5, slowMs: s.timeoutMs / 2, initialPauseMs: 1000, maxPauseMs: 30_000 } },
    gates: { minParityPercent: g.minParityPercent, minSamples: g.minSamples, maxErrorPercent: g.maxErrorPercent, maxP99DeltaMs: g.maxP99DeltaMs, canarySteps: g.canarySteps, minDwellMs: g.minDwellSeconds * 1000, thresholds: { absolutePercent: g.absolutePercent, relativePercent: g.relativePercent } },
  };
}

/** Builds shadow mode for a running facade; call `close` before the store closes. */
export async function composeShadow(inputs: ShadowInputs): Promise<ShadowParts> {
  const { config, logger } = inputs;
  const settings = settingsFrom(config);
  const nowMs = (): number => inputs.env.clock.nowMs();
  const ids = inputs.env.ids;
  const engine = createDiffEngine({ rules: phoenixRuleSet, operationRules: phoenixOperationRules, sameText: phoenixSameText, ids: (kind, id) => ids.toPlatform(kind as Parameters<typeof ids.toPlatform>[0], id) });
  const vendorAgain = createVendorRawClient({ vendorUrl: inputs.vendorUrl, timeoutMs: config.shadow.timeoutMs });
  // Shadow failures are counted, not logged one by one: a failing platform must not flood the log.
  const candidateEnv: FacadeCallEnvironment = { ...inputs.env, onFailure: undefined };
  // The first contract check would compile the vendor contract on the device's event loop (~200 ms).
  if (settings.executor.contractPercent > 0) warmVendorValidation();
  // The metrics read the executor's queue and the executor reports to the metrics: one late-bound side.
  const late: { metrics?: ReturnType<typeof createShadowMetrics> } = {};
  const executor = new ShadowExecutor(
    engine,
    {
      runCandidate: (job) => runPlatformCandidate(job, candidateEnv),
      fetchPrimaryAgain: (job) => fetchVendorAgain(job, vendorAgain),
      countViolations: countContractViolations,
      nowMs: () => performance.now(),
      random: Math.random,
      observer: { onDrop: (r, op) => late.metrics?.recordDrop(r, op), onSample: (op, o, ms) => late.metrics?.recordSample(op, o, ms), onNoiseSample: (op) => late.metrics?.recordNoiseSample(op) },
    },
    settings.executor,
  );
  const states = inputs.syncApplied === undefined ? undefined : new StateComparer(executor, { readVendor: (call) => fetchVendorAgain({ call }, vendorAgain), nowMs });
  if (states !== undefined) inputs.syncApplied?.(compareWhenApplied(states));
  const metrics = createShadowMetrics({ registry: inputs.registry, operations: listOperations().map((o) => o.operationId.toLowerCase()), load: () => ({ ...executor.load(), backingOff: executor.backingOff() }) });
  const parityStore = new SqlParityStore(inputs.store.sql);
  const stateStore = new SqlMigrationStateStore(inputs.store.sql);
  const controller = new MigrationController(
    {
      policy: inputs.policy,
      store: stateStore,
      window: (op) => executor.parity.window(op),
      resetWindow: (op) => executor.parity.resetWindow(op),
      isReadOnly: isReadOnlyOperation,
      isStateCompared: (op) => states !== undefined && isStateCompared(op),
      nowMs,
      ...(inputs.retirementBlockers === undefined ? {} : { retirementBlockers: inputs.retirementBlockers }),
      onTransition: (t) => {
        late.metrics?.recordTransition(t);
        late.metrics?.setStage(t.operation, t.to.stage, t.to.percent);
        logger.warn({ event: 'migration_transition', operation: t.operation, from: t.from, to: t.to, cause: t.cause, reason: t.reason, actor: t.actor, policyVersion: t.policyVersion }, 'migration transition');
      },
    },
    settings.gates,
    config.shadow.migrationShadowPercent,
  );
  late.metrics = metrics;
  await controller.load();
  for (const state of controller.list()) metrics.setStage(state.operation, state.stage, state.percent);
  const reader = createShadowReader({ executor, controller, parityStore, stateStore, gates: settings.gates, shadowPercent: config.shadow.migrationShadowPercent, rulesVersion: engine.rulesVersion, statesCompared: states !== undefined });
  const flush = async (): Promise<void> => {
    const deltas = executor.parity.takeDeltas();
    if (deltas.length === 0) return;
    await parityStore.addCounts(deltas);
    for (const o of await reader.overview()) late.metrics?.setParity(o.report, o.topFields.length);
  };
  const flushTimer = setInterval(() => void flush().catch((error: unknown) => logger.warn({ event: 'parity_flush_failed', error: String(error) }, 'parity flush failed')), config.shadow.flushIntervalMs);
  const tick = (): Promise<GateVerdict[]> => controller.tick();
  const gateTimer = setInterval(() => void tick().catch((error: unknown) => logger.warn({ event: 'gate_round_failed', error: String(error) }, 'promotion gate round failed')), config.shadow.gates.intervalSeconds * 1000);
  flushTimer.unref();
  gateTimer.unref();
  const watching = states === undefined ? {} : { watchWrite: (write: ShadowedWrite) => watchShadowedWrite(states, candidateEnv, write) };
  const executed = createExecutedShadow({ executor, isReadOnly: isReadOnlyOperation, regionOf: (facts) => regionOfFacts(inputs.policy, facts), ...watching });
  const known = new Set(listOperations().map((o) => o.operationId.toLowerCase()));
  return {
    tap: createShadowTap({ executor, isReadOnly: isReadOnlyOperation, regionOf: (req) => regionOfRequest(inputs.policy, req), bodyCapBytes: config.shadow.bodyCapBytes, ...watching }),
    withGateway: (gateway) => withShadowGateway(gateway, { executor, executed, known: (op) => known.has(op) }),
    adminRoutes: createAdminShadowRoutes({ reader, controller, flush }),
    publicAdminPages: servePublicAdminPages,
    executor,
    controller,
    reader,
    ...(states === undefined ? {} : { states }),
    flush,
    tick,
    close: async () => {
      clearInterval(flushTimer);
      clearInterval(gateTimer);
      await Promise.race([executor.idle(), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await flush().catch(() => undefined);
      await vendorAgain.close();
    },
  };
}
