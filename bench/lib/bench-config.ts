/**
 * The configuration file every benched facade starts with. The edge's rate limits are off: a bench
 * drives the facade from one KS (one device, one household), which the per-device token buckets
 * (edge.rateLimits, docs/failure-modes.md) would answer with error 1 after the burst, so the rows
 * would measure the throttle instead of the request path.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes the bench configuration (plus `extra` top-level sections) to a temp file; returns its path. */
export function writeBenchConfig(extra: Record<string, unknown> = {}): string {
  const file = join(mkdtempSync(join(tmpdir(), 'understudy-bench-')), 'config.json');
  writeFileSync(file, JSON.stringify({ edge: { rateLimits: { enabled: false } }, ...extra }));
  return file;
}
