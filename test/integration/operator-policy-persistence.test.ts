/**
 * Policy versions survive a restart (docs/policy.md "Versions survive a restart"): admin changes are
 * stored in policy_versions and active again after a restart on the same store; a policy file
 * edited while understudy was down is applied on top as a new version.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPolicyFile } from '../../src/config/lab-defaults';
import type { RunningUnderstudy } from '../../src/main';
import { adminRequest, TEST_ADMIN_TOKEN } from '../support/admin-http';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';

const dir = mkdtempSync(join(tmpdir(), 'understudy-policy-store-'));
const policyFile = join(dir, 'policy.yaml');
copyFileSync(labPolicyFile(join(__dirname, '../../fixtures/catalog')), policyFile);

const start = (): Promise<RunningUnderstudy> =>
  startFacadeLab({ clock: frozenLabClock(), overrides: { admin: { token: TEST_ADMIN_TOKEN }, store: { driver: 'pglite', dataDir: join(dir, 'store') }, policy: { file: policyFile } } });

describe('policy versions in the store', () => {
  it('keeps admin changes across a restart, and applies a file edited while stopped on top', async () => {
    let facade = await start();
    const first = await adminRequest(facade.adminUrl, 'GET', '/admin/policy');
    expect(first.json.version).toBe(1);
    const killed = await adminRequest(facade.adminUrl, 'POST', '/admin/kill-switch', { body: { on: true, operation: 'asset.get' } });
    expect(killed.json.version).toBe(2);
    await facade.close();

    facade = await start();
    const restored = await adminRequest(facade.adminUrl, 'GET', '/admin/policy');
    expect(restored.json.version).toBe(2);
    expect(restored.json.author).toBe('jest');
    expect(restored.json.document.killSwitch.operations).toEqual(['asset.get']);
    await facade.close();

    writeFileSync(policyFile, readFileSync(policyFile, 'utf8').replace('salt: lab-2024', 'salt: lab-2025'));
    facade = await start();
    try {
      const edited = await adminRequest(facade.adminUrl, 'GET', '/admin/policy');
      expect(edited.json.version).toBe(3);
      expect(edited.json.document.salt).toBe('lab-2025');
      expect(edited.json.document.killSwitch.operations).toEqual([]);
    } finally {
      await facade.close();
    }
  }, 120_000);
});
