/**
 * Cost of one policy decision (issue: O(rules), no I/O, ≤ 20 µs). Compiles a 20-rule policy that
 * uses every kind of match, warms up, then times 1,000,000 `decideTarget` calls over a mix of calls
 * that hit early rules, late rules, canary buckets, CIDR lookups and the default.
 * Usage: npx tsc -p tsconfig.build.json && node dist/bench/policy-decision-bench.js
 */
import { printJsonRows } from './lib/json-rows';
import { compilePolicy } from '../src/policy/compile-policy';
import type { CompiledPolicy } from '../src/policy/compiled-policy';
import { decideTarget } from '../src/policy/decide-target';
import type { RoutingInput } from '../src/policy/decision';

const services = ['asset', 'bookmark', 'favorite', 'household', 'householddevice', 'ottuser', 'session', 'entitlement', 'productprice', 'assethistory'];

/** Twenty rules: names, globs, regions, client tags, semver ranges, device families, canaries. */
function twentyRulePolicy(): CompiledPolicy {
  const rules = Array.from({ length: 20 }, (_, i) => ({
    id: `rule-${i}`,
    match: {
      operations: i % 4 === 0 ? [`${services[i % services.length]}.*`] : [`${services[i % services.length]}.get`, `${services[i % services.length]}.list`],
      ...(i % 3 === 0 ? { regions: ['eu-west', 'eu-*'] } : {}),
      ...(i % 5 === 0 ? { clientTags: ['stb-*', 'tv-legacy'] } : {}),
      ...(i % 2 === 0 ? { appVersions: '>=5.0.0 <12.0.0' } : {}),
      ...(i % 7 === 0 ? { deviceFamilies: [1, 5, 'tv'] } : {}),
    },
    target: i % 6 === 5 ? 'vendor' : 'platform',
    percent: [10, 25, 50, 90, 100][i % 5],
  }));
  const cidrs = Array.from({ length: 200 }, (_, i) => ({ cidr: `10.${i}.0.0/16`, region: i % 2 === 0 ? 'eu-west' : 'us-east' }));
  const compiled = compilePolicy({ salt: 'bench', regions: { header: 'x-edge-region', cidrs: [...cidrs, { cidr: '2001:db8::/32', region: 'eu-central' }] }, rules }, 1);
  if (!compiled.ok) throw new Error(compiled.error.join('; '));
  return compiled.value;
}

function callMix(count: number): RoutingInput[] {
  const actions = ['get', 'list', 'add', 'delete'];
  return Array.from({ length: count }, (_, i) => ({
    operationId: `${services[i % services.length]}.${actions[(i >> 3) % actions.length]}`,
    householdId: i % 3 === 0 ? undefined : 100000 + i * 7919,
    udid: `udid-${i.toString(16)}`,
    clientTag: i % 2 === 0 ? 'STB-Legacy' : 'android-tv',
    apiVersion: ['7.8.1', '3.6.1579.29065', '11.2.1.0', '5.2.5.17649'][i % 4],
    deviceFamily: i % 6,
    regionHeader: i % 4 === 0 ? 'eu-west' : undefined,
    remoteAddress: i % 5 === 0 ? '::ffff:10.42.1.2' : i % 5 === 1 ? '2001:db8::7' : `10.${i % 250}.3.4`,
  }));
}

function run(policy: CompiledPolicy, calls: RoutingInput[], decisions: number): { seconds: number; platform: number } {
  let platform = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < decisions; i++) if (decideTarget(policy, calls[i % calls.length]!).target === 'platform') platform++;
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, platform };
}

/** Runs the benchmark and returns µs per decision. */
export function measureDecisionMicros(decisions = 1_000_000, warmup = 200_000): number {
  const policy = twentyRulePolicy();
  const calls = callMix(4096);
  run(policy, calls, warmup);
  const { seconds } = run(policy, calls, decisions);
  return (seconds * 1e6) / decisions;
}

if (require.main === module) {
  const micros = measureDecisionMicros();
  console.log(`decideTarget: 20 rules, 1,000,000 decisions: ${micros.toFixed(3)} µs/decision (budget 20 µs)`);
  printJsonRows([{ scenario: 'decideTarget, 20 rules', target: 'in-process', sent: 1_000_000, errors: 0, ratePerSec: Math.round(1e6 / micros), p50Ms: null, p99Ms: null, cpuUsPerRequest: Number(micros.toFixed(3)), rssMiB: Number((process.memoryUsage().rss / 1048576).toFixed(1)) }]);
}
