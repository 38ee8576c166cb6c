/**
 * One reconcile cycle (docs/sync.md "Reconcile"): let in-flight changes land first (a change still
 * in the outbox is lag, not drift), then page both sides per household and entity, classify the
 * drift, and repair it by capturing changes that the workers carry like any other write.
 */
import type { SyncRegister } from './conflict-policies';
import { keyPurchaseRepair } from './purchase-reconcile';
import { classifyDrift, type DriftItem, type DriftKind } from './reconcile';
import type { SyncCapture } from './sync-capture';
import { linkReadItems, type SyncLinks } from './sync-links';
import type { HouseholdSource, SideReader, SyncQueue } from './sync-ports';
import type { SyncEntity, SyncSide } from './sync-types';

export interface ReconcileDeps {
  readonly households: HouseholdSource;
  readonly readers: Readonly<Record<SyncSide, SideReader>>;
  readonly queue: SyncQueue;
  readonly capture: SyncCapture;
  readonly entities: readonly SyncEntity[];
  /** Reads the change feed up to now and waits (bounded) for the outbox to empty. */
  readonly settle: () => Promise<void>;
  readonly nowMs: () => number;
  /** Side ids of list items: every personal list and reminder read is linked (a later delete by id is then carried). */
  readonly links?: SyncLinks;
}

export interface ReconcileOptions {
  /** False = report only. */
  readonly repair: boolean;
  /** After enqueueing repairs, wait this long at most for them to be applied. */
  readonly waitForRepairsMs: number;
}

/** The cycle's result (JSON for the admin API, rendered for the terminal by the CLI). */
export interface ReconcileReport {
  readonly startedAt: string;
  readonly durationMs: number;
  readonly households: number;
  /** The entities compared (in the order they were). */
  readonly entities: readonly SyncEntity[];
  readonly compared: number;
  readonly comparedByEntity: Readonly<Record<string, number>>;
  readonly drift: number;
  readonly byKind: Readonly<Record<DriftKind, number>>;
  readonly byEntity: Readonly<Record<string, number>>;
  /** Households × entities skipped because changes of theirs were still in flight. */
  readonly skippedInFlight: number;
  readonly repairsEnqueued: number;
  /** Repairs still open when the wait ended. */
  readonly repairsPending: number;
  /** The first 200 items. */
  readonly items: readonly Omit<DriftItem, 'repair'>[];
  readonly errors: readonly string[];
}

/** The registers of a household's keys, in one read. */
async function registersFor(queue: SyncQueue, entity: SyncEntity, keys: Iterable<string>): Promise<Map<string, SyncRegister>> {
  const read = await queue.readRegisters([...keys].map((key) => ({ entity, key })));
  return new Map([...read.values()].map((register) => [register.key, register]));
}

/** Households compared at once: each waits on both sides' round trips, not on CPU. */
const householdConcurrency = 8;

async function reconcileHousehold(deps: ReconcileDeps, householdId: string, entity: SyncEntity): Promise<{ drift: DriftItem[]; compared: number } | 'in-flight'> {
  if ((await deps.queue.openCount(entity, householdId)) > 0) return 'in-flight';
  const [vendor, platform] = await Promise.all([deps.readers.vendor.read(entity, householdId), deps.readers.platform.read(entity, householdId)]);
  if (deps.links !== undefined) for (const [side, snapshot] of [['vendor', vendor], ['platform', platform]] as const) await linkReadItems(deps.links, entity, side, snapshot.values());
  const keys = new Set([...vendor.keys(), ...platform.keys()]);
  const registers = await registersFor(deps.queue, entity, keys);
  return { drift: classifyDrift(entity, householdId, vendor, platform, registers).map(keyPurchaseRepair), compared: keys.size };
}

async function waitForEmptyOutbox(queue: SyncQueue, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let open = await queue.openCount();
  while (open > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    open = await queue.openCount();
  }
  return open;
}

/** Runs one cycle over every household. */
export async function runReconcileCycle(deps: ReconcileDeps, options: ReconcileOptions): Promise<ReconcileReport> {
  const started = deps.nowMs();
  const t0 = Date.now();
  await deps.settle();
  const households = await deps.households.listHouseholds();
  const found: DriftItem[] = [];
  const errors: string[] = [];
  let compared = 0;
  const comparedByEntity: Record<string, number> = Object.fromEntries(deps.entities.map((e) => [e, 0]));
  let skippedInFlight = 0;
  const perHousehold: DriftItem[][] = households.map(() => []);
  const compareOne = async (index: number): Promise<void> => {
    const householdId = households[index]!;
    for (const entity of deps.entities) {
      try {
        const outcome = await reconcileHousehold(deps, householdId, entity);
        if (outcome === 'in-flight') skippedInFlight += 1;
        else {
          compared += outcome.compared;
          comparedByEntity[entity] = (comparedByEntity[entity] ?? 0) + outcome.compared;
          perHousehold[index]!.push(...outcome.drift);
        }
      } catch (error) {
        if (errors.length < 20) errors.push(`${entity} of household ${householdId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(householdConcurrency, households.length) }, async () => {
    while (next < households.length) await compareOne(next++);
  }));
  found.push(...perHousehold.flat());
  const repairsEnqueued = options.repair && found.length > 0 ? await deps.capture.captureChanges(found.map((d) => d.repair), 'reconcile') : 0;
  const repairsPending = repairsEnqueued > 0 ? await waitForEmptyOutbox(deps.queue, options.waitForRepairsMs) : 0;
  const byKind: Record<DriftKind, number> = { missing: 0, extra: 0, different: 0 };
  const byEntity: Record<string, number> = {};
  for (const item of found) {
    byKind[item.kind] += 1;
    byEntity[item.entity] = (byEntity[item.entity] ?? 0) + 1;
  }
  return {
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - t0,
    households: households.length,
    entities: deps.entities,
    compared,
    comparedByEntity,
    drift: found.length,
    byKind,
    byEntity,
    skippedInFlight,
    repairsEnqueued,
    repairsPending,
    items: found.slice(0, 200).map(({ repair: _repair, ...item }) => item),
    errors,
  };
}

export { waitForEmptyOutbox };
