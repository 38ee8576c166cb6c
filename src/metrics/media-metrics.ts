/**
 * `understudy_media_*` metrics (issue 18, docs/observability.md): playback decisions by source and
 * reason, files decided `storage` that still played from the vendor's CDN, files by copy state, bytes
 * copied, copy failures by reason. Label sets are closed, and every series starts at 0 so the alerts
 * of deploy/prometheus name live series on every instance (docs/observability.md "Media alerts").
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import { mediaFileStates, type MediaFileState } from '../media/media-ports';
import type { MediaDecision } from '../policy/decide-media';
import type { StorageFallback } from '../media/rewrite-playback';
import { METRIC_PREFIX } from './metric-definitions';

/** Where a copy failed, from its reason text: a closed label set. */
export type CopyFailureKind = 'origin' | 'storage' | 'manifest' | 'verify';

export interface MediaMetrics {
  recordDecision(decision: MediaDecision): void;
  setFiles(state: MediaFileState, count: number): void;
  addCopiedBytes(bytes: number): void;
  recordFailure(reason: string): void;
  recordFallback(reason: StorageFallback): void;
}

const copyFailureKinds: readonly CopyFailureKind[] = ['origin', 'storage', 'manifest', 'verify'];
const fallbackReasons: readonly StorageFallback[] = ['not-verified', 'url-changed'];
const possibleDecisions: readonly MediaDecision[] = [
  ...(['default', 'rule', 'rule-percent-out', 'kill-switch-media', 'kill-switch-global'] as const).map((reason) => ({ source: 'vendor' as const, reason })),
  ...(['default', 'rule'] as const).map((reason) => ({ source: 'storage' as const, reason })),
];

/** The failure kind of a copy reason (copy-file.ts prefixes: `origin …`, `upload/bucket …`, `verify …`, manifest names). */
export function classifyCopyFailure(reason: string): CopyFailureKind {
  if (reason.startsWith('origin')) return 'origin';
  if (reason.startsWith('verify')) return 'verify';
  if (reason.startsWith('upload') || reason.startsWith('bucket') || reason.includes('storage')) return 'storage';
  return 'manifest';
}

/** Registers the media metrics on `registry`. */
export function createMediaMetrics(registry: Registry): MediaMetrics {
  const registers = [registry];
  const p = `${METRIC_PREFIX}media_`;
  const decisions = new Counter({ name: `${p}decisions_total`, help: 'Playback decisions per file URL, by source (vendor CDN or storage) and reason.', labelNames: ['source', 'reason'] as const, registers });
  const files = new Gauge({ name: `${p}files`, help: 'Inventory files by copy state (pending, copied, verified, failed).', labelNames: ['state'] as const, registers });
  const copied = new Counter({ name: `${p}copied_bytes_total`, help: 'Bytes uploaded to the bucket by this process.', registers });
  const failures = new Counter({ name: `${p}copy_failures_total`, help: 'Files whose copy failed, by where it failed (origin, storage, manifest, verify).', labelNames: ['reason'] as const, registers });
  const fallbacks = new Counter({ name: `${p}storage_fallbacks_total`, help: "Files decided storage that kept the vendor's CDN URL, by reason (not-verified, url-changed).", labelNames: ['reason'] as const, registers });
  for (const d of possibleDecisions) decisions.inc({ source: d.source, reason: d.reason }, 0);
  for (const state of mediaFileStates) files.set({ state }, 0);
  for (const reason of copyFailureKinds) failures.inc({ reason }, 0);
  for (const reason of fallbackReasons) fallbacks.inc({ reason }, 0);
  return {
    recordDecision: (d) => decisions.inc({ source: d.source, reason: d.reason }),
    setFiles: (state, count) => files.set({ state }, count),
    addCopiedBytes: (bytes) => copied.inc(bytes),
    recordFailure: (reason) => failures.inc({ reason: classifyCopyFailure(reason) }),
    recordFallback: (reason) => fallbacks.inc({ reason }),
  };
}
