/**
 * The per-entity sync switch (docs/sync.md "Switching off"): rows in the store so every instance
 * agrees, cached here and re-read every second. Off stops capture for the entity at once, then
 * waits for the outbox to drain and reports what it drained and what is left.
 */
import type { SqlSyncAdminStore } from '../store/sync-admin-store';
import type { SyncQueue } from '../sync/sync-ports';
import { syncEntities, type SyncEntity } from '../sync/sync-types';

/** What switching reports. */
export interface SwitchReport {
  readonly entities: readonly SyncEntity[];
  readonly enabled: boolean;
  /** Open rows when the switch flipped. */
  readonly pendingBefore: number;
  /** Rows applied while waiting (off) — the drain. */
  readonly drained: number;
  /** Rows still open when the wait ended (dead letters are not counted: they wait for an operator). */
  readonly left: number;
  readonly waitedMs: number;
}

export interface SyncSwitches {
  isEnabled(entity: SyncEntity): boolean;
  anyEnabled(): boolean;
  refresh(): Promise<void>;
  set(entity: SyncEntity | undefined, enabled: boolean, drainTimeoutMs: number): Promise<SwitchReport>;
  snapshot(): Readonly<Record<SyncEntity, boolean>>;
}

async function openRows(queue: SyncQueue, entities: readonly SyncEntity[]): Promise<number> {
  let total = 0;
  for (const entity of entities) total += await queue.openCount(entity);
  return total;
}

/** Creates the cached switch; `onChange` runs after every flip (wakes the workers and the feed). */
export function createSyncSwitches(admin: SqlSyncAdminStore, queue: SyncQueue, onChange: () => void): SyncSwitches {
  const state = new Map<SyncEntity, boolean>(syncEntities.map((e) => [e, true]));
  const refresh = async (): Promise<void> => {
    const rows = await admin.readSwitches();
    for (const entity of syncEntities) state.set(entity, rows.get(entity) ?? true);
  };
  return {
    isEnabled: (entity) => state.get(entity) ?? true,
    anyEnabled: () => [...state.values()].some(Boolean),
    refresh,
    async set(entity, enabled, drainTimeoutMs) {
      const entities = entity === undefined ? [...syncEntities] : [entity];
      await admin.setSwitch(entities, enabled);
      for (const e of entities) state.set(e, enabled);
      onChange();
      const started = Date.now();
      const pendingBefore = await openRows(queue, entities);
      let left = pendingBefore;
      // Off drains: the workers keep applying what was captured before the switch.
      while (!enabled && left > 0 && Date.now() - started < drainTimeoutMs) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        left = await openRows(queue, entities);
      }
      return { entities, enabled, pendingBefore, drained: Math.max(0, pendingBefore - left), left, waitedMs: Date.now() - started };
    },
    snapshot: () => Object.fromEntries(syncEntities.map((e) => [e, state.get(e) ?? true])) as Record<SyncEntity, boolean>,
  };
}
