/**
 * The sync's two hooks into the facade (docs/sync.md "Capture"): the gateway's executed writes,
 * and whole requests passed to the vendor that carry a write (read through, bytes untouched).
 * Both commit to the outbox before the device gets its answer; a commit that fails is counted and
 * logged and the device still gets the answer the upstream gave (reconcile repairs the gap).
 */
import type { KsDecoder } from '../phoenix/ks-decoder';
import { toCallerSessionAt } from '../phoenix/ks-session';
import type { GatewayCapture } from '../gateway/sync-capture-hook';
import type { FacadeLogger } from '../metrics/logger';
import type { SyncMetrics } from '../metrics/sync-metrics';
import type { CaptureCaller } from '../sync/capture-rules';
import { capturedOperations } from '../sync/capture-rules';
import { hasCapturedWrite, passthroughWrites, toCapturedCalls, type FacadeWrite } from '../sync/facade-writes';
import type { SyncCapture } from '../sync/sync-capture';
import type { SyncEntity } from '../sync/sync-types';
import type { PassthroughAnswerReader } from './session-end-hooks';

export interface FacadeHookOptions {
  readonly capture: SyncCapture;
  readonly isEnabled: (entity: SyncEntity) => boolean;
  readonly decodeKs: KsDecoder;
  readonly nowSec: () => number;
  readonly metrics: SyncMetrics;
  readonly logger: FacadeLogger;
}

export interface FacadeHooks {
  readonly gateway: GatewayCapture;
  /** Reads a passed-through request's writes from the vendor's answer; the forward is session-end-hooks.ts's, shared with session ends. */
  readonly passthroughReader: PassthroughAnswerReader;
}

/** Builds the hooks. */
export function createFacadeHooks(options: FacadeHookOptions): FacadeHooks {
  const callerOf = (ks: string): CaptureCaller | undefined => {
    const session = toCallerSessionAt(ks, options.decodeKs(ks), options.nowSec());
    if (!session.ok || session.value.type !== 'user') return undefined;
    return { userId: session.value.userId, householdId: session.value.householdId, udid: session.value.udid };
  };
  const commit = async (writes: readonly FacadeWrite[]): Promise<void> => {
    if (writes.length === 0) return;
    try {
      await options.capture.captureCalls(toCapturedCalls(writes, callerOf));
    } catch (error) {
      options.metrics.captureFailed();
      options.logger.error({ event: 'sync_capture_failed', error: error instanceof Error ? error.message : String(error) }, 'write answered but not captured');
    }
  };
  const wants = (operationId: string): boolean => {
    const entity = capturedOperations[operationId];
    return entity !== undefined && options.isEnabled(entity);
  };
  return {
    gateway: { wants, commit },
    passthroughReader: { wants: (answer) => hasCapturedWrite(answer.calls), read: (answer, text) => commit(passthroughWrites(answer.calls, text, answer.multi)) },
  };
}
