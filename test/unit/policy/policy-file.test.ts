import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OffsetClock } from '../../../src/core/clock';
import { decideTarget } from '../../../src/policy/decide-target';
import { loadPolicyFile, watchPolicyFile, type PolicyFileWatch } from '../../../src/policy/policy-file';
import { PolicyHolder } from '../../../src/policy/policy-holder';

const platformYaml = 'salt: s\ndefaultTarget: platform\n';
const vendorYaml = 'salt: s\ndefaultTarget: vendor\nrules:\n  - id: catalogue\n    match: { operations: [asset.get] }\n    target: platform\n';

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('policy files', () => {
  let dir: string;
  let holder: PolicyHolder;
  let watching: PolicyFileWatch | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'understudy-policy-'));
    holder = new PolicyHolder({ clock: new OffsetClock() });
  });
  afterEach(() => {
    watching?.close();
    watching = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads YAML and JSON files with the file as author', () => {
    const yamlFile = join(dir, 'policy.yaml');
    const jsonFile = join(dir, 'policy.json');
    writeFileSync(yamlFile, platformYaml);
    writeFileSync(jsonFile, JSON.stringify({ salt: 's', defaultTarget: 'vendor' }));
    expect(loadPolicyFile(holder, yamlFile)).toEqual({ ok: true, value: { version: 1 } });
    expect(holder.current().author).toBe(`file:${yamlFile}`);
    expect(loadPolicyFile(holder, jsonFile)).toEqual({ ok: true, value: { version: 2 } });
    expect(holder.current().document.defaultTarget).toBe('vendor');
  });

  it('reports unreadable, unparsable and invalid files without changing the active version', () => {
    const file = join(dir, 'policy.yaml');
    expect(loadPolicyFile(holder, file)).toMatchObject({ ok: false, error: [expect.stringMatching(/cannot read policy file/)] });
    writeFileSync(file, 'salt: [unclosed\n');
    expect(loadPolicyFile(holder, file).ok).toBe(false);
    writeFileSync(file, 'salt: s\ndefaultTarget: cloud\nrules: 3\n');
    const invalid = loadPolicyFile(holder, file);
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.error).toEqual([expect.stringContaining('/defaultTarget'), expect.stringContaining('/rules must be array')]);
    expect(holder.current().version).toBe(0);
  });

  it.each([
    ['fs.watch', true],
    ['polling alone', false],
  ])('follows valid changes and keeps the version on invalid ones (%s)', async (_name, useFsWatch) => {
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, platformYaml);
    const errors: string[][] = [];
    const reloads: number[] = [];
    watching = watchPolicyFile(holder, file, { debounceMs: 30, pollIntervalMs: 50, useFsWatch, onError: (e) => errors.push(e), onReload: (v) => reloads.push(v) });
    expect(watching.initial).toEqual({ ok: true, value: { version: 1 } });

    writeFileSync(file, vendorYaml);
    await waitFor(() => holder.current().version === 2);
    expect(decideTarget(holder.current().policy, { operationId: 'asset.get' }).ruleId).toBe('catalogue');

    writeFileSync(file, 'salt: s\nrules: [{ id: x }]\n');
    await waitFor(() => errors.length === 1);
    expect(errors[0]!.some((e) => e.includes('/rules/0'))).toBe(true);
    expect(holder.current().version).toBe(2);

    // Replaced by rename, as editors and deploy tools do.
    writeFileSync(join(dir, 'next.tmp'), platformYaml);
    renameSync(join(dir, 'next.tmp'), file);
    await waitFor(() => holder.current().version === 3);
    expect(holder.current().document.defaultTarget).toBe('platform');
    expect(reloads).toEqual([2, 3]);
  });

  it('does not publish a new version when the content did not change', async () => {
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, platformYaml);
    const reloads: number[] = [];
    watching = watchPolicyFile(holder, file, { debounceMs: 20, pollIntervalMs: 40, onError: () => undefined, onReload: (v) => reloads.push(v) });
    writeFileSync(file, platformYaml);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reloads).toEqual([]);
    expect(holder.current().version).toBe(1);
  });

  it('keeps the built-in policy when the first load fails, then picks up the fixed file', async () => {
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, 'salt: 3\n');
    watching = watchPolicyFile(holder, file, { debounceMs: 20, pollIntervalMs: 40, onError: () => undefined });
    expect(watching.initial.ok).toBe(false);
    expect(holder.current().version).toBe(0);
    writeFileSync(file, platformYaml);
    await waitFor(() => holder.current().version === 1);
  });
});
