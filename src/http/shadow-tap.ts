/**
 * The shadow tap on the passthrough (docs/architecture.md §2 "shadow ─► answer from vendor, candidate from
 * platform async, diff"): when the policy shadows a call forwarded to the vendor, the answer the
 * device gets is copied (up to the body cap) and, once sent, handed to the shadow executor. The
 * device's answer is neither changed nor delayed; nothing here can fail the request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, type ZlibOptions } from 'node:zlib';
import type { GatewayAnswer } from '../gateway/facade-request-handler';
import type { AnswerInput } from '../shadow/diff-engine';
import type { ShadowExecutor } from '../shadow/shadow-executor';
import { captureResponse, type CapturedResponse } from './response-capture';
import { offerMultirequestSamples, readsOfWritingMultirequest, writeParams } from './shadow-multirequest';

type PassthroughAnswer = Extract<GatewayAnswer, { kind: 'passthrough' }>;

/** Called for every passthrough answer; does something only for shadowed, sampled reads. */
export type PassthroughShadowTap = (answer: PassthroughAnswer, req: IncomingMessage, res: ServerResponse, startedMs: number) => void;

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

/** Builds the tap the facade listener calls on passthrough answers. */
export function createShadowTap(options: ShadowTapOptions): PassthroughShadowTap {
  const { executor } = options;
  const watchWrite = (answer: PassthroughAnswer, index: number, operationId: string, req: IncomingMessage): boolean => {
    const params = writeParams(answer, index);
    return params !== undefined && options.watchWrite?.({ operationId, params, region: options.regionOf(req), apiBaseUrl: answer.parsed.kind === 'invalid' ? '' : answer.parsed.apiBaseUrl }) === true;
  };
  return (answer, req, res, startedMs) => {
    const chosen: number[] = [];
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
      if (!readOnly && watchWrite(answer, index, d.operationId, req)) return;
      executor.drop('write', d.operationId);
    });
    if (chosen.length === 0 || answer.parsed.kind === 'invalid') return;
    const refused = executor.admits(0);
    if (refused !== undefined) return void chosen.forEach((i) => executor.drop(refused, answer.decisions[i]!.operationId));
    const { parsed } = answer;
    const region = options.regionOf(req);
    const captured = executor.trackCapture();
    // An answer that never finishes (the device went away) is never offered.
    res.once('close', () => {
      if (!res.writableFinished) captured();
    });
    captureResponse(res, options.bodyCapBytes, (response) => {
      const primaryMs = performance.now() - startedMs;
      const dropAll = (reason: 'too-large' | 'unsupported'): void => chosen.forEach((i) => executor.drop(reason, answer.decisions[i]!.operationId));
      if (response.tooLarge) return void (dropAll('too-large'), captured());
      liftPrimary(response, options.bodyCapBytes).then((primary) => {
        if (parsed.kind === 'multi') {
          if (typeof primary.input !== 'string') return dropAll('unsupported');
          return offerMultirequestSamples(executor, { split: parsed.split, decisions: answer.decisions, chosen, body: primary.input, apiBaseUrl: parsed.apiBaseUrl, region, primaryMs });
        }
        const { operationId } = answer.decisions[0]!;
        const call = { service: parsed.call.service ?? '', action: parsed.call.action ?? '', params: parsed.call.params };
        executor.offer({ operationId, region, call, apiBaseUrl: parsed.apiBaseUrl, primary: primary.input, primaryBytes: primary.bytes, primaryMs });
      }, (error: unknown) => dropAll(error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'unsupported')).finally(captured);
    });
  };
}
