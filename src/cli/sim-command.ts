import type { Command } from 'commander';
import { loadCatalog } from '../sim/catalog/load-catalog';
import { startVendorSim } from '../sim/vendor-sim/vendor-sim-server';
import { startPlatformSim } from '../sim/platform-sim/platform-sim-server';
import { startVendorCdnOrigin } from '../sim/cdn/vendor-cdn-server';
import { startLabObjectStore } from '../sim/storage/lab-object-store';
import { startCompanyCdn } from '../sim/cdn/company-cdn-server';
import { resolveMediaConfig } from '../config/media-config';
import { loadConfig } from '../config/load-config';
import { main as writeCatalogFixtures } from '../sim/catalog/generate-catalog-main';
import { parseChoice, parsePort, waitForShutdown } from './process-helpers';
import { createLabClock } from '../core/lab-clock';
import { OffsetClock } from '../core/clock';
import type { Catalog } from '../core/catalog';

/** Lab time (starting at the catalogue's base time) unless `--clock system`. */
function simClock(catalog: Catalog, text: string): OffsetClock {
  const mode = parseChoice(text, '--clock', ['lab', 'system'] as const);
  return mode === 'system' ? new OffsetClock() : createLabClock(catalog.demo.baseTime);
}

/** Registers `understudy sim vendor|platform|catalog`. */
export function registerSimCommand(program: Command): void {
  const sim = program.command('sim').description('run the lab: the simulated vendor and platform');
  sim
    .command('vendor')
    .description('start vendor-sim (the vendor API subset, stateful, over the seed catalogue)')
    .option('--port <port>', 'port to listen on', '4100')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--catalog <dir>', 'catalogue directory (default: fixtures/catalog)')
    .option('--clock <mode>', 'lab (time starts at the catalogue base time) or system', 'lab')
    .action(async (opts: { port: string; host: string; catalog?: string; clock: string }) => {
      const port = parsePort(opts.port);
      const catalog = loadCatalog(opts.catalog);
      const server = await startVendorSim({ catalog, clock: simClock(catalog, opts.clock), port, host: opts.host });
      const cdn = await startVendorCdnOrigin(catalog);
      console.log(`vendor-sim listening on ${server.url} — API under ${server.url}/api_v3`);
      console.log(`vendor CDN origin on ${cdn.url} — stands for https://${cdn.catalogHost} (media.originHosts)`);
      await waitForShutdown(async () => {
        await cdn.close();
        await server.close();
      });
    });
  sim
    .command('platform')
    .description('start platform-sim (our platform contracts, stateful, with a change feed)')
    .option('--port <port>', 'port to listen on', '4200')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--catalog <dir>', 'catalogue directory (default: fixtures/catalog)')
    .option('--clock <mode>', 'lab (time starts at the catalogue base time) or system', 'lab')
    .action(async (opts: { port: string; host: string; catalog?: string; clock: string }) => {
      const port = parsePort(opts.port);
      const catalog = loadCatalog(opts.catalog);
      const server = await startPlatformSim({ catalog, clock: simClock(catalog, opts.clock), port, host: opts.host });
      console.log(`platform-sim listening on ${server.url}`);
      await waitForShutdown(() => server.close());
    });
  sim
    .command('storage')
    .description('start the lab object store (s3rver, S3-compatible) with the media bucket')
    .option('--port <port>', 'port to listen on', '4300')
    .option('--dir <dir>', 'keep objects in this directory (default: a temporary one)')
    .option('--bucket <name>', 'bucket to create', 'media')
    .action(async (opts: { port: string; dir?: string; bucket: string }) => {
      const store = await startLabObjectStore({ bucket: opts.bucket, port: parsePort(opts.port), ...(opts.dir === undefined ? {} : { directory: opts.dir }) });
      console.log(`lab object store on ${store.endpoint} — bucket ${store.bucket} (UNDERSTUDY_MEDIA_S3_ENDPOINT=${store.endpoint})`);
      await waitForShutdown(() => store.close());
    });
  sim
    .command('cdn')
    .description('start the lab company CDN: verifies path tokens, pulls from the bucket')
    .option('--port <port>', 'port to listen on', '4400')
    .requiredOption('--bucket-url <url>', 'bucket base URL, path style (http://127.0.0.1:4300/media)')
    .action(async (opts: { port: string; bucketUrl: string }) => {
      const loaded = loadConfig({});
      const media = resolveMediaConfig(loaded.ok ? loaded.value.media : undefined);
      const cdn = await startCompanyCdn({ bucketUrl: opts.bucketUrl, tokenSecret: media.cdn.tokenSecret, port: parsePort(opts.port) });
      console.log(`lab company CDN on ${cdn.url} (UNDERSTUDY_MEDIA_CDN_URL=${cdn.url})`);
      await waitForShutdown(() => cdn.close());
    });
  sim
    .command('catalog')
    .description('regenerate the seed catalogue (deterministic) into a directory')
    .option('--out <dir>', 'output directory (default: fixtures/catalog)')
    .action((opts: { out?: string }) => {
      writeCatalogFixtures(opts.out);
    });
}
