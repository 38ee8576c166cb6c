/**
 * A round-robin HTTP balancer that behaves like a production one during a rolling restart
 * (docs/operations.md "Drain"): it polls every backend's `/readyz` and sends requests only to those
 * answering 200 (and takes out at once a backend whose answer closes the connection, as a draining
 * facade's do), and a request whose connection is refused (nothing was delivered, so nothing can
 * have run) is sent to the next backend. Anything else that goes wrong reaches the client as a 502:
 * a request cut after it was sent is never replayed, as a balancer must not replay a write.
 */
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running balancer. */
export interface HealthCheckedBalancer {
  readonly url: string;
  /** Requests each backend answered (or failed), in backend order. */
  readonly counts: readonly number[];
  /** Requests sent to each backend and not yet answered, in backend order. */
  readonly inflight: readonly number[];
  /** Requests re-sent to another backend after a refused connection. */
  readonly retries: () => number;
  /** Requests answered 502 here (no backend, or cut after sending), by error code. */
  readonly failures: () => Readonly<Record<string, number>>;
  close(): Promise<void>;
}

export interface BalancerOptions {
  /** How often `/readyz` is polled (default 100 ms). */
  readonly checkEveryMs?: number;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** True for 200, false for anything else or a refused connection, undefined when the probe timed out (busy, not gone). */
function probe(backend: URL, agent: Agent): Promise<boolean | undefined> {
  return new Promise((resolve) => {
    const check = request({ host: backend.hostname, port: backend.port, path: '/readyz', agent, timeout: 2000 }, (answer) => {
      answer.resume();
      resolve(answer.statusCode === 200);
    });
    check.on('timeout', () => {
      resolve(undefined);
      check.destroy();
    });
    check.on('error', () => resolve(false));
    check.end();
  });
}

/** Starts a balancer on 127.0.0.1, port 0, in front of `backends` (base URLs). */
export async function startHealthCheckedBalancer(backends: readonly string[], options: BalancerOptions = {}): Promise<HealthCheckedBalancer> {
  const targets = backends.map((b) => new URL(b));
  const counts = targets.map(() => 0);
  const up = targets.map(() => true);
  const inflight = targets.map(() => 0);
  // Idle connections are dropped after 2 s, before the facade's own keep-alive timeout (5 s) could
  // close one just as a request is sent on it (a production balancer's upstream keep-alive setting).
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 2000, scheduling: 'lifo' });
  const probeAgent = new Agent({ keepAlive: false });
  let next = 0;
  let retries = 0;
  const failures: Record<string, number> = {};
  const fail = (code: string): void => {
    failures[code] = (failures[code] ?? 0) + 1;
  };
  let checking = true;
  const checkLoop = async (): Promise<void> => {
    while (checking) {
      const states = await Promise.all(targets.map((t) => probe(t, probeAgent)));
      // A probe that timed out counts as down too: when every backend is down, any is tried (pick).
      states.forEach((state, i) => (up[i] = state === true));
      await new Promise((resolve) => setTimeout(resolve, options.checkEveryMs ?? 100));
    }
  };
  const loop = checkLoop();
  const pick = (tried: ReadonlySet<number>): number | undefined => {
    // Backends that are up first; when none is, any not tried yet (as nginx does when all are marked down).
    for (const wantUp of [true, false]) {
      for (let step = 0; step < targets.length; step++) {
        const index = (next + step) % targets.length;
        if ((up[index] || !wantUp) && !tried.has(index)) {
          next = (index + 1) % targets.length;
          return index;
        }
      }
    }
    return undefined;
  };
  const send = (req: IncomingMessage, res: ServerResponse, body: Buffer, tried: Set<number>): void => {
    const index = pick(tried);
    if (index === undefined) {
      fail('no backend up');
      res.writeHead(502, { 'content-type': 'text/plain' }).end('no backend available');
      return;
    }
    tried.add(index);
    counts[index]! += 1;
    inflight[index]! += 1;
    let settled = false;
    const settle = (): void => {
      if (!settled) inflight[index]! -= 1;
      settled = true;
    };
    res.once('close', settle);
    const backend = targets[index]!;
    const upstream = request({ host: backend.hostname, port: backend.port, method: req.method, path: req.url, headers: { ...req.headers, 'content-length': String(body.length) }, agent }, (answer) => {
      // A draining facade closes every connection it answers: take it out now, not at the next probe.
      if (answer.headers.connection === 'close') up[index] = false;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' && !res.headersSent) {
        settle();
        res.off('close', settle);
        up[index] = false;
        retries++;
        return send(req, res, body, tried);
      }
      fail(`${error.code ?? error.message}${upstream.reusedSocket ? ' (reused socket)' : ''}`);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('backend failed');
    });
    upstream.end(body);
  };
  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => send(req, res, body, new Set()),
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    inflight,
    retries: () => retries,
    failures: () => failures,
    close: async () => {
      checking = false;
      await loop;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
      probeAgent.destroy();
    },
  };
}
