/**
 * The shadow tap on the passthrough (docs/architecture.md §2 "shadow ─► answer from vendor, candidate from
 * platform async, diff"): when the policy shadows a call forwarded to the vendor, the answer the
 * device gets is copied (up to the body cap) and, once sent, handed to the shadow executor. The
 * device's answer is neither changed nor delayed; nothing here can fail the request.
 */
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, type ZlibOptions } from 'node:zlib';
import type { GatewayAnswer } from '../gateway/facade-request-handler';
import type { AnswerInput } from '../shadow/diff-engine';
import type { ShadowExecutor } from '../shadow/shadow-executor';
import type { AnswerCopy } from '../upstream/passthrough-types';
import { collectAnswer, type CapturedResponse } from './response-capture';
import { offerMultirequestSamples, readsOfWritingMultirequest, writeParams } from './shadow-multirequest';
import { answerKeyedWrites } from '../shadow/state-reads';
import type { DropReason } from '../shadow/shadow-drops';

type PassthroughAnswer = Extract<GatewayAnswer, { kind: 'passthrough' }>;

/**
 * Called for every passthrough answer; does something only for shadowed, sampled reads and watched
 * writes: then it returns the copy the forwarder must feed with the answer it sends (handed to the
 * vendor passthrough, or fed by `copyResponse` for a forwarder that answers from a buffer).
 */
export type PassthroughShadowTap = (answer: PassthroughAnswer, req: IncomingMessage, startedMs: number) => AnswerCopy | undefined;

export interface ShadowTapOptions {
  readonly executor: ShadowExecutor;
  readonly isReadOnly: (operationId: string) => boolean;
  /** The call's region for parity counts ('' when unknown). */
  readonly regionOf: (req: IncomingMessage) => string;
  readonly bodyCapBytes: number;
  /**
   * Watches a shadowed write for a comparison by state once the sync applied it (docs/shadow.md
   * "Writes compared by state"); false when it cannot be (the write is then counted as `write`).
   */
  readonly watchWrite?: (write: ShadowedWrite) => boolean;
}

/** A write the policy shadows, as the device sent it (answered by the vendor alone). */
export interface ShadowedWrite {
  readonly operationId: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly region: string;
  readonly apiBaseUrl: string;
  /** The vendor's `result`, for a write whose sync key is in it (answerKeyedWrites). */
  readonly result?: unknown;
}

const decoders: Record<string, (input: Buffer, options: ZlibOptions) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/** The vendor's answer as the diff engine lifts it: a redirect's location, or the body text. */
async function liftPrimary(captured: CapturedResponse, capBytes: number): Promise<{ input: AnswerInput; bytes: number }> {
  if (captured.status >= 300 && captured.status < 400) return { input: { json: { redirect: captured.location ?? '' } }, bytes: (captured.location ?? '').length };
  const encoding = captured.contentEncoding?.trim().toLowerCase();
  const decode = encoding === undefined || encoding === 'identity' ? undefined : decoders[encoding];
  if (encoding !== undefined && encoding !== 'identity' && decode === undefined) throw new Error(`unsupported content-encoding ${encoding}`);
  const body = decode === undefined ? captured.body : await decode(captured.body, { maxOutputLength: capBytes });
  return { input: body.toString('utf8'), bytes: body.length };
}

/** The `result` of a single call's envelope text (undefined when it is not one). */
function resultOf(input: AnswerInput): unknown {
  if (typeof input !== 'string') return undefined;
  try {
    return (JSON.parse(input) as { result?: unknown } | null)?.result;
  } catch {
    return undefined;
  }
}

