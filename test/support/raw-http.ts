/** Raw-socket HTTP for tests that must send what fetch will not: bad framing, duplicate headers, silence. */
import { connect } from 'node:net';

export interface RawAnswer {
  /** Everything the server sent before it closed or the wait ended. */
  readonly text: string;
  /** Status code of the first answer, 0 when none arrived. */
  readonly status: number;
  /** True when the server closed the connection within the wait. */
  readonly closed: boolean;
  /** The body of the first answer (after the blank line). */
  readonly body: string;
}

/** Sends `payload` on a fresh connection and collects the answer until close or `waitMs`. */
export function sendRaw(baseUrl: string, payload: string | Buffer, waitMs = 2000): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      const at = text.indexOf('\r\n\r\n');
      resolve({ text, status: match === null ? 0 : Number(match[1]), closed, body: at < 0 ? '' : text.slice(at + 4) });
    };
    const socket = connect(Number(port), hostname, () => socket.write(payload));
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
  });
}

/** A request head (CRLF line ends) with a JSON body and a correct Content-Length. */
export function rawPost(path: string, body: string, extraHeaders: readonly string[] = [], host = '127.0.0.1'): string {
  const headers = [`POST ${path} HTTP/1.1`, `Host: ${host}`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close', ...extraHeaders];
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}
