/**
 * Reads shadow state for the admin API and dashboard: parity totals from the store (every
 * instance's samples), migration states and gates from the controller, drops from the executor.
 */
import { isReadOnlyOperation } from '../phoenix/read-only-operations';
import { isStateCompared, stateComparedWrites } from '../shadow/state-reads';
import type { MigrationController } from '../shadow/migration-controller';
import { buildOverview, describeTransition, overviewOf, type OperationOverview, type OverviewInputs } from '../shadow/parity-overview';
import { readGates, type GateSettings } from '../shadow/promotion-gates';
import type { ShadowExecutor } from '../shadow/shadow-executor';
import type { MigrationStateStore } from '../store/migration-state-store';
import type { ParityStore } from '../store/parity-store';

export interface ShadowReaderInputs {
  readonly executor: ShadowExecutor;
  readonly controller: MigrationController;
  readonly parityStore: ParityStore;
  readonly stateStore: MigrationStateStore;
  readonly gates: GateSettings;
  readonly shadowPercent: number;
  readonly rulesVersion: string;
  /** True when the sync runs, so writes with a state read are compared by state (docs/shadow.md). */
  readonly statesCompared?: boolean;
}

export interface ShadowReader {
  overview(): Promise<OperationOverview[]>;
  /** The whole parity answer: shared facts plus every operation. */
  parity(): Promise<Record<string, unknown>>;
  /** One operation in detail: per-region reports, clusters with samples, transitions. */
  operation(operation: string): Promise<Record<string, unknown>>;
}

/** What the parity answer says about writes: excluded, or compared by state after the sync. */
function describeWrites(byState: boolean): Record<string, unknown> {
  if (!byState) return { writes: 'writes are never shadowed to a live backend; they are excluded and counted as dropped "write" (the sync is off, so none is compared by state)' };
  const listed = Object.keys(stateComparedWrites).join(', ');
  return {
    writes: `writes are never shadowed to a live backend; ${listed} are compared by state: once the sync applied the write to the platform, its entity is read on both sides and counted under the write operation (compared: "state"); other writes are excluded and counted as dropped "write"`,
    stateReads: stateComparedWrites,
  };
}

/** Creates the reader. */
export function createShadowReader(inputs: ShadowReaderInputs): ShadowReader {
  const { executor, controller } = inputs;
  const overviewInputs = (counts: OverviewInputs['counts']): OverviewInputs => ({
    counts,
    states: controller.list(),
    stateOf: (op) => controller.stateOf(op),
    dropsOf: (op) => executor.dropCounts(op),
    gatesOf: (op) => readGates(executor.parity.window(op), inputs.gates),
    verdictOf: (op) => controller.lastVerdict(op),
    readOnly: isReadOnlyOperation,
    stateCompared: (op) => inputs.statesCompared === true && isStateCompared(op),
    shadowPercent: inputs.shadowPercent,
    thresholds: inputs.gates.thresholds,
  });
  const shared = (): Record<string, unknown> => ({
    rulesVersion: inputs.rulesVersion,
    queue: executor.load(),
    backingOff: executor.backingOff(),
    dropped: executor.dropCounts(),
    ...describeWrites(inputs.statesCompared === true),
    gates: { ...inputs.gates },
  });
  const overview = async (): Promise<OperationOverview[]> => buildOverview(overviewInputs(await inputs.parityStore.readCounts()));
  return {
    overview,
    parity: async () => ({ ...shared(), operations: await overview() }),
    operation: async (operation) => {
      const counts = await inputs.parityStore.readCounts({ operation, withSamples: true });
      const detail = overviewOf(operation, overviewInputs(counts));
      const regions = counts.map((c) => ({ region: c.region, samples: c.samples }));
      const transitions = (await inputs.stateStore.listTransitions(operation, 50)).map(describeTransition);
      return { ...shared(), ...detail, regions, transitions };
    },
  };
}
