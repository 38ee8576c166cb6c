/** Small helpers of the fault suite: timed vendor calls, waiting for a condition, raw slow clients. */
import { connect, type Socket } from 'node:net';
import { postVendorJson, type VendorHttpAnswer } from './vendor-http';

/** POSTs JSON and reports how long the answer took. */
export async function timedPost(baseUrl: string, path: string, body: unknown): Promise<VendorHttpAnswer & { ms: number }> {
  const started = performance.now();
  const answer = await postVendorJson(baseUrl, path, body);
  return { ...answer, ms: performance.now() - started };
}

/** Polls `check` every 50 ms until it holds or `ms` passes; true when it held. */
export async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/** Opens a connection and writes `text` one byte every `everyMs`; resolves with how long until the server closed it. */
export function trickle(baseUrl: string, text: string, everyMs: number, giveUpMs: number): Promise<{ closedAfterMs: number | undefined; received: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const started = performance.now();
    let received = '';
    let at = 0;
    const socket: Socket = connect(Number(port), hostname);
    const timer = setInterval(() => {
      if (at < text.length && !socket.destroyed) socket.write(text[at++]!);
    }, everyMs);
    const giveUp = setTimeout(() => finish(undefined), giveUpMs);
    const finish = (closedAfterMs: number | undefined): void => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ closedAfterMs, received });
    };
    socket.on('data', (c: Buffer) => (received += c.toString('latin1')));
    socket.on('close', () => finish(performance.now() - started));
    socket.on('error', () => undefined);
  });
}

/** Attempts per request seen by an upstream for one operation (path or body naming it). */
export function attemptsFor(seen: readonly { path: string; body: string }[], service: string, action: string): number {
  const pattern = new RegExp(`service/${service}/action/${action}|"service":"${service}","action":"${action}"`, 'i');
  return seen.filter((s) => pattern.test(s.path) || pattern.test(s.body)).length;
}
