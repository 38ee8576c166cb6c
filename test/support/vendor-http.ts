/** Small fetch helpers for talking to a vendor-shaped target (vendor-sim now, the facade later). */
import { loadCatalog } from '../../src/sim/catalog/load-catalog';

export interface VendorHttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON body, or undefined when the body is not JSON (loosely typed: tests probe it). */
   
  readonly json: any;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Sends one request and reads the whole answer (redirects are not followed). */
export async function sendVendorRequest(baseUrl: string, path: string, init: { method?: string; body?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<VendorHttpAnswer> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.contentType !== undefined) headers['content-type'] = init.contentType;
  const response = await fetch(`${baseUrl}${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, body: init.body, redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseJson(text) };
}

/** POSTs a JSON body to `/api_v3/service/{service}/action/{action}` (or any path). */
export function postVendorJson(baseUrl: string, path: string, body: unknown): Promise<VendorHttpAnswer> {
  return sendVendorRequest(baseUrl, path, { method: 'POST', body: JSON.stringify(body), contentType: 'application/json' });
}

/** The lab partner id and demo accounts (fixtures/catalog/demo.json). */
export function labDemo(): { partnerId: number; accounts: readonly { username: string; password: string; household: number; userId: string }[] } {
  return loadCatalog().demo;
}

/** Logs a demo account in (or anonymously with `"anonymous"`) and returns its KS. */
export async function loginAs(baseUrl: string, who: string, udid?: string): Promise<string> {
  const demo = labDemo();
  if (who === 'anonymous') {
    const answer = await postVendorJson(baseUrl, '/api_v3/service/ottuser/action/anonymousLogin', { partnerId: demo.partnerId, ...(udid === undefined ? {} : { udid }) });
    return String(answer.json?.result?.ks);
  }
  const account = demo.accounts.find((a) => a.username === who);
  if (account === undefined) throw new Error(`no demo account ${who}`);
  const answer = await postVendorJson(baseUrl, '/api_v3/service/ottuser/action/login', { partnerId: demo.partnerId, username: account.username, password: account.password, ...(udid === undefined ? {} : { udid }) });
  const ks: unknown = answer.json?.result?.loginSession?.ks;
  if (typeof ks !== 'string') throw new Error(`login of ${who} failed: ${answer.text}`);
  return ks;
}

/** Per multirequest slot: the error code, or the objectType of a successful object result. */
export function slotSummary(result: unknown): string[] {
  if (!Array.isArray(result)) return [];
  return result.map((slot: unknown) => {
    const record = (typeof slot === 'object' && slot !== null ? slot : {}) as { error?: { code?: string }; objectType?: string };
    return record.error?.code ?? record.objectType ?? JSON.stringify(slot);
  });
}
