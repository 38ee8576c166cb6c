/**
 * The shadow executor (docs/architecture.md §4 "Shadow and diff"; issue 11): the device already has the
 * vendor's answer; this runs the platform candidate of the same call through a bounded queue with
 * its own timeout and body cap, diffs the two, and counts parity. It never delays or fails the
 * primary: `offer` returns at once, and every failure on this path is caught and counted.
 * Noise is learned from a sampled second vendor call (idempotent reads only).
 */
import { CandidateBackoff } from './candidate-backoff';
import { defaultShadowSettings, type ShadowSettings } from './shadow-settings';

export { defaultShadowSettings, type ShadowSettings } from './shadow-settings';
import type { AnswerInput, DiffEngine } from './diff-engine';
import { liftAnswer, type LiftedAnswer } from './lift-answer';
import { withDeadline } from './with-deadline';
import { redactAndBound } from './redact-sample';
import { ParityAccumulator } from './parity-accumulator';
import { emptyDropCounts, type DropCounts, type DropReason } from './shadow-drops';
import { ShadowQueue, type QueueLoad } from './shadow-queue';

/** One shadowed call, captured after the device got the vendor's answer. */
export interface ShadowJob {
  readonly operationId: string;
  readonly region: string;
  readonly call: { readonly service: string; readonly action: string; readonly params: Readonly<Record<string, unknown>> };
  readonly apiBaseUrl: string;
  /** The vendor's answer as the device got it (lifted: envelope JSON text, or a redirect). */
  readonly primary: AnswerInput;
  readonly primaryBytes: number;
  readonly primaryMs: number;
  /** A write compared by state: the read whose rules and contract the two answers follow. */
  readonly compareAs?: string;
  /** A write compared by state: the vendor side is read when the job runs (`primary` is then unused). */
  readonly readPrimary?: () => Promise<SideAnswer>;
  /** Keeps only the compared entity in both lifted answers. */
  readonly focus?: (value: unknown) => unknown;
}

/** An answer from the candidate or a second primary call. */
export interface SideAnswer {
  readonly answer: AnswerInput;
  readonly bytes: number;
  /** A bug or an outage on that side (not a vendor error, which is an answer). */
  readonly failed: boolean;
}

/** What the executor needs from the outside world (the composition root provides it). */
export interface ShadowPorts {
  runCandidate(job: ShadowJob): Promise<SideAnswer>;
  /** The same request to the vendor again, for the noise baseline. */
  fetchPrimaryAgain?(job: ShadowJob): Promise<SideAnswer>;
  /** Contract violations of an answer (0 when valid). */
  countViolations?(operationId: string, answer: unknown): number;
  readonly nowMs: () => number;
  readonly random: () => number;
  readonly observer?: ShadowObserver;
}

/** Told about everything the executor does (metrics, logs). Must not throw. */
export interface ShadowObserver {
  onDrop?(reason: DropReason, operationId: string): void;
  onSample?(operationId: string, outcome: 'identical' | 'different' | 'candidate-error', candidateMs: number): void;
  onNoiseSample?(operationId: string): void;
}

/** The shadow executor; one per process. */
export class ShadowExecutor {
  readonly parity: ParityAccumulator;
  private readonly queue: ShadowQueue<ShadowJob>;
  private readonly backoff: CandidateBackoff;
  private readonly drops: DropCounts = emptyDropCounts();
  private readonly dropsByOperation = new Map<string, DropCounts>();
  /** Answers being captured whose sample is not offered or dropped yet (see trackCapture). */
  private capturing = 0;

  constructor(
    private readonly engine: DiffEngine,
    private readonly ports: ShadowPorts,
    private readonly settings: ShadowSettings = defaultShadowSettings,
  ) {
    this.parity = new ParityAccumulator(ports.nowMs);
    this.backoff = new CandidateBackoff(settings.backoff, ports.nowMs);
    this.queue = new ShadowQueue({ maxEntries: settings.maxQueueEntries, maxBytes: settings.maxQueueBytes, concurrency: settings.concurrency, batchMs: settings.batchMs ?? 0 }, (job) => this.run(job));
  }

