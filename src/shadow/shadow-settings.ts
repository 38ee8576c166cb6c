/** The shadow executor's settings (config `shadow`, docs/shadow.md "Executor"). */
import { defaultBackoff, type BackoffSettings } from './candidate-backoff';

export interface ShadowSettings {
  readonly maxQueueEntries: number;
  readonly maxQueueBytes: number;
  readonly concurrency: number;
  /** Candidates start together at most this often (ShadowQueue `batchMs`; 0: one by one). */
  readonly batchMs?: number;
  readonly timeoutMs: number;
  /** Answers (either side) larger than this are not compared. */
  readonly bodyCapBytes: number;
  /** Share (0–100) of compared samples that also call the vendor again to learn noise. */
  readonly noisePercent: number;
  /** Share (0–100) of compared samples whose two answers are validated against the vendor contract. */
  readonly contractPercent: number;
  /** Kept diff samples are cut to this size (redacted JSON). */
  readonly sampleCapBytes: number;
  readonly backoff: BackoffSettings;
  /**
   * Noise calls (and contract checks) of an operation in its gate window after which their share
   * drops to a tenth: the baseline is learned by then and only kept fresh (absent: 100).
   */
  readonly learnedAfter?: number;
}

export const defaultShadowSettings: ShadowSettings = {
  maxQueueEntries: 256,
  maxQueueBytes: 16 * 1024 * 1024,
  concurrency: 8,
  timeoutMs: 2000,
  bodyCapBytes: 512 * 1024,
  noisePercent: 10,
  contractPercent: 10,
  sampleCapBytes: 16 * 1024,
  backoff: defaultBackoff,
};
