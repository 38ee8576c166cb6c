/** A shadow call with its own deadline (docs/architecture.md §4: the shadow path has its own timeout). */

export type Timed<T> = { kind: 'done'; value: T; ms: number } | { kind: 'timeout'; settled: Promise<unknown> } | { kind: 'error'; ms: number };

/** Runs `start` with a deadline; the job keeps its queue slot until the call really settles. */
export async function withDeadline<T>(start: () => Promise<T>, timeoutMs: number, nowMs: () => number): Promise<Timed<T>> {
  const began = nowMs();
  const work = start().then(
    (value) => ({ kind: 'done' as const, value, ms: nowMs() - began }),
    () => ({ kind: 'error' as const, ms: nowMs() - began }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<{ kind: 'timeout'; settled: Promise<unknown> }>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout', settled: work }), timeoutMs);
  });
  const first = await Promise.race([work, deadline]);
  clearTimeout(timer);
  return first;
}
