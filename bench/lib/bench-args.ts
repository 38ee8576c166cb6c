import { join } from 'node:path';

/** The compiled CLI, started as a separate process for each server a bench measures. */
export const cliPath = join(__dirname, '../../src/cli/main.js');

/** A numeric `--name value` argument, or the fallback. */
export function numberArg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** The load every bench takes: `--rate` requests per second for `--seconds` per row. */
export const loadArgs = { rate: numberArg('rate', 1000), seconds: numberArg('seconds', 10) };
