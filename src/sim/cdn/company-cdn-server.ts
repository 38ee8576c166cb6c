/**
 * The company CDN in the lab (issue 18): what `npm start` runs where no nginx is installed. It
 * verifies the same path token as deploy/nginx/media-cdn.conf (403 for a changed or expired token,
 * on the wall clock) and pulls the object from the bucket by plain path-style GET, as nginx does.
 */
import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkToken, parseTokenPath } from '../../media/cdn-token';

export interface CompanyCdnOptions {
  /** Bucket base URL, path style: `http://127.0.0.1:4300/media`. */
  readonly bucketUrl: string;
  readonly tokenSecret: string;
  readonly port?: number;
  /** Wall clock in ms (tests move it to prove expiry). */
  readonly nowMs?: () => number;
}

export interface CompanyCdn {
  readonly url: string;
  close(): Promise<void>;
}

function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 403 ? 'forbidden' : 'not found');
}

function pull(req: IncomingMessage, res: ServerResponse, target: URL): void {
  const upstream = httpRequest(target, { method: req.method === 'HEAD' ? 'HEAD' : 'GET' }, (answer) => {
    const status = answer.statusCode ?? 502;
    if (status !== 200) {
      answer.resume();
      return refuse(res, status === 404 || status === 403 ? 404 : 502);
    }
    res.writeHead(200, { 'content-length': answer.headers['content-length'] ?? '', 'content-type': answer.headers['content-type'] ?? 'application/octet-stream' });
    answer.pipe(res);
  });
  upstream.on('error', () => refuse(res, 502));
  upstream.end();
}

/** Starts the in-process CDN on 127.0.0.1. */
export async function startCompanyCdn(options: CompanyCdnOptions): Promise<CompanyCdn> {
  const now = options.nowMs ?? Date.now;
  const base = options.bucketUrl.replace(/\/+$/, '');
  const server = createServer((req, res) => {
    res.on('error', () => undefined);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 403);
    const parsed = parseTokenPath((req.url ?? '/').split('?', 1)[0]!);
    if (parsed === undefined || checkToken(parsed, Math.floor(now() / 1000), options.tokenSecret) !== undefined) return refuse(res, 403);
    pull(req, res, new URL(`${base}/${parsed.folder}${parsed.name}`));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
