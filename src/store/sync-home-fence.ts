/**
 * The fencing token of home-site partitioning (design.md §7, docs/sync-home-site.md): right after a
 * claim, the epochs of the claimed households are read; rows of a household no longer homed here
 * (a handover landed between the claim's scan and now) are given back, the others remember the
 * epoch, and their completion is refused if the epoch moved meanwhile (COMPLETE_FENCED_SQL).
 */
import type { QueuedChange } from '../sync/sync-ports';
import type { SqlClient } from './sql-client';
import { HAND_OVER_SQL, MARK_LOST_SQL, READ_HOMES_SQL } from './sync-home-sql';

/** This site and every site households may be homed at. */
export interface HomeScope {
  readonly site: string;
  readonly sites: readonly string[];
  /** Rows not completed here: `moved` (given back after the claim), `refused` (the completion's fence). */
  readonly onFenced?: (reason: 'moved' | 'refused', count: number) => void;
}

/** A household's effective home. */
export interface HouseholdHome {
  readonly householdId: string;
  readonly homeSite: string;
  readonly epoch: number;
}

/** Epochs held per claimed row are bounded: a worker holds at most a few batches. */
const maxHeld = 100_000;

/** Epoch bookkeeping for one queue. */
export class HomeFence {
  private readonly held = new Map<number, number>();

  constructor(private readonly sql: SqlClient, readonly scope: HomeScope) {}

  /** Effective homes of households (default by hash when they have no row). */
  async readHomes(householdIds: readonly string[]): Promise<HouseholdHome[]> {
    if (householdIds.length === 0) return [];
    const { rows } = await this.sql.query<{ household_id: string; home_site: string; epoch: number }>(READ_HOMES_SQL, [[...new Set(householdIds)], this.scope.sites]);
    return rows.map((r) => ({ householdId: r.household_id, homeSite: r.home_site, epoch: Number(r.epoch) }));
  }

  /** Splits claimed rows into those still homed here (epoch remembered) and the ids to give back. */
  async hold(rows: readonly QueuedChange[]): Promise<{ held: QueuedChange[]; lost: number[] }> {
    const homes = new Map((await this.readHomes(rows.flatMap((r) => (r.change === undefined ? [] : [r.change.householdId])))).map((h) => [h.householdId, h]));
    if (this.held.size + rows.length > maxHeld) this.held.clear();
    const held: QueuedChange[] = [];
    const lost: number[] = [];
    for (const row of rows) {
      const home = row.change === undefined ? undefined : homes.get(row.change.householdId);
      if (row.change !== undefined && home?.homeSite !== this.scope.site) {
        lost.push(row.id);
        continue;
      }
      if (home !== undefined) this.held.set(row.id, home.epoch);
      held.push(row);
    }
    this.scope.onFenced?.('moved', lost.length);
    return { held, lost };
  }

  /** The epochs to complete `ids` under; an id without one (undecodable row) completes at epoch 0. */
  tokens(ids: readonly number[]): { ids: number[]; epochs: number[] } {
    return { ids: [...ids], epochs: ids.map((id) => this.held.get(id) ?? 0) };
  }

  forget(ids: readonly number[]): void {
    for (const id of ids) this.held.delete(id);
  }

  /** Hands every household homed at `from` to this site (epoch + 1) and marks `from` lost; resolves the households moved. */
  async handOver(from: string): Promise<{ households: number }> {
    return this.sql.transaction(async (tx) => {
      const moved = await tx.query(HAND_OVER_SQL, [from, this.scope.site, this.scope.sites]);
      await tx.query(MARK_LOST_SQL, [from, true, this.scope.site]);
      return { households: moved.rowCount };
    });
  }

  /** Marks a site back (households first seen from now on may be homed there again). */
  async markBack(site: string): Promise<void> {
    await this.sql.query(MARK_LOST_SQL, [site, false, this.scope.site]);
  }
}
