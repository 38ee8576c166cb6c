import type { Command } from 'commander';
import { loadCatalog } from '../sim/catalog/load-catalog';
import { startVendorSim } from '../sim/vendor/vendor-sim-server';
import { startPlatformSim } from '../sim/platform/platform-sim-server';
import { main as writeCatalogFixtures } from '../sim/catalog/generate-catalog-main';
import { parsePort, waitForShutdown } from './process-helpers';

/** Registers `understudy sim vendor|platform|catalog`. */
export function registerSimCommand(program: Command): void {
  const sim = program.command('sim').description('run the lab: the simulated vendor and platform');
  sim
    .command('vendor')
    .description('start vendor-sim (the vendor API subset, stateful, over the seed catalogue)')
    .option('--port <port>', 'port to listen on', '4100')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--catalog <dir>', 'catalogue directory (default: fixtures/catalog)')
    .action(async (opts: { port: string; host: string; catalog?: string }) => {
      const server = await startVendorSim({ catalog: loadCatalog(opts.catalog), port: parsePort(opts.port), host: opts.host });
      console.log(`vendor-sim listening on ${server.url} — API under ${server.url}/api_v3`);
      await waitForShutdown(() => server.close());
    });
  sim
    .command('platform')
    .description('start platform-sim (our platform contracts, stateful, with a change feed)')
    .option('--port <port>', 'port to listen on', '4200')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--catalog <dir>', 'catalogue directory (default: fixtures/catalog)')
    .action(async (opts: { port: string; host: string; catalog?: string }) => {
      const server = await startPlatformSim({ catalog: loadCatalog(opts.catalog), port: parsePort(opts.port), host: opts.host });
      console.log(`platform-sim listening on ${server.url}`);
      await waitForShutdown(() => server.close());
    });
  sim
    .command('catalog')
    .description('regenerate the seed catalogue (deterministic) into a directory')
    .option('--out <dir>', 'output directory (default: fixtures/catalog)')
    .action((opts: { out?: string }) => {
      writeCatalogFixtures(opts.out);
    });
}
