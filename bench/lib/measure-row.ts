import { loadArgs } from './bench-args';
import { percentile, runLoadSlice, summariseSlices, type LoadSlice, type LoadResult } from './open-loop-load';
import { hostCpuTicks, processCpuSeconds, processRssMiB } from './process-cpu';
import type { Scenario } from '../scenarios';

/** One table row: a scenario driven through one target, with that target's own CPU and memory. */
export interface Row {
  readonly scenario: string;
  readonly target: string;
  readonly load: LoadResult;
  readonly cpuMicrosPerRequest: number;
  readonly rssMiB: number;
  /** The p99 of each 1 s slice, in the order the targets took turns (paired across targets by index). */
  readonly sliceP99Ms: readonly number[];
  /**
   * How busy the whole host was during this target's slices, in percent of all its cores: the load
   * generator, the upstreams and the target together. Near 100 the rows measure the host's queue.
   */
  readonly hostBusyPercent: number;
}

/** A server a scenario is driven through: its name in the table, where it listens, its processes. */
export interface MeasuredTarget {
  readonly name: string;
  readonly origin: string;
  /** Several for nginx (master and worker); read before every slice, so restarts are not missed. */
  readonly pids: () => readonly number[];
}

/** Length of one slice of load on one target before the next target's turn. */
const sliceMs = 1000;

const sum = (pids: readonly number[], read: (pid: number) => number): number => pids.reduce((total, pid) => total + read(pid), 0);

/**
 * Drives a scenario through every target at the bench's rate and returns a row per target.
 * After 2 s of warm-up each, the targets take turns in 1 s slices until each has had `seconds`
 * of load, so a noisy moment of the machine (this one is a shared VM whose tail latency drifts by
 * an order of magnitude within the hour) lands on every target alike instead of on one row.
 * CPU and RSS are each target's own processes; CPU is summed over that target's slices only.
 */
export async function measureScenario(scenario: Scenario, targets: readonly MeasuredTarget[], ks: string): Promise<Row[]> {
  const { rate, seconds } = loadArgs;
  const request = (): ReturnType<Scenario['request']> => scenario.request(ks);
  for (const target of targets) await runLoadSlice({ origin: target.origin, rate, durationMs: 2000, request });
  const slices = targets.map((): LoadSlice[] => []);
  const cpuSeconds = targets.map(() => 0);
  const hostTicks = targets.map(() => ({ busy: 0, total: 0 }));
  const rounds = Math.max(1, Math.round((seconds * 1000) / sliceMs));
  for (let round = 0; round < rounds; round++) {
    for (const [index, target] of targets.entries()) {
      const before = sum(target.pids(), processCpuSeconds);
      const hostBefore = hostCpuTicks();
      slices[index]!.push(await runLoadSlice({ origin: target.origin, rate, durationMs: sliceMs, request }));
      const hostAfter = hostCpuTicks();
      cpuSeconds[index]! += sum(target.pids(), processCpuSeconds) - before;
      hostTicks[index]!.busy += hostAfter.busy - hostBefore.busy;
      hostTicks[index]!.total += hostAfter.total - hostBefore.total;
    }
  }
  return targets.map((target, index) => {
    const load = summariseSlices(slices[index]!);
    const sliceP99Ms = slices[index]!.map((slice) => (slice.latencies.length === 0 ? Number.NaN : percentile([...slice.latencies].sort((a, b) => a - b), 99)));
    return { scenario: scenario.name, target: target.name, load, cpuMicrosPerRequest: (cpuSeconds[index]! * 1e6) / load.sent, rssMiB: sum(target.pids(), processRssMiB), sliceP99Ms, hostBusyPercent: (hostTicks[index]!.busy / Math.max(1, hostTicks[index]!.total)) * 100 };
  });
}

/**
 * How `row`'s slice p99s compare with `base`'s, slice by slice (the two took turns, so each pair saw
 * the same moment of the machine): the median and quartiles of the ratios. On a host whose tail
 * drifts by minutes this tells a p99 difference from drift better than the two pooled p99s.
 */
export function pairedP99Ratios(rows: readonly { row: Row; base: Row }[]): { median: number; q1: number; q3: number; pairs: number } {
  const ratios = rows.flatMap(({ row, base }) => row.sliceP99Ms.map((p99, i) => p99 / base.sliceP99Ms[i]!)).filter(Number.isFinite).sort((a, b) => a - b);
  const at = (p: number): number => (ratios.length === 0 ? Number.NaN : percentile(ratios, p));
  return { median: at(50), q1: at(25), q3: at(75), pairs: ratios.length };
}
