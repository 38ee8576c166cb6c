/**
 * A small round-robin HTTP balancer for the two-site lab (design.md §7: "two facades and a
 * balancer"): each request goes to the next backend in turn over keep-alive connections; a backend
 * that refuses the connection gets the request's 502 and the next request goes elsewhere.
 */
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running balancer. */
export interface Balancer {
  readonly url: string;
  /** Requests sent to each backend so far, in backend order. */
  readonly counts: readonly number[];
  close(): Promise<void>;
}

function forward(req: IncomingMessage, res: ServerResponse, backend: URL, agent: Agent): void {
  const upstream = request({ host: backend.hostname, port: backend.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('backend unavailable');
  });
  req.pipe(upstream);
}

/** Starts a balancer on 127.0.0.1, port 0, in front of `backends` (base URLs). */
export async function startRoundRobinBalancer(backends: readonly string[]): Promise<Balancer> {
  const targets = backends.map((b) => new URL(b));
  const counts = targets.map(() => 0);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server = createServer((req, res) => {
    const index = next;
    next = (next + 1) % targets.length;
    counts[index]! += 1;
    forward(req, res, targets[index]!, agent);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
