/**
 * The vendor CDN as the media copy reads it (docs/media.md): plain GETs, the catalogue's CDN host
 * mapped to an origin URL where configured (the lab maps `cdn.lab.understudy.test` to its vendor CDN
 * sim), bodies read with a byte cap so no manifest or segment can exhaust memory.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { MediaOrigin, Transfer } from '../media/media-ports';

export interface OriginClientOptions {
  /** Catalogue host → origin base URL. */
  readonly hosts: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

/** The URL actually fetched: the mapped origin when the host has one. */
export function mapOriginUrl(url: string, hosts: Readonly<Record<string, string>>): URL {
  const parsed = new URL(url);
  const mapped = hosts[parsed.host];
  if (mapped === undefined) return parsed;
  const base = new URL(mapped);
  return new URL(base.pathname.replace(/\/+$/, '') + parsed.pathname + parsed.search, base.origin);
}

function failure(reason: string, retryable: boolean): Transfer<never> {
  return { ok: false, failure: { reason, retryable } };
}

function readCapped(answer: IncomingMessage, maxBytes: number, resolve: (t: Transfer<Buffer>) => void): void {
  const declared = Number(answer.headers['content-length'] ?? -1);
  if (declared > maxBytes) {
    answer.destroy();
    return resolve(failure(`object of ${declared} bytes is over the ${maxBytes}-byte cap`, false));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  answer.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) {
      answer.destroy();
      return resolve(failure(`object is over the ${maxBytes}-byte cap`, false));
    }
    chunks.push(chunk);
  });
  answer.on('aborted', () => resolve(failure(`origin body truncated after ${size} bytes`, true)));
  answer.on('error', () => resolve(failure(`origin body truncated after ${size} bytes`, true)));
  answer.on('end', () => {
    if (declared >= 0 && size !== declared) return resolve(failure(`origin body truncated: ${size} of ${declared} bytes`, true));
    resolve({ ok: true, value: Buffer.concat(chunks) });
  });
}

/** Creates the origin reader. */
export function createMediaOriginClient(options: OriginClientOptions): MediaOrigin {
  return {
    read: (url, maxBytes) =>
      new Promise((resolve) => {
        let target: URL;
        try {
          target = mapOriginUrl(url, options.hosts);
        } catch {
          return resolve(failure(`not a URL: ${url.slice(0, 120)}`, false));
        }
        const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
        const req = send(target, { method: 'GET', timeout: options.timeoutMs }, (answer) => {
          const status = answer.statusCode ?? 0;
          if (status !== 200) {
            answer.resume();
            return resolve(failure(`origin answered ${status} for ${target.pathname}`, status >= 500));
          }
          readCapped(answer, maxBytes, resolve);
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', (e) => resolve(failure(`origin unreachable: ${e.message}`, true)));
        req.end();
      }),
  };
}
