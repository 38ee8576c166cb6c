import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** understudy's version from its package.json, found from src/cli or dist/src/cli alike. */
export function readPackageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'understudy' && typeof pkg.version === 'string') return pkg.version;
    }
    dir = dirname(dir);
  }
  return 'unknown';
}
