import type { IncomingMessage } from 'node:http';

/** `ok`: the body; `too-large`: over the limit (drained, not kept); `aborted`: the client went away. */
export type BodyReadResult = { readonly kind: 'ok'; readonly body: Buffer } | { readonly kind: 'too-large' } | { readonly kind: 'aborted' };

/**
 * Reads a request body up to `limitBytes`. Beyond the limit the rest is drained without being
 * buffered, so the client still gets an answer; beyond `limitBytes * 8` the connection is cut.
 */
export function readRequestBody(req: IncomingMessage, limitBytes: number): Promise<BodyReadResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyReadResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
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
    req.on('end', () => settle(size > limitBytes ? { kind: 'too-large' } : { kind: 'ok', body: Buffer.concat(chunks) }));
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => {
      if (!req.complete) settle({ kind: 'aborted' });
    });
  });
}
