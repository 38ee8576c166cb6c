/**
 * What one extra hop costs on this machine with no logic at all: a static JSON server called
 * directly, and the same server behind the bare Node proxy, at the bench's rate, taking turns in
 * 1 s slices. Read it before the translate bench's p99 columns: the facade is such a hop too, and
 * whatever the hop alone adds here is the machine's, not the facade's. The other load benches run
 * the same measurement (lib/tail-floor.ts) in their own invocation.
 * Usage: npm run build && node dist/bench/tail-floor-bench.js [--rate 1000 --seconds 10] [--json]
 */
import { loadArgs } from './lib/bench-args';
import { printJsonRows, toJsonRow } from './lib/json-rows';
import { measureTailFloor, renderTailFloor } from './lib/tail-floor';

async function main(): Promise<void> {
  const rows = await measureTailFloor();
  console.log(`rate ${loadArgs.rate}/s for ${loadArgs.seconds}s per target, taking turns in 1 s slices\n\n${renderTailFloor(rows)}`);
  printJsonRows(rows.map(toJsonRow));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
