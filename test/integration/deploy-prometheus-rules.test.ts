/**
 * deploy/prometheus: `promtool check rules` and `promtool test rules` (the unit tests beside the
 * rules), and the PrometheusRule of the Kustomize base carries exactly the same groups.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { deployDir, runTool, toolUnavailableReason, reportSkipped } from '../support/deploy-tools';
import { selectedMetrics } from '../support/promql-names';

const rulesFile = join(deployDir, 'prometheus/understudy-rules.yaml');
const rulesTestFile = join(deployDir, 'prometheus/understudy-rules.test.yaml');
const unavailable = toolUnavailableReason('promtool');
const describePromtool = unavailable === undefined ? describe : describe.skip;
reportSkipped('promtool rule tests', unavailable);
if (unavailable !== undefined) it.skip(`promtool rule tests: skipped because ${unavailable}`, () => undefined);

describePromtool('deploy/prometheus rules under promtool', () => {
  it('pass promtool check rules', () => {
    const checked = runTool('/usr/bin/promtool', ['check', 'rules', rulesFile]);
    expect(checked.ok ? checked.out : checked.why).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('pass their unit tests (promtool test rules)', () => {
    const tested = runTool('/usr/bin/promtool', ['test', 'rules', rulesTestFile]);
    expect(tested.ok ? tested.out : tested.why).toMatch(/SUCCESS/);
  });

  it('the unit tests fail when a threshold moves, so their pass means something', () => {
    const dir = mkdtempSync(join(tmpdir(), 'understudy-rules-'));
    try {
      writeFileSync(join(dir, 'understudy-rules.yaml'), readFileSync(rulesFile, 'utf8').replace('understudy_breaker_state) == 2', 'understudy_breaker_state) >= 1'));
      copyFileSync(rulesTestFile, join(dir, 'understudy-rules.test.yaml'));
      const tested = runTool('/usr/bin/promtool', ['test', 'rules', join(dir, 'understudy-rules.test.yaml')]);
      expect(tested.ok).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

it('rules name only understudy_ metrics, their own recording rules and up', () => {
  const groups = (parse(readFileSync(rulesFile, 'utf8')) as { groups: { rules: { record?: string; expr: string }[] }[] }).groups;
  const recorded = new Set(groups.flatMap((g) => g.rules.map((r) => r.record)));
  const names = groups.flatMap((g) => g.rules.flatMap((r) => selectedMetrics(r.expr)));
  expect(names).toContain('understudy_process_start_time_seconds');
  for (const name of names) expect([name, name.startsWith('understudy_') || recorded.has(name) || name === 'up']).toEqual([name, true]);
});

describe('deploy/kubernetes/base/prometheusrule.yaml', () => {
  it('has exactly the groups of deploy/prometheus/understudy-rules.yaml', () => {
    const source = parse(readFileSync(rulesFile, 'utf8')) as { groups: unknown };
    const resource = parse(readFileSync(join(deployDir, 'kubernetes/base/prometheusrule.yaml'), 'utf8')) as { kind: string; spec: { groups: unknown } };
    expect(resource.kind).toBe('PrometheusRule');
    expect(resource.spec.groups).toEqual(source.groups);
  });

  it('is what scripts/deploy-rules-gen.mjs writes (no drift)', () => {
    const checked = runTool(process.execPath, [join(deployDir, '../scripts/deploy-rules-gen.mjs'), '--check']);
    expect(checked.ok ? 'no drift' : checked.why).toBe('no drift');
  });
});
