import type { IncomingMessage } from 'node:http';

/** `ok`: the raw body; `too_large`: over the limit (drained, not kept); `aborted`: the client went away. */
export type BodyRead = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'too_large' } | { readonly kind: 'aborted' };

/**
 * Reads a request body up to `limitBytes`; past the limit the rest is drained unbuffered so the
 * client still gets its 413, and past 8× the limit the connection is cut.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyRead): void => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limitBytes * 8) {
      req.socket.destroy();
      settle({ kind: 'aborted' });
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
      else if (size > limitBytes * 8) {
        req.socket.destroy();
        settle({ kind: 'aborted' });
      }
    });
    req.on('end', () => settle(size > limitBytes ? { kind: 'too_large' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => {
      if (!req.complete) settle({ kind: 'aborted' });
    });
  });
}
