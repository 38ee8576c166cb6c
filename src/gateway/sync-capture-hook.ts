import type { FacadeWrite } from '../sync/facade-writes';

/**
 * The sync's hook into the facade's call pipeline (docs/architecture.md §4 "Sync"): executed writes are
 * collected per request and committed to the outbox before the answer leaves.
 */
export interface GatewayCapture {
  /** True when the operation (lower-cased `service.action`) is a synced write. */
  wants(operationId: string): boolean;
  /** Commits the request's successful writes; resolves once they are durable, never rejects (a failure is counted and logged). */
  commit(writes: readonly FacadeWrite[]): Promise<void>;
}
