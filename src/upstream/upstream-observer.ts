/**
 * What an upstream client reports about each call, for the `upstream_*` metrics (docs/observability.md).
 * Callbacks, so src/upstream stays free of the metrics library.
 */
import type { UpstreamErrorKind } from './upstream-error';

/** Told the duration of every finished call and the kind of every failed one. */
export interface UpstreamObserver {
  onDuration(operation: string, seconds: number): void;
  onError(kind: UpstreamErrorKind): void;
}

/** An observer that records nothing (clients built without metrics, e.g. in benches). */
export const silentObserver: UpstreamObserver = { onDuration: () => undefined, onError: () => undefined };
