/**
 * `server.workers` (design.md §7 "All cores"): the primary process forks that many workers with
 * node:cluster; every worker runs the whole understudy and they share the facade and admin ports
 * (the primary hands connections out round-robin). Workers share state through the store only
 * (compose-shared-state.ts), exactly as separate instances do. The primary replaces a worker that
 * dies, and on SIGTERM (what an orchestrator sends to PID 1) forwards it to every worker and waits
 * for their drains. A terminal's Ctrl-C already reaches every worker (one process group), so the
 * primary does not forward SIGINT: a second signal would cut a worker's drain short.
 */
import cluster, { type Worker } from 'node:cluster';

/** The message a worker sends once it listens. */
const READY = 'understudy-worker-ready';

/** True in a process the primary forked. */
export function isWorkerProcess(): boolean {
  return cluster.isWorker;
}

/** True for the first worker (it prints the banner, so the operator sees it once). */
export function isFirstWorker(): boolean {
  return cluster.worker?.id === 1;
}

/** Tells the primary this worker serves. */
export function reportWorkerReady(): void {
  process.send?.({ type: READY });
}

function forkWorker(onReady: () => void): Worker {
  const worker = cluster.fork();
  worker.on('message', (message: { type?: string }) => {
    if (message?.type === READY) onReady();
  });
  return worker;
}

/** Runs the primary: forks `count` workers, keeps them running, stops them on SIGTERM/SIGINT. Resolves with the exit code. */
export function runWorkerPrimary(count: number, log: (line: string) => void = console.log): Promise<number> {
  let stopping = false;
  let ready = 0;
  const onReady = (): void => {
    ready += 1;
    if (ready === count) log(`understudy primary ${process.pid}: ${count} workers ready`);
  };
  for (let i = 0; i < count; i++) forkWorker(onReady);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log(`understudy worker ${worker.process.pid} exited (${signal ?? code}); starting a replacement in 1 s`);
    setTimeout(() => {
      if (!stopping) forkWorker(() => log(`understudy replacement worker ready`));
    }, 1000).unref();
  });
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      if (signal === 'SIGTERM') for (const worker of workers) worker.process.kill('SIGTERM');
      let left = workers.length;
      if (left === 0) resolve(0);
      for (const worker of workers) {
        worker.once('exit', () => {
          left -= 1;
          if (left === 0) resolve(0);
        });
      }
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}
