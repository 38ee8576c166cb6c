/**
 * Header handling of the vendor passthrough (style.md "Traps": hop-by-hop headers). Hop-by-hop
 * headers describe one connection, not the message (RFC 9110 §7.6.1): they are dropped both ways,
 * together with any header the `Connection` header names.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

const hopByHop: ReadonlySet<string> = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'trailers', 'transfer-encoding', 'upgrade']);

/** The values nearly every request and answer carry: they list no header, so no tokens to split. */
const plainConnectionValues: ReadonlySet<string> = new Set(['keep-alive', 'close', 'Keep-Alive', 'Close', '']);

/** Lower-case names the `Connection` header lists (they become hop-by-hop for this message). */
function connectionTokens(value: string | string[] | undefined): ReadonlySet<string> | undefined {
  // Fast path (bench/README.md "Hot path, third pass"): the split/map/filter below allocated on every passthrough.
  if (value === undefined || (typeof value === 'string' && plainConnectionValues.has(value))) return undefined;
  const text = Array.isArray(value) ? value.join(',') : value;
  const tokens = text.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== '' && t !== 'close' && t !== 'keep-alive');
  return tokens.length === 0 ? undefined : new Set(tokens);
}

/** True when a (lower-case) header name must not cross this proxy. */
export function isHopByHopHeader(name: string, listed?: ReadonlySet<string>): boolean {
  return hopByHop.has(name) || name.startsWith('proxy-') || (listed !== undefined && listed.has(name));
}

/** Where the upstream request goes and what the client side looked like. */
export interface ForwardTarget {
  /** `host[:port]` of the upstream, sent as `Host`. */
  readonly upstreamHost: string;
  readonly bodyLength: number;
}

function clientProto(req: IncomingMessage): string {
  return (req.socket as { encrypted?: boolean }).encrypted === true ? 'https' : 'http';
}

/**
 * Headers for the upstream request: the client's end-to-end headers, `Host` = the upstream,
 * `Content-Length` = the already-read body, `X-Forwarded-For` appended with the client address,
 * `X-Forwarded-Proto`/`-Host` set from what this hop saw (a client cannot forge them).
 */
export function buildUpstreamHeaders(req: IncomingMessage, target: ForwardTarget): Record<string, string | string[]> {
  const incoming: IncomingHttpHeaders = req.headers;
  const listed = connectionTokens(incoming.connection);
  const headers: Record<string, string | string[]> = {};
  for (const name of Object.keys(incoming)) {
    const value = incoming[name];
    // `expect` is answered by this hop: the body is already in hand (facade reads it first).
    if (value === undefined || isHopByHopHeader(name, listed) || name === 'host' || name === 'content-length' || name === 'expect') continue;
    headers[name] = value;
  }
  headers.host = target.upstreamHost;
  const method = req.method ?? 'GET';
  const hadBody = incoming['content-length'] !== undefined || incoming['transfer-encoding'] !== undefined;
  if (target.bodyLength > 0 || hadBody || (method !== 'GET' && method !== 'HEAD')) headers['content-length'] = String(target.bodyLength);
  const address = req.socket.remoteAddress ?? '';
  const prior = incoming['x-forwarded-for'];
  headers['x-forwarded-for'] = prior === undefined || prior === '' ? address : `${Array.isArray(prior) ? prior.join(', ') : prior}, ${address}`;
  headers['x-forwarded-proto'] = clientProto(req);
  if (incoming.host !== undefined) headers['x-forwarded-host'] = incoming.host;
  return headers;
}

/**
 * The upstream answer's headers in raw form (case and order kept, repeats such as `Set-Cookie`
 * kept), minus hop-by-hop ones: the flat `[name, value, …]` list `writeHead` accepts.
 */
export function filterAnswerRawHeaders(rawHeaders: readonly string[]): string[] {
  // Each name lower-cased once (it was twice per answer header before, bench/README.md "Hot path, third pass").
  const names: string[] = [];
  let listed: Set<string> | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    names.push(name);
    if (name === 'connection') {
      for (const token of connectionTokens(rawHeaders[i + 1]) ?? []) (listed ??= new Set()).add(token);
    }
  }
  const kept: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (!isHopByHopHeader(names[i >> 1]!, listed)) kept.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  }
  return kept;
}

/** The same filter over a parsed header object (mutated in place; used by the http-proxy engine). */
export function stripHopByHopInPlace(headers: IncomingHttpHeaders): void {
  const listed = connectionTokens(headers.connection);
  for (const name of Object.keys(headers)) if (isHopByHopHeader(name, listed)) delete headers[name];
}
