/**
 * The media alerts of deploy/prometheus (docs/observability.md "Media alerts") under promtool: each
 * rule's unit test fails when its condition is weakened, so their pass in
 * deploy-prometheus-rules.test.ts means something.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployDir, runTool, toolUnavailableReason, reportSkipped } from '../support/deploy-tools';

const rulesFile = join(deployDir, 'prometheus/understudy-rules.yaml');
const rulesTestFile = join(deployDir, 'prometheus/understudy-rules.test.yaml');
const unavailable = toolUnavailableReason('promtool');
reportSkipped('promtool media rule tests', unavailable);
if (unavailable !== undefined) it.skip(`promtool media rule tests: skipped because ${unavailable}`, () => undefined);

/** Runs the rule tests against the rules with `from` replaced by `to`; true when they pass. */
function passesWith(from: string, to: string): boolean {
  const rules = readFileSync(rulesFile, 'utf8');
  expect(rules).toContain(from);
  const dir = mkdtempSync(join(tmpdir(), 'understudy-media-rules-'));
  try {
    writeFileSync(join(dir, 'understudy-rules.yaml'), rules.replace(from, to));
    copyFileSync(rulesTestFile, join(dir, 'understudy-rules.test.yaml'));
    return runTool('/usr/bin/promtool', ['test', 'rules', join(dir, 'understudy-rules.test.yaml')]).ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

(unavailable === undefined ? describe : describe.skip)('media alerts under promtool', () => {
  it('pass as written', () => {
    expect(passesWith('understudy-media-alerts', 'understudy-media-alerts')).toBe(true);
  });

  it.each([
    ['verified files lost', 'max_over_time(understudy_media_files{state="verified"}[30m])', 'max_over_time(understudy_media_files{state="verified"}[1m])'],
    ['copy failing', 'increase(understudy_media_copy_failures_total[15m])) > 0', 'increase(understudy_media_copy_failures_total[15m])) > 5'],
    ['storage fallback', '> 0.05 * sum(rate(understudy_media_decisions_total', '> 0.5 * sum(rate(understudy_media_decisions_total'],
  ])('%s: the test fails when the rule is weakened', (_name, from, to) => {
    expect(passesWith(from, to)).toBe(false);
  });
});
