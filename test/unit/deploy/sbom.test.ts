/**
 * `npm run sbom` (scripts/sbom.sh, made the same way in the Dockerfile): a CycloneDX document of a
 * clean production install from the lockfile — every production dependency, no development one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean }> };

describe('the SBOM', () => {
  it('lists the production dependencies at their locked versions and none of the development ones', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'understudy-sbom-test-')), 'sbom.cdx.json');
    execFileSync('bash', [join(root, 'scripts/sbom.sh'), out], { cwd: root, stdio: 'ignore' });
    const sbom = JSON.parse(readFileSync(out, 'utf8'));
    expect(sbom.bomFormat).toBe('CycloneDX');
    // A package may appear at several versions (a dependency's own nested copy): the hoisted one must be among them.
    const versions = new Map<string, string[]>();
    for (const c of sbom.components as { name: string; group?: string; version: string }[]) {
      const name = c.group ? `${c.group}/${c.name}` : c.name;
      versions.set(name, [...(versions.get(name) ?? []), c.version]);
    }
    for (const name of Object.keys(pkg.dependencies)) expect([name, versions.get(name)]).toEqual([name, expect.arrayContaining([lock.packages[`node_modules/${name}`]!.version])]);
    // Hoisted development-only packages (the lockfile's `dev`), e.g. typescript, jest, eslint, knip, are absent.
    const devOnly = Object.keys(lock.packages).filter((path) => lock.packages[path]!.dev === true && path.split('node_modules/').length === 2).map((path) => path.slice(path.lastIndexOf('node_modules/') + 13));
    expect(devOnly).toEqual(expect.arrayContaining(['typescript', 'jest', 'eslint', 'knip']));
    // A production package's own nested copy of the same name (another version) may be listed; the dev one may not.
    expect(devOnly.filter((name) => versions.get(name)?.includes(lock.packages[`node_modules/${name}`]!.version!))).toEqual([]);
  }, 120_000);
});
