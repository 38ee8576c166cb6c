import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contractsDir, findPackageRoot } from '../../../src/contract/contracts-dir';

describe('contracts directory', () => {
  it('is found by walking up to package.json, from src/ and from a dist/src/ layout', () => {
    const root = findPackageRoot(__dirname);
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    expect(findPackageRoot(join(root, 'dist', 'src', 'contract'))).toBe(root);
    expect(contractsDir()).toBe(join(root, 'contracts'));
    expect(existsSync(join(contractsDir(), 'phoenix', 'openapi.yaml'))).toBe(true);
  });
});
