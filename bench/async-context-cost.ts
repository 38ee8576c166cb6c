/**
 * What an enabled AsyncLocalStorage (tracing's current-span store, src/metrics/otel-tracing.ts)
 * costs every promise in the process, on the Node that runs this: CPU per await of a chain of
 * async calls, before any store has run, then with one store enabled, alternating, in one process.
 * On Node 20 the store rides on async_hooks (a hook on every promise); from Node 24 on it is an
 * async context frame. Usage: npm run build && node dist/bench/async-context-cost.js [--rounds 6]
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { numberArg } from './lib/bench-args';

const awaitsPerChain = 1000;
const chainsPerSample = 200;

async function leaf(i: number): Promise<number> {
  await Promise.resolve();
  return i + 1;
}

async function chain(): Promise<number> {
  let sum = 0;
  for (let i = 0; i < awaitsPerChain; i++) sum += await leaf(i);
  return sum;
}

/** Nanoseconds of CPU per await over one sample of chains. */
async function sample(): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < chainsPerSample; i++) await chain();
  const used = process.cpuUsage(before);
  return ((used.user + used.system) * 1000) / (awaitsPerChain * chainsPerSample);
}

async function main(): Promise<void> {
  const rounds = numberArg('rounds', 6);
  await sample();
  const off: number[] = [];
  for (let i = 0; i < rounds; i++) off.push(await sample());
  // Once a store has run, the storage stays enabled for the process, as tracing's does.
  const store = new AsyncLocalStorage<object>();
  store.run({}, () => undefined);
  const on: number[] = [];
  for (let i = 0; i < rounds; i++) on.push(await store.run({}, sample));
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`Node ${process.version}: ns of CPU per await, median of ${rounds} samples of ${awaitsPerChain * chainsPerSample} awaits`);
  console.log(`| no store | store enabled | × |\n|---|---|---|\n| ${median(off).toFixed(0)} | ${median(on).toFixed(0)} | ${(median(on) / median(off)).toFixed(2)} |`);
}

void main();
