/**
 * The parity store (issue 11: "per operation, region and field: samples, differences, noise,
 * parity, contract violations on each side, latency delta"). Instances add deltas; totals are
 * read back as the diff engine's OperationCounts, so one report function serves store and memory.
 */
import type { DiffKind } from '../shadow/diff-types';
import { emptyOperationCounts, type DiffSample, type OperationCounts } from '../shadow/parity-counts';
import type { SqlClient } from './sql-client';

/** Parity totals shared by every instance. */
export interface ParityStore {
  /** Adds deltas (one transaction). */
  addCounts(deltas: readonly OperationCounts[]): Promise<void>;
  /** Totals per operation and region; one operation when named; samples only when asked. */
  readCounts(options?: { readonly operation?: string; readonly withSamples?: boolean }): Promise<OperationCounts[]>;
}

interface CountRow {
  operation_id: string;
  region: string;
  field: string;
  kind: string;
  pointer: string;
  samples: number;
  matches: number;
  noise: number;
  differences: number;
  candidate_errors: number;
  contract_checks: number;
  primary_violations: number;
  candidate_violations: number;
  latency_delta_ms_sum: number;
}

interface SampleRow {
  operation_id: string;
  region: string;
  cluster_key: string;
  fields: string[];
  count: number;
  sample: DiffSample | null;
}

const addOperation = `INSERT INTO parity_counts (operation_id, region, field, kind, samples, matches, noise, candidate_errors, contract_checks, primary_violations, candidate_violations, latency_delta_ms_sum)
  VALUES ($1, $2, '', '', $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (operation_id, region, field, kind) DO UPDATE SET samples = parity_counts.samples + EXCLUDED.samples, matches = parity_counts.matches + EXCLUDED.matches,
    noise = parity_counts.noise + EXCLUDED.noise, candidate_errors = parity_counts.candidate_errors + EXCLUDED.candidate_errors,
    contract_checks = parity_counts.contract_checks + EXCLUDED.contract_checks, primary_violations = parity_counts.primary_violations + EXCLUDED.primary_violations, candidate_violations = parity_counts.candidate_violations + EXCLUDED.candidate_violations,
    latency_delta_ms_sum = parity_counts.latency_delta_ms_sum + EXCLUDED.latency_delta_ms_sum, updated_at = now()`;

const addField = `INSERT INTO parity_counts (operation_id, region, field, kind, pointer, differences, noise) VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (operation_id, region, field, kind) DO UPDATE SET differences = parity_counts.differences + EXCLUDED.differences, noise = parity_counts.noise + EXCLUDED.noise, updated_at = now()`;

// Calls of an operation (the compared share's denominator) in the row of kind 'calls', column samples.
const addCalls = `INSERT INTO parity_counts (operation_id, region, field, kind, samples) VALUES ($1, $2, '', 'calls', $3)
  ON CONFLICT (operation_id, region, field, kind) DO UPDATE SET samples = parity_counts.samples + EXCLUDED.samples, updated_at = now()`;

// The first sample of a cluster is kept; later ones only count (one redacted sample per cluster).
const addCluster = `INSERT INTO diff_samples (operation_id, region, cluster_key, fields, count, sample) VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb)
  ON CONFLICT (operation_id, region, cluster_key) DO UPDATE SET count = diff_samples.count + EXCLUDED.count,
    sample = CASE WHEN diff_samples.sample = 'null'::jsonb THEN EXCLUDED.sample ELSE diff_samples.sample END`;

export class SqlParityStore implements ParityStore {
  constructor(private readonly sql: SqlClient) {}

  async addCounts(deltas: readonly OperationCounts[]): Promise<void> {
    if (deltas.length === 0) return;
    await this.sql.transaction(async (tx) => {
      for (const d of deltas) {
        if (d.calls > 0) await tx.query(addCalls, [d.operation, d.region, d.calls]);
        await tx.query(addOperation, [d.operation, d.region, d.samples, d.identical, d.noiseSamples, d.candidateErrors, d.contractChecks, d.primaryViolations, d.candidateViolations, d.latencyDeltaMsSum]);
        for (const f of d.fields.values()) await tx.query(addField, [d.operation, d.region, f.field, f.kind, f.pointer, f.raw, f.noise]);
        for (const c of d.clusters.values()) await tx.query(addCluster, [d.operation, d.region, c.key, JSON.stringify(c.fields), c.count, JSON.stringify(c.sample ?? null)]);
      }
    });
  }

  async readCounts(options: { readonly operation?: string; readonly withSamples?: boolean } = {}): Promise<OperationCounts[]> {
    const where = options.operation === undefined ? '' : 'WHERE operation_id = $1';
    const params = options.operation === undefined ? [] : [options.operation];
    const counts = await this.sql.query<CountRow>(`SELECT * FROM parity_counts ${where} ORDER BY operation_id, region, field, kind`, params);
    const sampleColumn = options.withSamples === true ? 'sample' : `'null'::jsonb AS sample`;
    const clusters = await this.sql.query<SampleRow>(`SELECT operation_id, region, cluster_key, fields, count, ${sampleColumn} FROM diff_samples ${where} ORDER BY count DESC`, params);
    const byKey = new Map<string, OperationCounts>();
    const at = (operation: string, region: string): OperationCounts => {
      const key = `${operation}\n${region}`;
      let entry = byKey.get(key);
      if (entry === undefined) byKey.set(key, (entry = emptyOperationCounts(operation, region)));
      return entry;
    };
    for (const row of counts.rows) foldCountRow(at(row.operation_id, row.region), row);
    for (const row of clusters.rows) {
      if (row.cluster_key === '') continue; // rows from before clustering
      at(row.operation_id, row.region).clusters.set(row.cluster_key, { key: row.cluster_key, fields: row.fields, count: Number(row.count), ...(row.sample === null ? {} : { sample: row.sample }) });
    }
    return [...byKey.values()];
  }
}

function foldCountRow(into: OperationCounts, row: CountRow): void {
  if (row.field === '' && row.kind === 'calls') {
    into.calls += Number(row.samples);
    return;
  }
  if (row.field === '' && row.kind === '') {
    into.samples += Number(row.samples);
    into.identical += Number(row.matches);
    into.noiseSamples += Number(row.noise);
    into.candidateErrors += Number(row.candidate_errors);
    into.contractChecks += Number(row.contract_checks);
    into.primaryViolations += Number(row.primary_violations);
    into.candidateViolations += Number(row.candidate_violations);
    into.latencyDeltaMsSum += Number(row.latency_delta_ms_sum);
    return;
  }
  into.fields.set(`${row.kind} ${row.field}`, { field: row.field, kind: row.kind as DiffKind, raw: Number(row.differences), noise: Number(row.noise), pointer: row.pointer });
}