/** Builds the tap the facade listener calls on passthrough answers. */
export function createShadowTap(options: ShadowTapOptions): PassthroughShadowTap {
  const { executor } = options;
  const writeOf = (answer: PassthroughAnswer, index: number, operationId: string, req: IncomingMessage): ShadowedWrite | undefined => {
    const params = writeParams(answer, index);
    return params === undefined ? undefined : { operationId, params, region: options.regionOf(req), apiBaseUrl: answer.parsed.kind === 'invalid' ? '' : answer.parsed.apiBaseUrl };
  };
  const watch = (write: ShadowedWrite | undefined): boolean => write !== undefined && options.watchWrite?.(write) === true;
  return (answer, req, startedMs) => {
    const chosen: number[] = [];
    // A write whose sync key is in the vendor's answer (a purchase: its transaction id) is watched once answered.
    const keyed: ShadowedWrite[] = [];
    // A multirequest that writes changes state between its own slots: only reads that saw nothing
    // of its writes are compared (shadowable-reads rule, docs/shadow.md "Mixed multirequests").
    let allowed: boolean[] | undefined | null = null; // worked out for the first shadowed read only
    answer.decisions.forEach((d, index) => {
      if (!d.decision.shadow || !executor.sampled(d.decision.shadowPercent)) return;
      const readOnly = options.isReadOnly(d.operationId);
      if (readOnly && allowed === null) allowed = readsOfWritingMultirequest(answer, options.isReadOnly);
      if (readOnly && (allowed === undefined || allowed?.[index] === true)) return void chosen.push(index);
      // Writes are never shadowed to a live backend (docs/architecture.md §2): a write is compared by
      // state after the sync applied it, when it can be; otherwise excluded, and the report says so.
      const write = readOnly ? undefined : writeOf(answer, index, d.operationId, req);
      if (write !== undefined && answer.parsed.kind === 'single' && answerKeyedWrites.has(d.operationId) && options.watchWrite !== undefined) return void keyed.push(write);
      if (watch(write)) return;
      executor.drop('write', d.operationId);
    });
    if (answer.parsed.kind === 'invalid') return undefined;
    const refused = chosen.length === 0 ? undefined : executor.admits(0);
    if (refused !== undefined) chosen.splice(0).forEach((i) => executor.drop(refused, answer.decisions[i]!.operationId));
    if (chosen.length === 0 && keyed.length === 0) return undefined;
    const { parsed } = answer;
    const region = options.regionOf(req);
    const captured = executor.trackCapture();
    const dropAll = (reason: DropReason): void => {
      chosen.forEach((i) => executor.drop(reason, answer.decisions[i]!.operationId));
      keyed.forEach((write) => executor.drop(reason === 'unsupported' ? 'write' : reason, write.operationId));
    };
    // An answer the device did not get whole (it went away, or got an error envelope because the
    // vendor failed) is never offered: there is no vendor answer to compare.
    return collectAnswer(options.bodyCapBytes, (response) => {
      if (response === undefined) return captured();
      const primaryMs = performance.now() - startedMs;
      if (response.tooLarge) return void (dropAll('too-large'), captured());
      liftPrimary(response, options.bodyCapBytes).then((primary) => {
        for (const write of keyed) if (!watch({ ...write, result: resultOf(primary.input) })) executor.drop('write', write.operationId);
        if (chosen.length === 0) return;
        if (parsed.kind === 'multi') {
          if (typeof primary.input !== 'string') return chosen.forEach((i) => executor.drop('unsupported', answer.decisions[i]!.operationId));
          return offerMultirequestSamples(executor, { split: parsed.split, decisions: answer.decisions, chosen, body: primary.input, apiBaseUrl: parsed.apiBaseUrl, region, primaryMs });
        }
        const { operationId } = answer.decisions[0]!;
        const call = { service: parsed.call.service ?? '', action: parsed.call.action ?? '', params: parsed.call.params };
        executor.offer({ operationId, region, call, apiBaseUrl: parsed.apiBaseUrl, primary: primary.input, primaryBytes: primary.bytes, primaryMs });
      }, (error: unknown) => dropAll(error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'unsupported')).finally(captured);
    });
  };
}
