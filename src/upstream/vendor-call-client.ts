/**
 * One vendor call as plain data → VendorOutcome, for the sub-calls of a mixed multirequest that
 * route to the vendor (docs/architecture.md §2). The vendor answers every API call with HTTP 200 and the
 * outcome inside the envelope (brief §1.6, §2.2); anything else is an outage and rejects.
 */
import { Pool } from 'undici';
import { err, ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { classifyUpstreamError, UpstreamError } from './upstream-error';

export interface VendorCall {
  readonly service: string;
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface VendorCallClientOptions {
  /** The vendor base in front of `/api_v3`, e.g. `https://rest-us.ott.kaltura.com/v4_5`. */
  readonly vendorUrl: string;
  readonly timeoutMs: number;
  /** Keep-alive connections (default 64). */
  readonly connections?: number;
}

export interface VendorCallClient {
  /** Resolves the call's outcome; rejects with an UpstreamError when no envelope came back. */
  call(call: VendorCall): Promise<VendorOutcome>;
  /**
   * Several calls as one vendor multirequest with `abortOnError` (brief §3): run in order, nothing
   * after a failure; one outcome per call (an aborted slot carries the vendor's error). Each call
   * carries its own `ks` in its params.
   */
  callMany?(calls: readonly VendorCall[]): Promise<VendorOutcome[]>;
  close(): Promise<void>;
}

function scalarText(value: unknown, fallback: string): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}

/** Reads `{result}` of an envelope: `result.error` (or a bare exception) is the vendor's error. */
export function outcomeFromEnvelope(envelope: unknown): VendorOutcome | undefined {
  if (typeof envelope !== 'object' || envelope === null || !('result' in envelope)) return undefined;
  const result = envelope.result;
  if (typeof result !== 'object' || result === null) return ok(result);
  const record = result as Record<string, unknown>;
  const exception = record.objectType === 'KalturaAPIException' ? record : record.error;
  if (typeof exception !== 'object' || exception === null) return ok(result);
  const fields = exception as { code?: unknown; message?: unknown; args?: unknown };
  const args = Array.isArray(fields.args) ? (fields.args as { name?: unknown; value?: unknown }[]).map((a) => ({ name: scalarText(a.name, ''), value: scalarText(a.value, '') })) : undefined;
  return err({ code: scalarText(fields.code, '1'), message: scalarText(fields.message, ''), ...(args === undefined ? {} : { args }) });
}

/** Creates a pooled client; undici as in platform-http-client.ts (cheapest per request; the pool's own timeouts are the deadline). */
export function createVendorCallClient(options: VendorCallClientOptions): VendorCallClient {
  const url = new URL(options.vendorUrl);
  const prefix = url.pathname.replace(/\/+$/, '');
  const pool = new Pool(url.origin, { connections: options.connections ?? 64, keepAliveTimeout: 4_000, connectTimeout: options.timeoutMs, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  const post = async (path: string, body: unknown, what: string): Promise<unknown> => {
    const response = await pool.request({ method: 'POST', path: `${prefix}${path}`, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new UpstreamError('status', `vendor answered HTTP ${response.statusCode} to ${what}`);
    try {
      return JSON.parse(text);
    } catch {
      throw new UpstreamError('invalid', `vendor answer to ${what} is not JSON`);
    }
  };
  const send = async (call: VendorCall): Promise<VendorOutcome> => {
    const envelope = await post(`/api_v3/service/${encodeURIComponent(call.service)}/action/${encodeURIComponent(call.action)}`, call.params, `${call.service}.${call.action}`);
    const outcome = outcomeFromEnvelope(envelope);
    if (outcome === undefined) throw new UpstreamError('invalid', `vendor answer to ${call.service}.${call.action} has no result`);
    return outcome;
  };
  const sendMany = async (calls: readonly VendorCall[]): Promise<VendorOutcome[]> => {
    const body: Record<string, unknown> = { abortOnError: true };
    calls.forEach((call, i) => (body[String(i + 1)] = { service: call.service, action: call.action, ...call.params }));
    const envelope = await post('/api_v3/service/multirequest', body, `a multirequest of ${calls.length}`);
    const slots: unknown = (envelope as { result?: unknown }).result;
    if (!Array.isArray(slots) || slots.length !== calls.length) throw new UpstreamError('invalid', `vendor multirequest answer has no ${calls.length} slots`);
    return (slots as unknown[]).map((slot) => outcomeFromEnvelope({ result: slot })!);
  };
  const guarded = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      throw new UpstreamError(classifyUpstreamError(error), `vendor call ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    call: (call) => guarded(`${call.service}.${call.action}`, () => send(call)),
    callMany: (calls) => guarded('multirequest', () => sendMany(calls)),
    close: () => pool.close(),
  };
}
