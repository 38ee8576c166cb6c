/**
 * The facade edge's part of storage playback (issue 18, docs/media.md "Playback"): answers the
 * facade produced are rewritten before they are sent; passed-through playback calls go through the
 * buffered passthrough (under the vendor breaker, in the passthrough metrics). Both ask the same question per file — decided `storage` and verified in the
 * bucket? — and change only the URL fields. When the policy sends nobody to storage (no media
 * section, kill switches) nothing is parsed or buffered: one lookup and the pipe as before.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayAnswer } from '../gateway/facade-request-handler';
import { buildRoutingInput, type RequestFacts } from '../gateway/routing-input';
import type { KsDecoder } from '../phoenix/ks-decoder';
import { parseVendorApiRequest, type ParsedVendorApiRequest, type VendorApiRequest, type VendorApiResponse } from '../phoenix/vendor-api-handler';
import type { CompiledPolicy } from '../policy/compiled-policy';
import type { RoutingInput } from '../policy/decision';
import { decideMedia, mediaMayUseStorage, type MediaDecision } from '../policy/decide-media';
import { rewriteCdnUrl, rewritePlaybackEnvelope, type PlaybackRewrite, type StorageFallback } from '../media/rewrite-playback';
import type { BufferedPassthrough } from '../upstream/buffered-passthrough';

export interface MediaPlaybackOptions {
  readonly policy: () => CompiledPolicy;
  readonly decodeKs: KsDecoder;
  readonly verified: () => ReadonlyMap<number, string>;
  readonly cdnBaseUrl: string;
  readonly tokenSecret: string;
  readonly tokenTtlSeconds: number;
  /** Wall clock in ms: token expiries are the CDN's clock, not the lab clock. */
  readonly nowMs: () => number;
  readonly publicBaseUrl: () => string;
  readonly passthrough: BufferedPassthrough;
  readonly onDecision?: (decision: MediaDecision) => void;
  readonly onFallback?: (reason: StorageFallback) => void;
}

export interface MediaPlaybackHook {
  rewriteReply(request: VendorApiRequest, facts: RequestFacts, operation: string, reply: VendorApiResponse): VendorApiResponse;
  /** True when it took the passthrough over. */
  forward(req: IncomingMessage, res: ServerResponse, body: Buffer, answer: Extract<GatewayAnswer, { kind: 'passthrough' }>, facts: RequestFacts): boolean;
}

const playbackOperations = new Set(['assetfile.playmanifest', 'asset.getplaybackcontext', 'multirequest']);

function firstCall(parsed: ParsedVendorApiRequest): { params: Readonly<Record<string, unknown>>; shared: Readonly<Record<string, unknown>>; operationId: string } | undefined {
  const call = parsed.kind === 'single' ? parsed.call : parsed.kind === 'multi' ? parsed.split.subRequests[0] : undefined;
  if (call === undefined) return undefined;
  return { params: call.params, shared: parsed.kind === 'multi' ? parsed.split.shared : {}, operationId: `${(call.service ?? '').toLowerCase()}.${(call.action ?? '').toLowerCase()}` };
}

function wantsRequest(operation: string, parsed: ParsedVendorApiRequest): boolean {
  if (operation !== 'multirequest' || parsed.kind !== 'multi') return operation !== 'multirequest';
  return parsed.split.subRequests.some((c) => (c.action ?? '').toLowerCase() === 'getplaybackcontext');
}

/** Creates the hook. */
export function createMediaPlaybackHook(options: MediaPlaybackOptions): MediaPlaybackHook {
  const rewriteFor = (policy: CompiledPolicy, input: RoutingInput): PlaybackRewrite => ({
    verified: options.verified(),
    playsFromStorage: (fileId) => {
      const decision = decideMedia(policy, input, fileId);
      options.onDecision?.(decision);
      return decision.source === 'storage';
    },
    ...(options.onFallback === undefined ? {} : { onFallback: options.onFallback }),
    cdnBaseUrl: options.cdnBaseUrl,
    tokenSecret: options.tokenSecret,
    expiresAt: Math.floor(options.nowMs() / 1000) + options.tokenTtlSeconds,
    publicBaseUrl: options.publicBaseUrl(),
  });
  /** The rewrite for a request, or undefined when nothing can change. */
  const prepare = (operation: string, parsed: ParsedVendorApiRequest, facts: RequestFacts): { rw: PlaybackRewrite; fileId: number } | undefined => {
    const policy = options.policy();
    if (!playbackOperations.has(operation) || !mediaMayUseStorage(policy) || !wantsRequest(operation, parsed)) return undefined;
    const call = firstCall(parsed);
    if (call === undefined) return undefined;
    const input = buildRoutingInput(call.operationId, call.params, call.shared, facts, policy, options.decodeKs);
    return { rw: rewriteFor(policy, input), fileId: Number(call.params.assetFileId ?? NaN) };
  };
  const apply = (prepared: { rw: PlaybackRewrite; fileId: number }, status: number, location: string | undefined, text: string): { location?: string; text?: string } | undefined => {
    if (status === 302 && location !== undefined) {
      const next = Number.isSafeInteger(prepared.fileId) ? rewriteCdnUrl(location, prepared.fileId, prepared.rw) : undefined;
      return next === undefined ? undefined : { location: next };
    }
    const next = status === 200 && text !== '' ? rewritePlaybackEnvelope(text, prepared.rw) : undefined;
    return next === undefined ? undefined : { text: next };
  };
  return {
    rewriteReply(request, facts, operation, reply) {
      if (!playbackOperations.has(operation) || !mediaMayUseStorage(options.policy())) return reply;
      const prepared = prepare(operation, parseVendorApiRequest(request), facts);
      const change = prepared === undefined ? undefined : apply(prepared, reply.status, reply.headers.location, reply.body);
      if (change?.location !== undefined) return { ...reply, headers: { ...reply.headers, location: change.location } };
      return change?.text === undefined ? reply : { ...reply, body: change.text };
    },
    forward(req, res, body, answer, facts) {
      const prepared = prepare(answer.operation, answer.parsed, facts);
      if (prepared === undefined) return false;
      options.passthrough.forward(req, res, body, (got) => apply(prepared, got.status, got.location, got.text), answer.operation);
      return true;
    },
  };
}
