/**
 * One load process of the sync bench (bench/lib/sync-load-processes.ts): argv[2] is a ChildLoad as
 * JSON; sends its share of bookmark writes open loop and prints the slice as JSON on stdout.
 */
import { runLoadSlice } from './open-loop-load';
import { bookmarkWrite, type ChildLoad } from './sync-load-processes';

async function main(): Promise<void> {
  const load = JSON.parse(process.argv[2] ?? '{}') as ChildLoad;
  const slice = await runLoadSlice({ origin: load.origin, rate: load.rate, durationMs: load.durationMs, request: bookmarkWrite(load.tokens, load.offset), connections: 32 });
  process.stdout.write(JSON.stringify(slice));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
