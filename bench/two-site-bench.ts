/**
 * Shared-state propagation between two sites (design.md §7), in the two-site lab the tests use
 * (test/support/two-site-lab.ts: two PostgreSQL 15 clusters linked by logical replication, a
 * facade per site, a balancer): how long a kill switch, a policy change and a logout made at one
 * site take to be in force at the other, timed from the writer's answer, over `--rounds` rounds.
 * Usage: npm run build && node dist/bench/two-site-bench.js [--rounds 10] [--json]
 */
import { numberArg } from './lib/bench-args';
import { printJsonRows, type JsonRow } from './lib/json-rows';
import { pgClusterSkipReason } from '../test/support/pg-cluster';
import { timeKillSwitch, timeLogout, timePolicyReplace } from '../test/support/shared-state-checks';
import { startTwoSiteLab, type TwoSiteLab } from '../test/support/two-site-lab';

const rounds = numberArg('rounds', 10);

function summarise(scenario: string, target: string, times: readonly number[]): JsonRow {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number): number => Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1));
  return { scenario, target, sent: times.length, errors: times.filter((t) => !Number.isFinite(t)).length, ratePerSec: null, p50Ms: at(50), p99Ms: at(99), cpuUsPerRequest: null, rssMiB: null };
}

async function measure(lab: TwoSiteLab): Promise<JsonRow[]> {
  const kill: number[] = [];
  const policy: number[] = [];
  const logout: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const [writer, reader] = i % 2 === 0 ? [lab.a.facade, lab.b.facade] : [lab.b.facade, lab.a.facade];
    kill.push(await timeKillSwitch(writer, reader, 'asset.get', i % 4 < 2, 10_000));
    policy.push(await timePolicyReplace(writer, reader, `bench-${i}`, 10_000));
    logout.push(await timeLogout(writer, reader, 10_000));
  }
  return [summarise('kill switch in force at the other site', 'two-site lab', kill), summarise('policy replace active at the other site', 'two-site lab', policy), summarise('logout refused (500016) at the other site', 'two-site lab', logout)];
}

async function main(): Promise<void> {
  const skip = pgClusterSkipReason();
  if (skip !== undefined) {
    console.log(`two-site bench skipped: ${skip}`);
    return;
  }
  const lab = await startTwoSiteLab();
  try {
    const rows = await measure(lab);
    const lines = [`two-site lab, ${rounds} rounds alternating the writing site, measured ${new Date().toISOString()} (20 ms poll granularity)`, '', '| what | rounds | not in force within 10 s | p50 ms | p99 ms (the max below 100 rounds) |', '|---|---|---|---|---|'];
    for (const row of rows) lines.push(`| ${row.scenario} | ${row.sent} | ${row.errors} | ${row.p50Ms} | ${row.p99Ms} |`);
    console.log(lines.join('\n'));
    printJsonRows(rows);
  } finally {
    await lab.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
