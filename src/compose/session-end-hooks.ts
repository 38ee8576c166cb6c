/**
 * A logout or `session.revoke` the vendor answered — passed through whole, or a vendor-routed
 * sub-call of a multirequest the facade runs — ends the session in the facade's shared revocation
 * list too (docs/architecture.md "Sessions"). Without this a KS the vendor logged out would still
 * be served by the facade for every operation routed to the platform, on every instance.
 * Revocations are written before the device gets the vendor's answer (the bytes stay untouched),
 * like the sync's capture; a failed write is logged and the answer still goes out.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallerSession } from '../core/caller-session';
import type { GatewayAnswer } from '../gateway/facade-request-handler';
import type { GatewayCapture } from '../gateway/sync-capture-hook';
import type { FacadeLogger } from '../metrics/logger';
import { operationIdOf, readVendorAnswer, type FacadeWrite, type NamedCall } from '../sync/facade-writes';
import type { SessionPort } from '../translate/translator';
import type { CapturingPassthrough } from '../upstream/passthrough-capture';

type PassthroughAnswer = Extract<GatewayAnswer, { kind: 'passthrough' }>;

/** A hook that may take over forwarding a passthrough request (true = it answers the device). */
export type PassthroughHook = (req: IncomingMessage, res: ServerResponse, body: Buffer, answer: PassthroughAnswer) => boolean;

/** What a passthrough hook that reads the vendor's answer offers to share one forward. */
export interface PassthroughAnswerReader {
  wants(answer: PassthroughAnswer): boolean;
  /** Called with the vendor answer's text before it is sent; never rejects. */
  read(answer: PassthroughAnswer, answerText: string): Promise<void>;
}

const endingOperations: Readonly<Record<string, 'end' | 'revokeUser'>> = { 'ottuser.logout': 'end', 'session.revoke': 'revokeUser' };

export interface SessionEndOptions {
  readonly sessions: Pick<SessionPort, 'end' | 'revokeUser'>;
  /** A valid, unexpired session for a KS, or undefined. */
  readonly sessionOf: (ks: string) => CallerSession | undefined;
  readonly nowSec: () => number;
  readonly logger: FacadeLogger;
  /** The buffered passthrough that hands over the answer's text: the one forward for session ends and the sync. */
  readonly passthrough: CapturingPassthrough;
  /** The sync's passthrough reader, when the sync runs. */
  readonly syncReader?: PassthroughAnswerReader;
}

export interface SessionEndHooks {
  readonly passthrough: PassthroughHook;
  /** Wraps the sync's gateway capture (or none) so vendor-answered session ends are written too. */
  readonly gateway: (inner: GatewayCapture | undefined) => GatewayCapture;
}

function hasSessionEnd(calls: readonly NamedCall[]): boolean {
  return calls.some((call) => endingOperations[operationIdOf(call)] !== undefined);
}

/** Builds the hooks. */
export function createSessionEndHooks(options: SessionEndOptions): SessionEndHooks {
  const endOne = async (operationId: string, ks: unknown): Promise<void> => {
    const how = endingOperations[operationId];
    const session = how !== undefined && typeof ks === 'string' ? options.sessionOf(ks) : undefined;
    if (how === undefined || session === undefined) return;
    try {
      await (how === 'end' ? options.sessions.end(session) : options.sessions.revokeUser(session, options.nowSec()));
    } catch (error) {
      options.logger.error({ event: 'session_end_not_stored', operation: operationId, error: error instanceof Error ? error.message : String(error) }, 'vendor ended a session; the revocation list did not take it');
    }
  };
  const endAnswered = async (answer: PassthroughAnswer, text: string): Promise<void> => {
    const outcomes = readVendorAnswer(text, answer.calls.length, answer.multi);
    if (outcomes === undefined) return;
    const ends = answer.calls.filter((_, index) => outcomes[index]?.ok === true);
    await Promise.all(ends.map((call) => endOne(operationIdOf(call), call.params.ks)));
  };
  return {
    passthrough: (req, res, body, answer) => {
      const ends = hasSessionEnd(answer.calls);
      const sync = options.syncReader?.wants(answer) === true ? options.syncReader : undefined;
      if (!ends && sync === undefined) return false;
      options.passthrough.forward(req, res, body, async (text) => {
        const reads = sync === undefined ? [] : [sync.read(answer, text)];
        await Promise.all(ends ? [endAnswered(answer, text), ...reads] : reads);
      });
      return true;
    },
    gateway: (inner) => ({
      wants: (operationId) => endingOperations[operationId] !== undefined || inner?.wants(operationId) === true,
      commit: async (writes: readonly FacadeWrite[]) => {
        const ends = writes.filter((w) => endingOperations[w.operationId] !== undefined);
        const rest = inner === undefined ? [] : writes.filter((w) => endingOperations[w.operationId] === undefined || inner.wants(w.operationId));
        const work = ends.filter((w) => w.side === 'vendor').map((w) => endOne(w.operationId, w.params.ks));
        if (inner !== undefined && rest.length > 0) work.push(inner.commit(rest));
        await Promise.all(work);
      },
    }),
  };
}
