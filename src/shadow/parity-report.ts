/**
 * The thresholds and report stages (Diffy's "raw vs noise → thresholds → report data"): a field is
 * reported only when its raw difference rate exceeds its noise rate by both an absolute and a
 * relative margin. Parity = share of samples whose differences are all unreported. Pure.
 */
import type { DiffKind } from './diff-types';
import { overflowClusterKey, type DiffSample, type OperationCounts } from './parity-counts';

export interface Thresholds {
  /** Minimum (raw% − noise%) for a field to count, in percentage points (default 1). */
  readonly absolutePercent: number;
  /** Minimum (raw% − noise%) / raw% for a field to count, in percent (default 20). */
  readonly relativePercent: number;
}

export const defaultThresholds: Thresholds = { absolutePercent: 1, relativePercent: 20 };

export interface FieldReport {
  readonly field: string;
  readonly kind: DiffKind;
  /** A concrete JSON pointer where it was seen. */
  readonly pointer: string;
  readonly raw: number;
  readonly noise: number;
  readonly rawPercent: number;
  readonly noisePercent: number;
  /** True when the field passes the thresholds: a real difference, not noise. */
  readonly reported: boolean;
}

export interface ClusterReport {
  readonly fields: readonly string[];
  readonly count: number;
  /** True when the cluster holds a reported field (its samples count against parity). */
  readonly differing: boolean;
  readonly sample?: DiffSample;
}

export interface OperationReport {
  readonly operation: string;
  readonly region: string;
  /** Calls of the operation received (counted since this figure exists; see OperationCounts.calls). */
  readonly calls: number;
  /** Compared share: samples ÷ calls, 0–100 (capped: samples counted before calls were add up); 0 without calls. */
  readonly comparedPercent: number;
  readonly samples: number;
  readonly noiseSamples: number;
  /** 0–100; 100 when there are no samples. */
  readonly parityPercent: number;
  readonly candidateErrors: number;
  /** Violations of the vendor contract per side, over `checked` validated samples. */
  readonly contractViolations: { readonly checked: number; readonly primary: number; readonly candidate: number };
  readonly meanLatencyDeltaMs: number;
  /** Reported fields first (by raw count), then the rest. */
  readonly fields: readonly FieldReport[];
  readonly clusters: readonly ClusterReport[];
}

const percentOf = (part: number, whole: number): number => (whole <= 0 ? 0 : (part / whole) * 100);

function reportField(counts: OperationCounts, thresholds: Thresholds, entry: { field: string; kind: DiffKind; raw: number; noise: number; pointer: string }): FieldReport {
  const rawPercent = percentOf(entry.raw, counts.samples);
  const noisePercent = percentOf(entry.noise, counts.noiseSamples);
  const excess = rawPercent - noisePercent;
  const reported = entry.raw > 0 && excess >= thresholds.absolutePercent && percentOf(excess, rawPercent) >= thresholds.relativePercent;
  return { field: entry.field, kind: entry.kind, pointer: entry.pointer, raw: entry.raw, noise: entry.noise, rawPercent, noisePercent, reported };
}

/** Applies the thresholds to one operation's counts and builds its report. */
export function reportOperation(counts: OperationCounts, thresholds: Thresholds = defaultThresholds): OperationReport {
  const fields = [...counts.fields.values()].map((entry) => reportField(counts, thresholds, entry));
  fields.sort((a, b) => Number(b.reported) - Number(a.reported) || b.raw - a.raw || a.field.localeCompare(b.field));
  const reportedKeys = new Set(fields.filter((f) => f.reported).map((f) => `${f.kind} ${f.field}`));
  const clusters = [...counts.clusters.values()].map((cluster) => ({
    fields: cluster.fields,
    count: cluster.count,
    // Overflow clusters are unknown territory: counted as differing, never as parity.
    differing: cluster.key === overflowClusterKey || cluster.fields.some((f) => reportedKeys.has(f)),
    ...(cluster.sample === undefined ? {} : { sample: cluster.sample }),
  }));
  clusters.sort((a, b) => Number(b.differing) - Number(a.differing) || b.count - a.count);
  const differingSamples = clusters.filter((c) => c.differing).reduce((n, c) => n + c.count, 0);
  return {
    operation: counts.operation,
    region: counts.region,
    calls: counts.calls,
    comparedPercent: Math.min(100, percentOf(counts.samples, counts.calls)),
    samples: counts.samples,
    noiseSamples: counts.noiseSamples,
    parityPercent: counts.samples === 0 ? 100 : percentOf(counts.samples - Math.min(differingSamples, counts.samples), counts.samples),
    candidateErrors: counts.candidateErrors,
    contractViolations: { checked: counts.contractChecks, primary: counts.primaryViolations, candidate: counts.candidateViolations },
    meanLatencyDeltaMs: counts.samples === 0 ? 0 : counts.latencyDeltaMsSum / counts.samples,
    fields,
    clusters,
  };
}

/** Adds `delta` into `total` (same operation and region): how instances' counts combine. */
export function mergeOperationCounts(total: OperationCounts, delta: OperationCounts): void {
  total.calls += delta.calls;
  total.samples += delta.samples;
  total.identical += delta.identical;
  total.noiseSamples += delta.noiseSamples;
  total.candidateErrors += delta.candidateErrors;
  total.contractChecks += delta.contractChecks;
  total.primaryViolations += delta.primaryViolations;
  total.candidateViolations += delta.candidateViolations;
  total.latencyDeltaMsSum += delta.latencyDeltaMsSum;
  for (const [key, field] of delta.fields) {
    const into = total.fields.get(key);
    if (into === undefined) total.fields.set(key, { ...field });
    else {
      into.raw += field.raw;
      into.noise += field.noise;
    }
  }
  for (const [key, cluster] of delta.clusters) {
    const into = total.clusters.get(key);
    if (into === undefined) total.clusters.set(key, { ...cluster });
    else {
      into.count += cluster.count;
      into.sample ??= cluster.sample;
    }
  }
}
