/**
 * CPU per request of several targets compared round by round, for effects of a few percent on a
 * shared machine whose speed drifts within seconds. Targets take turns in short slices; each round
 * gives every target one slice (in an order rotated every round), and a target's ratio to the baseline is taken per round (the two
 * slices ran moments apart) and summarised by the median over rounds with its quartiles, beside
 * the ratio of the totals. CPU is read from every thread's schedstat (nanoseconds, GC and libuv
 * threads included), not from /proc/<pid>/stat's 10 ms ticks. A slice is charged everything its
 * target used since the end of that target's previous slice, so work a target puts off until it is
 * idle (a timer's batch export, a collection) still counts against its requests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { percentile, runLoadSlice, summariseSlices, type LoadResult, type LoadSlice } from './open-loop-load';
import type { MeasuredTarget } from './measure-row';
import type { Scenario } from '../scenarios';

/** CPU nanoseconds a process has run so far, summed over its threads (0 for a thread gone meanwhile). */
export function processCpuNanos(pid: number): number {
  let total = 0;
  for (const thread of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ', 1)[0]);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return total;
}

/** One target's result: its load, total CPU per request, and its per-round CPU per request. */
export interface PairedRow {
  readonly target: string;
  readonly load: LoadResult;
  readonly cpuMicrosPerRequest: number;
  readonly perRound: readonly number[];
}

/** The ratio of `row` to `base`: of the totals, and the median and quartiles of the per-round ratios. */
export function pairedRatio(row: PairedRow, base: PairedRow): { total: number; median: number; q1: number; q3: number } {
  const ratios = row.perRound.map((cpu, round) => cpu / base.perRound[round]!).sort((a, b) => a - b);
  return { total: row.cpuMicrosPerRequest / base.cpuMicrosPerRequest, median: percentile(ratios, 50), q1: percentile(ratios, 25), q3: percentile(ratios, 75) };
}

/**
 * Drives `scenario` through every target: a warm-up of `warmupMs` (2 s unless given) at the
 * slices' rate for each target process, then `rounds` rounds of one `sliceMs` slice per target.
 * Targets that share a name are one target served by several processes: each round uses the next
 * of them in turn, so a difference between two processes of the same code (seen up to ~20 % on
 * this machine) spreads over the rounds instead of deciding a whole row. With `rewarmMs`, each
 * slice is preceded by that much load at the same rate whose CPU is not charged (what the target
 * did in its idle gap still is), to see what a process pays for resuming after an idle gap.
 */
export async function measurePairedRounds(scenario: Scenario, targets: readonly MeasuredTarget[], ks: string, options: { rate: number; sliceMs: number; rounds: number; warmupMs?: number; rewarmMs?: number }): Promise<PairedRow[]> {
  const request = (): ReturnType<Scenario['request']> => scenario.request(ks);
  for (const target of targets) await runLoadSlice({ origin: target.origin, rate: options.rate, durationMs: options.warmupMs ?? 2000, request });
  const names = [...new Set(targets.map((t) => t.name))];
  const members = names.map((name) => targets.filter((t) => t.name === name));
  const slices = names.map((): LoadSlice[] => []);
  const perRound = names.map((): number[] => []);
  const cpuNanos = names.map(() => 0);
  const cpuOf = (target: MeasuredTarget): number => target.pids().reduce((sum, pid) => sum + processCpuNanos(pid), 0);
  const lastRead = new Map(targets.map((t) => [t, cpuOf(t)] as const));
  /** Drives `target` for `ms` uncharged: returns the CPU it used since its last slice, and restarts its count after the load. */
  const rewarm = async (target: MeasuredTarget, ms: number): Promise<number> => {
    const gap = cpuOf(target) - lastRead.get(target)!;
    await runLoadSlice({ origin: target.origin, rate: options.rate, durationMs: ms, request });
    lastRead.set(target, cpuOf(target));
    return gap;
  };
  for (let round = 0; round < options.rounds; round++) {
    // Each round starts one target later, so no target always follows the same one.
    for (let turn = 0; turn < names.length; turn++) {
      const index = (round + turn) % names.length;
      const group = members[index]!;
      const target = group[round % group.length]!;
      // The idle gap's work is charged, the re-warming load's CPU is not (work it leaves for later is).
      const gapWork = options.rewarmMs === undefined ? 0 : await rewarm(target, options.rewarmMs);
      const slice = await runLoadSlice({ origin: target.origin, rate: options.rate, durationMs: options.sliceMs, request });
      const read = cpuOf(target);
      const used = read - lastRead.get(target)! + gapWork;
      lastRead.set(target, read);
      slices[index]!.push(slice);
      perRound[index]!.push(used / 1000 / Math.max(1, slice.sent));
      cpuNanos[index]! += used;
    }
  }
  return names.map((name, index) => {
    const load = summariseSlices(slices[index]!);
    return { target: name, load, cpuMicrosPerRequest: cpuNanos[index]! / 1000 / load.sent, perRound: perRound[index]! };
  });
}
