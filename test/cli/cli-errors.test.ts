/**
 * The CLI's error style against the built binary (docs/operations.md "Errors"): every error at once,
 * the key, the allowed values and the layer named, exit code 2 for bad configuration, policy or
 * arguments; `--version`; `policy validate` offline.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, runCli } from '../support/built-cli';

beforeAll(() => buildCli(), 120_000);

const dir = mkdtempSync(join(tmpdir(), 'understudy-cli-'));
const badPolicy = join(dir, 'bad-policy.yaml');
writeFileSync(badPolicy, 'salt: x\ndefaultTarget: vendr\nrules:\n  - id: a\n    match: {operations: [asset.gett]}\n    target: platform\n');

describe('understudy CLI errors', () => {
  it('prints its version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('refuses a bad flag, env value and setting together with exit code 2', async () => {
    const result = await runCli(['serve', '--port', 'abc', '--log-level', 'loud'], { UNDERSTUDY_CLOCK: 'banana' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        'invalid configuration:',
        '  /server/port must be integer (from --port)',
        '  /clock "banana" is not allowed; allowed: "lab", "system", "auto" (from $UNDERSTUDY_CLOCK)',
        '  /log/level "loud" is not allowed; allowed: "fatal", "error", "warn", "info", "debug", "trace", "silent" (from --log-level)',
        '',
      ].join('\n'),
    );
  });

  it('validates a policy file offline, every error listed, exit code 2; serve refuses it the same way', async () => {
    const expected = [
      `invalid policy ${badPolicy}:`,
      '  /defaultTarget "vendr" is not allowed; allowed: "vendor", "platform"',
      '  /rules/0/match/operations/0 "asset.gett" is not an operation of the vendor contract (did you mean "asset.get"?)',
      '',
    ].join('\n');
    const validated = await runCli(['policy', 'validate', badPolicy]);
    expect(validated.code).toBe(2);
    expect(validated.stderr).toBe(expected);
    const served = await runCli(['serve', '--policy', badPolicy, '--port', '0']);
    expect(served.code).toBe(2);
    expect(served.stderr).toBe(expected);
    const good = await runCli(['policy', 'validate', 'fixtures/policy/example-migration.yaml']);
    expect(good).toEqual({ code: 0, stdout: 'fixtures/policy/example-migration.yaml: valid (5 rules, default target vendor)\n', stderr: '' });
  });

  it('refuses sim vendor --clock banana', async () => {
    const result = await runCli(['sim', 'vendor', '--clock', 'banana', '--port', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('invalid arguments:\n  --clock "banana" is not allowed; allowed: "lab", "system"\n');
  });
});
