import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findPackageRoot } from '../../../src/contract/contracts-dir';

describe('contracts/generated', () => {
  it('is up to date with the contracts (npm run contracts:check)', () => {
    const root = findPackageRoot(__dirname);
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'contracts-gen.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.stringContaining('up to date') });
  });
});
