import { loadArgs } from './bench-args';
import { runOpenLoopLoad, type LoadResult } from './open-loop-load';
import { processCpuSeconds, processRssMiB } from './process-cpu';
import type { Scenario } from '../scenarios';

/** One table row: a scenario driven through one target, with that target's own CPU and memory. */
export interface Row {
  readonly scenario: string;
  readonly target: string;
  readonly load: LoadResult;
  readonly cpuMicrosPerRequest: number;
  readonly rssMiB: number;
}

const sum = (pids: readonly number[], read: (pid: number) => number): number => pids.reduce((total, pid) => total + read(pid), 0);

/**
 * Drives a scenario through a target at the bench's rate: 2 s of warm-up, then the measured run;
 * CPU and RSS are the target processes' own (several pids for nginx's master and worker).
 */
export async function measureRow(scenario: Scenario, target: string, origin: string, pids: readonly number[], ks: string): Promise<Row> {
  const { rate, seconds } = loadArgs;
  await runOpenLoopLoad({ origin, rate, durationMs: 2000, request: () => scenario.request(ks) });
  const before = sum(pids, processCpuSeconds);
  const load = await runOpenLoopLoad({ origin, rate, durationMs: seconds * 1000, request: () => scenario.request(ks) });
  const cpu = sum(pids, processCpuSeconds) - before;
  return { scenario: scenario.name, target, load, cpuMicrosPerRequest: (cpu * 1e6) / load.sent, rssMiB: sum(pids, processRssMiB) };
}
