/**
 * The shadow path's bounded work queue (docs/architecture.md §4: "a bounded queue with its own timeout"):
 * bounded in entries and in bytes (queued plus running), with a fixed number of jobs running at
 * once. A full queue refuses at once; the primary never waits for it.
 *
 * With `batchMs`, queued jobs start together at most every `batchMs` instead of one by one as they
 * arrive: their platform round trips then share the process's wake-ups (one timer, answers read
 * together), which on the lab host cut a compared sample's CPU from ~300 to ~230 µs (bench/README.md
 * "Shadow mode"). Shadow samples wait for nobody, so a few milliseconds of delay cost nothing.
 */

export interface QueueLimits {
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly concurrency: number;
  /** Start queued jobs together at most this often (0 or absent: each as soon as a slot is free). */
  readonly batchMs?: number;
}

export interface QueueLoad {
  readonly queued: number;
  readonly running: number;
  /** Bytes held by queued and running jobs. */
  readonly bytes: number;
}

/** A FIFO of jobs run by `worker`; `worker` must never reject (the executor catches everything). */
export class ShadowQueue<T> {
  /** Queued jobs from `head` on; a started job's slot is cleared at once (see pump). */
  private readonly items: ({ job: T; bytes: number } | undefined)[] = [];
  private head = 0;
  private running = 0;
  private bytes = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly limits: QueueLimits,
    private readonly worker: (job: T) => Promise<void>,
  ) {}

  /** Queues a job holding `bytes`; false when the entry or byte bound would be exceeded. */
  offer(job: T, bytes: number): boolean {
    if (this.items.length - this.head >= this.limits.maxEntries || this.bytes + bytes > this.limits.maxBytes) return false;
    this.items.push({ job, bytes });
    this.bytes += bytes;
    this.schedule();
    return true;
  }

  /** True when no entry could be queued now (checked before a job is worth capturing). */
  full(): boolean {
    return this.items.length - this.head >= this.limits.maxEntries;
  }

  /** Entries, running jobs and bytes right now. */
  load(): QueueLoad {
    return { queued: this.items.length - this.head, running: this.running, bytes: this.bytes };
  }

  /** Resolves when nothing is queued or running (tests, shutdown). */
  async idle(pollMs = 5): Promise<void> {
    while (this.running > 0 || this.items.length > this.head) await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  /** Starts what can start: now, or at the next batch tick (one timer at a time, unref'd). */
  private schedule(): void {
    const batchMs = this.limits.batchMs ?? 0;
    if (batchMs <= 0) return this.pump();
    if (this.timer !== undefined || this.head >= this.items.length) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, batchMs);
    this.timer.unref?.();
  }

  private pump(): void {
    while (this.running < this.limits.concurrency && this.head < this.items.length) {
      const next = this.items[this.head]!;
      // A started job must not stay reachable from the queue: until the next compaction (1,024
      // jobs later) its call and primary text would outlive it by up to a second at 1,000 samples/s.
      this.items[this.head++] = undefined;
      if (this.head === this.items.length) {
        this.items.length = 0;
        this.head = 0;
      } else if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items.splice(0, this.head);
        this.head = 0;
      }
      this.running++;
      void this.worker(next.job).finally(() => {
        this.running--;
        this.bytes -= next.bytes;
        this.schedule();
      });
    }
  }
}
