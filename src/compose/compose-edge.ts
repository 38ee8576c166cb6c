/**
 * Wiring of the device-facing listener's budgets (issue 9, docs/failure-modes.md): node:http
 * timeouts, a connection cap, a reaper for connections that never send a request, and the public
 * base URL playback answers are built on.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { UnderstudyConfig } from '../config/config-types';

/**
 * Closes connections that have not delivered a complete request head within `idleMs` of opening.
 * node:http measures its headers timeout from a request's first byte, so a connection that never
 * sends one stays open forever without this (issue 9, finding 3).
 */
export function reapSilentConnections(server: Server, idleMs: number): void {
  const waiting = new WeakMap<Socket, NodeJS.Timeout>();
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), idleMs);
    timer.unref();
    waiting.set(socket, timer);
    socket.once('close', () => clearTimeout(timer));
  });
  server.on('request', (req: { socket: Socket }) => {
    const timer = waiting.get(req.socket);
    if (timer === undefined) return;
    clearTimeout(timer);
    waiting.delete(req.socket);
  });
}

/** How long a connection may see no traffic either way while a request is open. */
export function silentClientMs(config: UnderstudyConfig): number {
  return Math.max(config.edge.requestTimeoutMs, 2 * Math.max(config.vendor.timeoutMs, config.platform.timeoutMs));
}

/** The device-facing HTTP server with every budget of `config.edge` applied. */
export function createEdgeServer(config: UnderstudyConfig, listener: RequestListener): Server {
  const edge = config.edge;
  const server = createServer(
    {
      maxHeaderSize: 16 * 1024,
      headersTimeout: edge.headersTimeoutMs,
      requestTimeout: edge.requestTimeoutMs,
      keepAliveTimeout: edge.keepAliveTimeoutMs,
      // How often node:http checks the two timeouts above (default 30 s would let them overrun).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(edge.headersTimeoutMs / 4))),
      requireHostHeader: true,
    },
    listener,
  );
  server.maxConnections = edge.maxConnections;
  // A client that stops reading its answer (or sending its body) is cut after this much silence;
  // at least twice the slowest upstream timeout, so a request waiting on an upstream is not.
  server.setTimeout(silentClientMs(config), (socket) => socket.destroy());
  reapSilentConnections(server, edge.idleSocketMs);
  return server;
}

/**
 * The public base URL (no trailing slash) playback and playManifest URLs use: `server.publicBaseUrl`
 * of this site's configuration, else the address the facade listens on. Never the `Host` header.
 */
export function createPublicBaseUrl(config: UnderstudyConfig): { get: () => string; listeningOn: (address: AddressInfo) => void } {
  const configured = config.server.publicBaseUrl?.replace(/\/+$/, '');
  let base = configured ?? `http://${config.server.host}:${config.server.port}`;
  return {
    get: () => base,
    listeningOn: (address) => {
      if (configured === undefined) base = `http://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${address.port}`;
    },
  };
}
