/**
 * Wires session-end-hooks.ts: vendor-answered logouts and `session.revoke`s reach the shared
 * revocation list; its buffered forward also serves the sync's capture of passed-through writes.
 */
import type { UnderstudyConfig } from '../config/config-types';
import type { Clock } from '../core/clock';
import type { FacadeLogger } from '../metrics/logger';
import type { KsDecoder } from '../phoenix/ks-decoder';
import { toCallerSessionAt } from '../phoenix/ks-session';
import type { SessionPort } from '../translate/translator';
import { createCapturingPassthrough } from '../upstream/passthrough-capture';
import { createSessionEndHooks, type PassthroughAnswerReader, type SessionEndHooks } from './session-end-hooks';

export interface SessionEndDeps {
  readonly config: UnderstudyConfig;
  readonly vendorUrl: string;
  readonly clock: Clock;
  readonly decodeKs: KsDecoder;
  readonly sessions: SessionPort;
  readonly logger: FacadeLogger;
  readonly sync?: { readonly hooks: { readonly passthroughReader: PassthroughAnswerReader } };
}

/** The hooks, and the forwarder's close for shutdown. */
export function composeSessionEnds(deps: SessionEndDeps): SessionEndHooks & { close(): Promise<void> } {
  const passthrough = createCapturingPassthrough({ vendorUrl: deps.vendorUrl, timeoutMs: deps.config.vendor.timeoutMs });
  const nowSec = (): number => Math.floor(deps.clock.nowMs() / 1000);
  const hooks = createSessionEndHooks({
    sessions: deps.sessions,
    sessionOf: (ks) => {
      const session = toCallerSessionAt(ks, deps.decodeKs(ks), nowSec());
      return session.ok ? session.value : undefined;
    },
    nowSec,
    logger: deps.logger,
    passthrough,
    ...(deps.sync === undefined ? {} : { syncReader: deps.sync.hooks.passthroughReader }),
  });
  return { ...hooks, close: () => passthrough.close() };
}
