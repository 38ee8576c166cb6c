/**
 * The store's narrow ports (style.md practice 7): each names only what its caller needs, and every
 * implementation passes the conformance suite in test/integration/store-conformance.ts. Plain types
 * only (no driver types), so they can move to src/core unchanged if feature folders need them.
 */
import type { IdMapRow } from '../core/catalog';
import type { IdKind } from '../core/id-mapper';
import type { SqlClient } from './sql-client';

export type { IdMapRow } from '../core/catalog';

/** The kinds of object whose ids are mapped (vendor ↔ platform). */
export type { IdKind } from '../core/id-mapper';

/** Vendor ↔ platform ids (docs/architecture.md §4 "Identity and ids"). */
export interface IdMapStore {
  /** Bulk idempotent upsert of the catalogue export; returns rows inserted or changed. */
  load(rows: readonly IdMapRow[]): Promise<number>;
  toPlatform(kind: IdKind, vendorId: string): Promise<string | undefined>;
  toVendor(kind: IdKind, platformId: string): Promise<string | undefined>;
  /** The vendor id of a platform object, allocated (numeric, ≥ 9e9) on first sight; concurrency-safe. */
  allocateVendorId(kind: IdKind, platformId: string): Promise<string>;
  /** Every mapping (for warming caches; ~10k rows). */
  listAll(): Promise<IdMapRow[]>;
}

/** What a revocation check needs from a decoded KS. Times are epoch seconds. */
export interface RevocationCheck {
  readonly sessionId: string;
  readonly partnerId: number;
  readonly userId: string;
  /** The KS's creation time, epoch seconds. */
  readonly createdAt: number;
}

/** The shared revocation list (docs/architecture.md §4 "Sessions"); the database is the source of truth. */
export interface RevocationStore {
  /** Logout: this KS is revoked until it would have expired (`expiresAt`, epoch seconds). */
  revokeSession(sessionId: string, userId: string, expiresAt: number): Promise<void>;
  /** session.revoke: every KS of the user created strictly before `epochSec`. Never moves back. */
  revokeUserBefore(partnerId: number, userId: string, epochSec: number): Promise<void>;
  isRevoked(check: RevocationCheck): Promise<boolean>;
  /** Drops session revocations whose KS has expired anyway; returns how many. */
  purgeExpired(nowSec: number): Promise<number>;
}

/** One write to carry to the other side (docs/architecture.md §4 "Sync"). */
export interface OutboxEntry {
  /** e.g. bookmark, favorite, device, purchase, profile. */
  readonly entity: string;
  readonly entityKey: string;
  /** Partition key: sync work for a household has one writer at a time (docs/architecture.md §7). */
  readonly householdId?: string;
  /** e.g. upsert, delete. */
  readonly op: string;
  readonly payload: unknown;
  /** Where the write was captured; the sync never re-captures its own writes (echo suppression). */
  readonly origin: string;
  /** A second enqueue with the same key is a no-op. */
  readonly idempotencyKey: string;
  /** Not claimable before this instant (epoch ms); now when absent. */
  readonly availableAtMs?: number;
}

/** A row handed to a worker under lease. */
export interface ClaimedOutboxRow {
  readonly id: number;
  readonly entity: string;
  readonly entityKey: string;
  readonly householdId: string | null;
  readonly op: string;
  readonly payload: unknown;
  readonly origin: string;
  readonly idempotencyKey: string;
  /** Including this claim. */
  readonly attempts: number;
  readonly leaseOwner: string;
  readonly leaseUntilMs: number;
  readonly lastError: string | null;
  readonly createdAtMs: number;
}

export interface EnqueueResult {
  readonly enqueued: number;
  readonly duplicates: number;
}

/** What fail() did: scheduled a retry, moved the row to dead_letters, or found it no longer ours. */
export type FailOutcome = 'retry' | 'dead' | 'stale';

export interface OutboxStats {
  /** Open rows not under a live lease (including expired leases and future retries). */
  readonly pending: number;
  readonly leased: number;
  readonly dead: number;
  /** Creation time of the oldest open row (epoch ms): the sync lag. */
  readonly oldestOpenMs: number | null;
}

export interface DeadLetter {
  readonly id: number;
  readonly entity: string;
  readonly entityKey: string;
  readonly idempotencyKey: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly deadAtMs: number;
}

/** The outbox seam: enqueue / claim / complete / fail (style.md practice 7, graphile/worker model). */
export interface OutboxStore {
  /** Inserts new rows, skipping known idempotency keys; pass `tx` to commit with the captured write. */
  enqueue(entries: readonly OutboxEntry[], tx?: SqlClient): Promise<EnqueueResult>;
  /** Leases up to `limit` claimable rows (FOR UPDATE SKIP LOCKED); expired leases are claimable. */
  claimBatch(owner: string, limit: number, leaseMs: number): Promise<ClaimedOutboxRow[]>;
  /** Marks rows done; with `owner`, only rows still leased to it. Returns rows completed. */
  complete(ids: readonly number[], owner?: string): Promise<number>;
  /** Records a failure: retry at `retryAtMs` (epoch ms), or dead-letter once attempts reach the maximum. */
  fail(id: number, error: string, retryAtMs: number, owner?: string): Promise<FailOutcome>;
  stats(): Promise<OutboxStats>;
  listDeadLetters(limit: number): Promise<DeadLetter[]>;
  /** Deletes done rows completed before `beforeMs`; their keys stop deduplicating. */
  pruneCompleted(beforeMs: number): Promise<number>;
}

/** Named positions in external feeds (change feed, reconcile). */
export interface CursorStore {
  get(name: string): Promise<string | undefined>;
  /** Pass `tx` to advance the cursor atomically with the rows it produced. */
  set(name: string, cursor: string, tx?: SqlClient): Promise<void>;
}