  /** True when a shadow decision sampled at `percent` (0–100) should be captured. */
  sampled(percent: number | undefined): boolean {
    const share = percent ?? 100;
    return share >= 100 || (share > 0 && this.ports.random() * 100 < share);
  }

  /**
   * Why a primary of this size could not be compared now, checked before it is captured: a full
   * queue refuses before the answer is copied, decoded and lifted, not after (saturation, ../../bench/README.md).
   */
  admits(bytes: number): DropReason | undefined {
    if (bytes > this.settings.bodyCapBytes) return 'too-large';
    if (this.backoff.paused()) return 'backoff';
    if (this.queue.full()) return 'queue-full';
    return undefined;
  }

  /** Queues a captured call; returns at once. Every refusal is counted with its reason. */
  offer(job: ShadowJob): boolean {
    const refused = job.primaryBytes > this.settings.bodyCapBytes ? 'too-large' : this.backoff.admits() ? undefined : 'backoff';
    if (refused !== undefined) return this.drop(refused, job.operationId);
    if (!this.queue.offer(job, job.primaryBytes)) {
      this.backoff.release();
      return this.drop('queue-full', job.operationId);
    }
    return true;
  }

  /** Counts a sample refused before it was captured (writes, unsupported shapes, oversize). */
  drop(reason: DropReason, operationId: string): false {
    this.drops[reason]++;
    let mine = this.dropsByOperation.get(operationId);
    if (mine === undefined && this.dropsByOperation.size < 2000) this.dropsByOperation.set(operationId, (mine = emptyDropCounts()));
    if (mine !== undefined) mine[reason]++;
    this.ports.observer?.onDrop?.(reason, operationId);
    return false;
  }

  /** Drops by reason since start; of one operation when named. */
  dropCounts(operationId?: string): Readonly<DropCounts> {
    if (operationId !== undefined) return { ...(this.dropsByOperation.get(operationId) ?? emptyDropCounts()) };
    return { ...this.drops };
  }

  load(): QueueLoad {
    return this.queue.load();
  }

  /** True while the candidate is paused by backoff. */
  backingOff(): boolean {
    return this.backoff.paused();
  }

