/**
 * Shadow work one piece per event-loop turn. When a batch of candidates (ShadowQueue `batchMs`) is
 * answered by the platform, the answers arrive together; run back to back, their translations and
 * diffs would hold the event loop for milliseconds while device requests wait behind them. Each
 * waits here for its own turn instead: `turn()` resolves one waiter per `defer` (setImmediate), so
 * the loop polls for device I/O between any two of them. Waiters are bounded by the executor's
 * concurrency (a candidate waits once per platform answer, one at a time).
 */
export class TurnLane {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly defer: (run: () => void) => void = (run) => void setImmediate(run)) {}

  /** Resolves on a later event-loop turn, after every earlier waiter had its own. */
  turn(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (this.scheduled) return;
      this.scheduled = true;
      this.defer(this.next);
    });
  }

  /** Waiters not yet let through. */
  get length(): number {
    return this.waiting.length;
  }

  private readonly next = (): void => {
    const resolve = this.waiting.shift();
    if (resolve === undefined) {
      this.scheduled = false;
      return;
    }
    resolve();
    this.defer(this.next);
  };
}
