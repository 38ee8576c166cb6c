/**
 * Graceful shutdown (docs/architecture.md §5, docs/operations.md "Drain"): on SIGTERM the instance
 * first keeps serving while `/readyz` answers 503, for `server.drainDelayMs`, so load balancers and
 * Kubernetes endpoints stop sending new requests before anything is refused; then it stops
 * accepting, gives in-flight requests up to `server.drainGraceMs`, closes the rest and exits.
 * Each phase writes one log line.
 */
import type { Server } from 'node:http';
import type { FacadeLogger } from '../metrics/logger';

export interface DrainParts {
  readonly logger: FacadeLogger;
  readonly delayMs: number;
  readonly graceMs: number;
  /** Marks the instance not ready (`/readyz` 503, `understudy_draining` 1). */
  readonly markDraining: () => void;
  readonly facade: Server;
  readonly admin: Server;
  /** Closes everything behind the listeners (routing, clients, store, sims). */
  readonly closeResources: () => Promise<void>;
}

/** Stops accepting, lets in-flight requests finish (up to `graceMs`), then closes the remaining sockets. */
export function closeListener(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the shutdown sequence; `withDelay: false` skips the announcement delay (tests, a second
 * signal). Calling it again returns the shutdown already under way.
 */
export function createShutdown(parts: DrainParts): (options: { withDelay: boolean }) => Promise<void> {
  let running: Promise<void> | undefined;
  const run = async (withDelay: boolean): Promise<void> => {
    const delayMs = withDelay ? parts.delayMs : 0;
    parts.markDraining();
    parts.logger.info({ event: 'drain_started', delayMs }, `draining: /readyz answers 503, still serving for ${delayMs} ms`);
    if (delayMs > 0) await pause(delayMs);
    parts.logger.info({ event: 'listeners_closing', graceMs: parts.graceMs }, `closing listeners; in-flight requests get up to ${parts.graceMs} ms`);
    await Promise.all([closeListener(parts.facade, parts.graceMs), closeListener(parts.admin, Math.min(parts.graceMs, 1000))]);
    await parts.closeResources();
    parts.logger.info({ event: 'shutdown_complete' }, 'shutdown complete');
  };
  return ({ withDelay }) => (running ??= run(withDelay));
}
