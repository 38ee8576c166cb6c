/**
 * Before/after in one run (issue 13): `--compare <dir>` names another build of understudy (a
 * package root holding its own `dist/`, e.g. a copy of main's build), started as one more facade
 * target beside the current one, so a change is read against its baseline under the same machine
 * load rather than against a number taken an hour earlier (bench/README.md "Tail latency").
 * `--scenarios a,b` keeps a bench to the named scenarios; `--lean` drops the targets a bench
 * measures for reference only (nginx and the passthrough engines), to keep a run short.
 */
import { join, resolve } from 'node:path';
import type { Scenario } from '../scenarios';
import { stringArg } from './bench-args';

/** The CLI of the build to compare against, or undefined without `--compare`. */
export function compareCliPath(): string | undefined {
  const dir = stringArg('compare');
  return dir === undefined ? undefined : join(resolve(dir), 'dist/src/cli/main.js');
}

/** The scenarios `--scenarios` names (all of `from` without it). */
export function pickScenarios(from: readonly Scenario[]): readonly Scenario[] {
  const names = stringArg('scenarios')?.split(',');
  return names === undefined ? from : from.filter((s) => names.includes(s.name));
}

/** True with `--lean`. */
export const lean = process.argv.includes('--lean');
