/**
 * The counts stage: samples folded into per operation/region counts — raw differences per field,
 * noise per field (from vendor-vs-vendor samples), clusters of differing samples by field-path
 * signature with one redacted sample each. Plain data, bounded in entries, mergeable (deltas
 * from several instances add up in the parity store).
 */
import type { DiffKind, Difference } from './diff-types';

/** One field (signature) and kind: how often it differed, raw and as noise. */
export interface FieldCount {
  readonly field: string;
  readonly kind: DiffKind;
  raw: number;
  noise: number;
  /** One concrete pointer where it was seen (for the report). */
  pointer: string;
}

/** A redacted example of one cluster: both answers side by side and what differed. */
export interface DiffSample {
  readonly differences: readonly Difference[];
  readonly primary: unknown;
  readonly candidate: unknown;
  readonly request?: unknown;
  readonly atMs: number;
}

/** Samples that differed on exactly the same set of fields. */
export interface ClusterCount {
  /** The sorted `kind field` lines, joined by newlines; `*` = overflow of the cluster cap. */
  readonly key: string;
  readonly fields: readonly string[];
  count: number;
  sample?: DiffSample;
}

/** Everything counted for one operation in one region. */
export interface OperationCounts {
  readonly operation: string;
  readonly region: string;
  /** Calls of the operation the facade received, whatever their route: the compared share's denominator (samples ÷ calls). */
  calls: number;
  samples: number;
  /** Samples with no raw difference at all. */
  identical: number;
  /** Vendor-vs-vendor samples taken to learn noise. */
  noiseSamples: number;
  /** Candidate runs that failed (timeout, outage, bug) instead of answering. */
  candidateErrors: number;
  /** Samples whose two answers were validated against the vendor contract (a sampled share). */
  contractChecks: number;
  primaryViolations: number;
  candidateViolations: number;
  /** Σ (candidate ms − primary ms) over samples. */
  latencyDeltaMsSum: number;
  readonly fields: Map<string, FieldCount>;
  readonly clusters: Map<string, ClusterCount>;
}

/** Caps that keep counts bounded whatever the answers look like. */
export interface CountLimits {
  readonly maxFields: number;
  readonly maxClusters: number;
}

export const defaultCountLimits: CountLimits = { maxFields: 500, maxClusters: 100 };

/** The key cluster overflow lands in. */
export const overflowClusterKey = '*';

/** A fresh, empty count for one operation and region. */
export function emptyOperationCounts(operation: string, region: string): OperationCounts {
  return { operation, region, calls: 0, samples: 0, identical: 0, noiseSamples: 0, candidateErrors: 0, contractChecks: 0, primaryViolations: 0, candidateViolations: 0, latencyDeltaMsSum: 0, fields: new Map(), clusters: new Map() };
}

function fieldKey(kind: DiffKind, field: string): string {
  return `${kind} ${field}`;
}

function bumpField(counts: OperationCounts, difference: Difference, which: 'raw' | 'noise', limits: CountLimits): void {
  const key = fieldKey(difference.kind, difference.field);
  let entry = counts.fields.get(key);
  if (entry === undefined) {
    if (counts.fields.size >= limits.maxFields) return;
    entry = { field: difference.field, kind: difference.kind, raw: 0, noise: 0, pointer: difference.pointer };
    counts.fields.set(key, entry);
  }
  entry[which]++;
}

/** One difference per field and kind: rates count samples, not array elements. */
function firstPerField(differences: readonly Difference[]): Difference[] {
  const seen = new Set<string>();
  return differences.filter((d) => {
    const key = fieldKey(d.kind, d.field);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The cluster key of a set of differences: its distinct `kind field` lines, sorted. */
export function clusterKeyOf(differences: readonly Difference[]): { key: string; fields: string[] } {
  const fields = [...new Set(differences.map((d) => fieldKey(d.kind, d.field)))].sort();
  return { key: fields.join('\n'), fields };
}

/** One compared sample: what differed and, lazily, the redacted example to keep. */
export interface CountedSample {
  readonly differences: readonly Difference[];
  readonly primaryMs?: number;
  readonly candidateMs?: number;
  /** Set when both answers were validated against the contract (the violations below count). */
  readonly contractChecked?: boolean;
  readonly primaryViolations?: number;
  readonly candidateViolations?: number;
  /** Called only when the sample opens a new cluster (redaction costs; most samples never pay it). */
  readonly example?: () => DiffSample;
}

/** Folds one primary-vs-candidate sample into the counts. */
export function countSample(counts: OperationCounts, sample: CountedSample, limits: CountLimits = defaultCountLimits): void {
  counts.samples++;
  if (sample.contractChecked === true) counts.contractChecks++;
  counts.primaryViolations += sample.primaryViolations ?? 0;
  counts.candidateViolations += sample.candidateViolations ?? 0;
  if (sample.primaryMs !== undefined && sample.candidateMs !== undefined) counts.latencyDeltaMsSum += sample.candidateMs - sample.primaryMs;
  if (sample.differences.length === 0) {
    counts.identical++;
    return;
  }
  for (const difference of firstPerField(sample.differences)) bumpField(counts, difference, 'raw', limits);
  const { key, fields } = clusterKeyOf(sample.differences);
  let cluster = counts.clusters.get(key);
  if (cluster === undefined) {
    const full = counts.clusters.size >= limits.maxClusters;
    cluster = counts.clusters.get(full ? overflowClusterKey : key) ?? { key: full ? overflowClusterKey : key, fields: full ? [] : fields, count: 0 };
    if (!full && sample.example !== undefined) cluster.sample = sample.example();
    counts.clusters.set(cluster.key, cluster);
  }
  cluster.count++;
}

/** Folds one vendor-vs-vendor sample (the noise baseline) into the counts. */
export function countNoiseSample(counts: OperationCounts, differences: readonly Difference[], limits: CountLimits = defaultCountLimits): void {
  counts.noiseSamples++;
  for (const difference of firstPerField(differences)) bumpField(counts, difference, 'noise', limits);
}

/** Counts a candidate run that failed instead of answering. */
export function countCandidateError(counts: OperationCounts): void {
  counts.candidateErrors++;
}
