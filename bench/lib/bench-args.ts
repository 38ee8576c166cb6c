import { join } from 'node:path';

/** The compiled CLI, started as a separate process for each server a bench measures. */
export const cliPath = join(__dirname, '../../src/cli/main.js');

/** A numeric `--name value` argument, or the fallback. */
export function numberArg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** A string `--name value` argument, or undefined. */
export function stringArg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

/** Every value of a repeatable `--name value` argument, in order. */
export function repeatedArg(name: string): string[] {
  return process.argv.flatMap((arg, i) => (process.argv[i - 1] === `--${name}` ? [arg] : []));
}

/**
 * `--node-flag <flag>` (repeatable): V8/Node flags for every facade process a bench starts, all
 * targets alike. By default the young generation is held at 32 MB per semi-space, where a serving
 * instance keeps it: a process idle for seconds between its slices has it shrunk to 1 MB, and then
 * promotes whatever lives a few milliseconds (bench/README.md "Tracing at 10 %: the young
 * generation"). `--node-flag --min-semi-space-size=0` measures with V8's default.
 */
export function facadeNodeFlags(): string[] {
  const given = repeatedArg('node-flag');
  return given.length > 0 ? given : ['--min-semi-space-size=32'];
}

/** The load every bench takes: `--rate` requests per second for `--seconds` per row. */
export const loadArgs = { rate: numberArg('rate', 1000), seconds: numberArg('seconds', 10) };
