import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Finds the package root: the nearest directory at or above `start` holding package.json.
 * Walking up (instead of a fixed `../..`) works both from `src/contract` under jest and from
 * `dist/src/contract` after a build.
 */
export function findPackageRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
}

let cachedContractsDir: string | undefined;

/** Absolute path of the repository's `contracts/` directory. */
export function contractsDir(): string {
  cachedContractsDir ??= join(findPackageRoot(), 'contracts');
  return cachedContractsDir;
}
