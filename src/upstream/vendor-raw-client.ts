/**
 * One vendor call answered as raw text (status, location, body), for shadow mode's noise baseline:
 * the same call sent to the vendor a second time must be compared byte-for-byte-equivalent with the
 * first answer, so nothing here interprets the envelope (vendor-call-client.ts does that).
 */
import { Pool } from 'undici';

export interface RawVendorAnswer {
  readonly status: number;
  readonly location?: string;
  readonly body: string;
}

export interface VendorRawClient {
  /** POSTs the call's parameters as JSON to `/api_v3/service/{service}/action/{action}`. */
  post(call: { readonly service: string; readonly action: string; readonly params: Readonly<Record<string, unknown>> }): Promise<RawVendorAnswer>;
  close(): Promise<void>;
}

/** Creates a small keep-alive pool to the vendor (shadow traffic is sampled and bounded). */
export function createVendorRawClient(options: { readonly vendorUrl: string; readonly timeoutMs: number; readonly connections?: number }): VendorRawClient {
  const url = new URL(options.vendorUrl);
  const prefix = url.pathname.replace(/\/+$/, '');
  const pool = new Pool(url.origin, { connections: options.connections ?? 8, keepAliveTimeout: 4_000, connectTimeout: options.timeoutMs, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  return {
    async post(call) {
      const response = await pool.request({
        method: 'POST',
        path: `${prefix}/api_v3/service/${encodeURIComponent(call.service)}/action/${encodeURIComponent(call.action)}`,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(call.params),
      });
      const body = await response.body.text();
      const location = response.headers.location;
      return { status: response.statusCode, body, ...(typeof location === 'string' ? { location } : {}) };
    },
    close: () => pool.close(),
  };
}