  /**
   * Marks an answer being captured for a sample; the returned function (idempotent) ends it once the
   * sample is offered or dropped, so idle() also waits for samples still between the answer and the queue.
   */
  trackCapture(): () => void {
    this.capturing++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.capturing--;
    };
  }

  /** Resolves when every captured answer was offered and every queued sample compared (tests and shutdown). */
  async idle(pollMs = 5): Promise<void> {
    while (this.capturing > 0) await new Promise((resolve) => setTimeout(resolve, pollMs));
    return this.queue.idle(pollMs);
  }

  private async run(job: ShadowJob): Promise<void> {
    try {
      await this.compare(job);
    } catch {
      this.parity.addCandidateError(job.operationId, job.region);
    }
  }

  private async compare(queued: ShadowJob): Promise<void> {
    const { timeoutMs } = this.settings;
    const job = queued.readPrimary === undefined ? queued : await this.readPrimarySide(queued);
    if (job === undefined) return;
    const result = await withDeadline(() => this.ports.runCandidate(job), timeoutMs, this.ports.nowMs);
    if (result.kind === 'timeout') {
      this.drop('timeout', job.operationId);
      this.failCandidate(job, timeoutMs);
      await result.settled; // the slot stays taken until the platform call really ends: the bound holds
      return;
    }
    if (result.kind === 'error' || result.value.failed) return this.failCandidate(job, result.ms);
    this.backoff.record({ failed: false, ms: result.ms });
    if (result.value.bytes > this.settings.bodyCapBytes) {
      this.drop('too-large', job.operationId);
      return;
    }
    this.countCompared(job, result.value, result.ms);
    const noiseShare = this.shareOf(this.settings.noisePercent, this.parity.window(job.operationId).counts.noiseSamples);
    if (this.ports.fetchPrimaryAgain !== undefined && this.ports.random() * 100 < noiseShare) await this.learnNoise(job);
  }

  /** A sampled share (percent) once `taken` samples of it were counted: a tenth after `learnedAfter` (bench/README.md "Shadow mode"). */
  private shareOf(percent: number, taken: number): number {
    return taken < (this.settings.learnedAfter ?? 100) ? percent : percent / 10;
  }

  /** A state job's vendor side, read now (after the sync applied the write); undefined when it could not be read (counted). */
  private async readPrimarySide(job: ShadowJob): Promise<ShadowJob | undefined> {
    const read = await withDeadline(() => job.readPrimary!(), this.settings.timeoutMs, this.ports.nowMs);
    if (read.kind === 'timeout') {
      this.drop('timeout', job.operationId);
      await read.settled;
      return undefined;
    }
    if (read.kind === 'error' || read.value.failed) return void this.drop('unsupported', job.operationId);
    if (read.value.bytes > this.settings.bodyCapBytes) return void this.drop('too-large', job.operationId);
    return { ...job, primary: read.value.answer, primaryBytes: read.value.bytes, primaryMs: read.ms };
  }

  /** The two answers as diffed: focused on the compared entity when the job says so. */
  private sides(job: ShadowJob, candidate: AnswerInput): [AnswerInput, AnswerInput] {
    if (job.focus === undefined) return [job.primary, candidate];
    return [{ json: job.focus(liftAnswer(job.primary).value) }, { json: job.focus(liftAnswer(candidate).value) }];
  }

  private failCandidate(job: ShadowJob, ms: number): void {
    this.backoff.record({ failed: true, ms });
    this.parity.addCandidateError(job.operationId, job.region);
    this.ports.observer?.onSample?.(job.operationId, 'candidate-error', ms);
  }

  private countCompared(job: ShadowJob, candidate: SideAnswer, candidateMs: number): void {
    const as = job.compareAs ?? job.operationId;
    const diff = this.engine.diff(...this.sides(job, candidate.answer), as);
    // Validation costs about as much as the diff; a sampled share keeps the rates honest and cheap.
    const checked = this.ports.countViolations !== undefined && this.ports.random() * 100 < this.shareOf(this.settings.contractPercent, this.parity.window(job.operationId).counts.contractChecks);
    // Lifted answers are read only when checked: a sample settled by its text is never parsed (diff-engine.ts).
    const count = (side: LiftedAnswer): number => (checked ? this.ports.countViolations!(as, side.value) : 0);
    const cap = this.settings.sampleCapBytes;
    this.parity.addSample(job.operationId, job.region, {
      differences: diff.differences,
      primaryMs: job.primaryMs,
      candidateMs,
      contractChecked: checked,
      primaryViolations: count(diff.primary),
      candidateViolations: count(diff.candidate),
      example: () => ({
        differences: diff.differences.slice(0, 20),
        primary: redactAndBound(diff.primary.value, cap),
        candidate: redactAndBound(diff.candidate.value, cap),
        request: redactAndBound({ operation: job.operationId, params: job.call.params }, 4096),
        atMs: this.ports.nowMs(),
      }),
    });
    this.ports.observer?.onSample?.(job.operationId, diff.differences.length === 0 ? 'identical' : 'different', candidateMs);
  }

  private async learnNoise(job: ShadowJob): Promise<void> {
    const again = await withDeadline(() => this.ports.fetchPrimaryAgain!(job), this.settings.timeoutMs, this.ports.nowMs);
    if (again.kind !== 'done' || again.value.failed || again.value.bytes > this.settings.bodyCapBytes) {
      if (again.kind === 'timeout') await again.settled;
      return;
    }
    this.parity.addNoise(job.operationId, job.region, this.engine.diff(...this.sides(job, again.value.answer), job.compareAs ?? job.operationId).differences);
    this.ports.observer?.onNoiseSample?.(job.operationId);
  }
}
