/**
 * Group commit of facade captures (docs/sync.md "Capture"): a device's write waits for its capture
 * to be durable before it is answered, and concurrent writes would each pay one INSERT (one
 * statement, one commit, one WAL flush). Here at most `maxInFlight` statements run at once; callers
 * arriving meanwhile wait and go together in the next one. An idle capture goes at once (no timer,
 * no added wait); under load the statements get fewer and larger instead of queueing per row.
 */

export interface GroupCommitOptions<T> {
  /** Commits several callers' groups in one statement; resolves each group's result, in order. */
  readonly flush: (groups: readonly T[]) => Promise<readonly number[]>;
  /** A group's row count (a group is never split between statements). */
  readonly sizeOf: (group: T) => number;
  /** Statements in flight at once (at least 1). */
  readonly maxInFlight: number;
  /** Rows per statement at most (a larger single group still goes, alone). */
  readonly maxRows: number;
  /** Rows allowed to wait; a caller beyond it is committed on its own at once (the queue stays bounded). */
  readonly maxWaitingRows: number;
}

interface Waiter<T> {
  readonly group: T;
  readonly rows: number;
  readonly resolve: (count: number) => void;
  readonly reject: (error: unknown) => void;
}

/** The next statement's callers: the oldest, then as many as fit under `maxRows`. */
function takeBatch<T>(waiting: Waiter<T>[], maxRows: number): Waiter<T>[] {
  const batch = [waiting.shift()!];
  let rows = batch[0]!.rows;
  while (waiting.length > 0 && rows + waiting[0]!.rows <= maxRows) {
    rows += waiting[0]!.rows;
    batch.push(waiting.shift()!);
  }
  return batch;
}

/** Creates the committer: resolves each caller's count once its rows are durable. */
export function createGroupCommit<T>(options: GroupCommitOptions<T>): (group: T) => Promise<number> {
  const waiting: Waiter<T>[] = [];
  let waitingRows = 0;
  let inFlight = 0;
  const commitAlone = (waiter: Waiter<T>): Promise<void> => options.flush([waiter.group]).then((counts) => waiter.resolve(counts[0] ?? 0), waiter.reject);
  const runBatch = async (batch: readonly Waiter<T>[]): Promise<void> => {
    try {
      const counts = await options.flush(batch.map((w) => w.group));
      batch.forEach((w, i) => w.resolve(counts[i] ?? 0));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // One caller's bad row must not fail the others: each goes again on its own.
      await Promise.all(batch.map(commitAlone));
    }
  };
  const pump = (): void => {
    while (inFlight < Math.max(1, options.maxInFlight) && waiting.length > 0) {
      const batch = takeBatch(waiting, options.maxRows);
      for (const w of batch) waitingRows -= w.rows;
      inFlight += 1;
      void runBatch(batch).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  };
  return (group) =>
    new Promise<number>((resolve, reject) => {
      const waiter = { group, rows: options.sizeOf(group), resolve, reject };
      if (waitingRows + waiter.rows > options.maxWaitingRows && waiting.length > 0) {
        void commitAlone(waiter);
        return;
      }
      waiting.push(waiter);
      waitingRows += waiter.rows;
      pump();
    });
}
