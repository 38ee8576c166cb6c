/**
 * The narrow ports the sync works through (style.md practice 7): a queue over the store's outbox,
 * one applier per side, readers for reconcile. Implementations live in src/store and src/upstream.
 */
import type { SyncRegister } from './conflict-policies';
import type { CaptureOrigin, SyncChange, SyncEntity, SyncSide } from './sync-types';

/** A change waiting in the outbox, as a worker holds it under lease. */
export interface QueuedChange {
  readonly id: number;
  readonly attempts: number;
  readonly createdAtMs: number;
  readonly origin: string;
  /** Undefined when the row does not decode (dead-lettered at once). */
  readonly change: SyncChange | undefined;
}

/** The outbox and the conflict registers. */
export interface SyncQueue {
  /** Commits changes to the outbox (a known change is a no-op); returns how many were new. */
  enqueue(changes: readonly SyncChange[], origin: CaptureOrigin): Promise<number>;
  /**
   * enqueue() for several callers in one statement (group commit, group-commit.ts); resolves each
   * group's count of new rows, in order. A key repeated across groups counts for the first.
   */
  enqueueGroups?(groups: readonly EnqueueGroup[]): Promise<number[]>;
  /** Leases up to `limit` rows, at most one per (entity, household): per-key order. */
  claim(owner: string, limit: number, leaseMs: number): Promise<QueuedChange[]>;
  /** Marks a row done and, in the same transaction, records the key's new winner. False when the lease was lost. */
  complete(id: number, owner: string, register?: SyncRegister): Promise<boolean>;
  /** complete() for a batch in one transaction; resolves the ids it completed (rows whose lease was lost are left out). */
  completeMany(owner: string, done: readonly { readonly id: number; readonly register?: SyncRegister }[]): Promise<Set<number>>;
  /** Extends the lease of rows still held by `owner` (a batch outliving its lease is not reclaimed under it); resolves how many it still holds. */
  renew(ids: readonly number[], owner: string, leaseMs: number): Promise<number>;
  /** Gives leased rows back without counting the attempt (rows queued behind a failed row of their household). */
  release(ids: readonly number[], owner: string): Promise<void>;
  /** Schedules a retry, or dead-letters the row once it has used its attempts. */
  fail(id: number, error: string, retryAtMs: number, owner: string): Promise<'retry' | 'dead' | 'stale'>;
  readRegister(entity: SyncEntity, key: string): Promise<SyncRegister | undefined>;
  /** The registers of several keys in one read (absent keys are absent from the map, keyed `entity key`). */
  readRegisters(keys: readonly { readonly entity: SyncEntity; readonly key: string }[]): Promise<Map<string, SyncRegister>>;
  /** Open (not done) rows, per entity; with `householdId`, only that household's. */
  openCount(entity?: SyncEntity, householdId?: string): Promise<number>;
}

/** One caller's changes for enqueueGroups. */
export interface EnqueueGroup {
  readonly changes: readonly SyncChange[];
  readonly origin: CaptureOrigin;
}

export type ApplyOutcome = { readonly kind: 'applied' } | { readonly kind: 'failed'; readonly retryable: boolean; readonly error: string };

/** Writes a change to one side, idempotently (idempotency keys, or check-then-write). */
export interface SideApplier {
  apply(change: SyncChange): Promise<ApplyOutcome>;
  /**
   * Several changes in order in one call, where the side has one (the vendor's multirequest); after
   * the first failure nothing later is written. Resolves an outcome per change up to and including the first failure.
   */
  applyMany?(changes: readonly SyncChange[]): Promise<ApplyOutcome[]>;
}

/** What a side holds for one household and entity: key → comparable value (vendor vocabulary). */
export type SideSnapshot = ReadonlyMap<string, SideRecord>;

/** One record as reconcile compares it; `value` holds the fields both sides keep. */
export interface SideRecord {
  readonly key: string;
  readonly userId?: string;
  readonly value: Readonly<Record<string, unknown>>;
  /** When the side last wrote it (epoch ms), if it says. */
  readonly atMs?: number;
  /** How a repair removes it from the side holding it, where that is not a plain delete of `value` (a scheduled recording is cancelled). */
  readonly removeAs?: { readonly op: 'upsert' | 'delete'; readonly value: Readonly<Record<string, unknown>> };
}

/** Pages one side for reconcile. */
export interface SideReader {
  read(entity: SyncEntity, householdId: string): Promise<SideSnapshot>;
}

/** Every household reconcile walks (vendor ids). */
export interface HouseholdSource {
  listHouseholds(): Promise<readonly string[]>;
}

/** What the sync reports as it works (metrics and the admin status). */
export interface SyncEvents {
  captured(entity: SyncEntity, origin: CaptureOrigin, count: number): void;
  applied(entity: SyncEntity, lagMs: number): void;
  conflict(entity: SyncEntity): void;
  skipped(entity: SyncEntity, reason: 'duplicate' | 'superseded'): void;
  failed(entity: SyncEntity, outcome: 'retry' | 'dead' | 'stale'): void;
  echoDropped(entity: SyncEntity | 'other'): void;
}

/** The side a snapshot came from, with it (reconcile input). */
export type SideSnapshots = Readonly<Record<SyncSide, SideSnapshot>>;
