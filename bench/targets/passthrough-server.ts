/**
 * The vendor passthrough alone in a node:http server that reads the body first, as the facade
 * does, then forwards it. Used by bench/passthrough-bench.ts (as its own process) and by the
 * upstream integration tests (in-process), so both exercise the same server.
 * Usage: node dist/bench/targets/passthrough-server.js <listenPort> <vendorUrl> [pipe|http-proxy-middleware]
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequestBody } from '../../src/http/read-request-body';
import { corsHeaders } from '../../src/http/cors';
import { createVendorPassthrough, type PassthroughEngine, type VendorPassthrough } from '../../src/upstream/vendor-passthrough';
import type { VendorPassthroughOptions } from '../../src/upstream/passthrough-types';

export interface PassthroughServerOptions extends Partial<Omit<VendorPassthroughOptions, 'vendorUrl'>> {
  readonly vendorUrl: string;
  readonly engine?: PassthroughEngine;
  readonly port?: number;
  readonly bodyLimitBytes?: number;
}

export interface PassthroughServer {
  readonly url: string;
  readonly server: Server;
  readonly passthrough: VendorPassthrough;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export async function startPassthroughServer(options: PassthroughServerOptions): Promise<PassthroughServer> {
  const passthrough = createVendorPassthrough({ timeoutMs: 5000, failureHeaders: (req: IncomingMessage) => corsHeaders(req), ...options });
  const limit = options.bodyLimitBytes ?? 1024 * 1024;
  const server = createServer((req, res) => {
    void readRequestBody(req, limit).then((body) => {
      if (body.kind === 'ok') passthrough.forward(req, res, body.body);
      else if (body.kind === 'too-large') res.writeHead(413).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    passthrough,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await passthrough.close();
    },
  };
}

if (require.main === module) {
  const [portText, vendorUrl, engine] = process.argv.slice(2);
  startPassthroughServer({ vendorUrl: vendorUrl ?? 'http://127.0.0.1:4100', port: Number(portText ?? 0), engine: engine === 'http-proxy-middleware' ? engine : 'pipe' })
    .then((started) => process.stdout.write(`listening ${started.url}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
