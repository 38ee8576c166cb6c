import { join } from 'node:path';

/** The compiled CLI, started as a separate process for each server a bench measures. */
export const cliPath = join(__dirname, '../../src/cli/main.js');

/** A numeric `--name value` argument, or the fallback. */
export function numberArg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Every value of a repeatable `--name value` argument, in order. */
export function repeatedArg(name: string): string[] {
  return process.argv.flatMap((arg, i) => (process.argv[i - 1] === `--${name}` ? [arg] : []));
}

/** The load every bench takes: `--rate` requests per second for `--seconds` per row. */
export const loadArgs = { rate: numberArg('rate', 1000), seconds: numberArg('seconds', 10) };
