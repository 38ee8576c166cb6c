/**
 * `understudy media migrate|verify|status` (issue 18, docs/media.md): runs against the configured
 * store and bucket directly (no running instance needed). Exit 0 when every selected file is verified,
 * 1 when some failed, 2 on a usage or configuration error.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config/load-config';
import type { UnderstudyConfig } from '../config/config-types';
import { openMediaRuntime, type MediaRuntime } from '../compose/media-runtime';
import { migrateLibrary } from '../media/migrate-library';
import { verifyLibrary } from '../media/verify-library';
import { storeConnectionOf } from '../config/store-connection';
import { openStore } from '../store';
import { startVendorCdnOrigin, type VendorCdnOrigin } from '../sim/cdn/vendor-cdn-server';
import { loadCatalog } from '../sim/catalog/load-catalog';
import { renderMigrate, renderStatus, renderVerify } from './media-render';
import { createProgressBar } from './progress-bar';

interface MediaCliOptions {
  config?: string;
  json?: boolean;
  all?: boolean;
  assets?: string;
  concurrency?: string;
  dryRun?: boolean;
}

class UsageError extends Error {}

function readConfig(opts: MediaCliOptions): UnderstudyConfig {
  const loaded = loadConfig({ file: opts.config });
  if (!loaded.ok) throw new UsageError(`invalid configuration:\n  ${loaded.error.join('\n  ')}`);
  return loaded.value;
}

/** Opens store and runtime, runs `work`, closes both; the lab vendor CDN starts when no origin is configured. */
async function withRuntime<T>(opts: MediaCliOptions, work: (runtime: MediaRuntime, config: UnderstudyConfig) => Promise<T>): Promise<T> {
  const config = readConfig(opts);
  if (config.media?.storage?.endpoint === undefined) throw new UsageError('set media.storage.endpoint or UNDERSTUDY_MEDIA_S3_ENDPOINT (understudy sim storage runs a lab bucket)');
  const store = await openStore(storeConnectionOf(config), { site: config.site.id });
  let vendorCdn: VendorCdnOrigin | undefined;
  if (config.vendor.url === undefined && config.media?.originHosts === undefined) vendorCdn = await startVendorCdnOrigin(loadCatalog(config.lab.catalogDir));
  const runtime = await openMediaRuntime(config, store, vendorCdn, { labCdn: false });
  try {
    return await work(runtime, config);
  } finally {
    await runtime.close();
    await vendorCdn?.close();
    await store.close();
  }
}

function parseSelection(opts: MediaCliOptions): number[] | undefined {
  if (opts.all === true && opts.assets !== undefined) throw new UsageError('--all and --assets exclude each other');
  if (opts.all !== true && opts.assets === undefined) throw new UsageError('name what to copy: --all or --assets ID,…');
  if (opts.assets === undefined) return undefined;
  const ids = opts.assets.split(',').map((s) => s.trim());
  if (ids.some((id) => !/^\d{1,15}$/.test(id))) throw new UsageError(`--assets takes asset ids separated by commas, not ${opts.assets}`);
  return ids.map(Number);
}

function parseConcurrency(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,2}$/.test(text) || Number(text) < 1 || Number(text) > 64) throw new UsageError(`--concurrency takes 1–64, not ${text}`);
  return Number(text);
}

async function run(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

/** Registers `understudy media …`. */
export function registerMediaCommand(program: Command): void {
  const media = program.command('media').description('the media library on object storage: copy, verify, status');
  media.command('migrate').description('copy every file (manifest + segments) into the bucket and verify it')
    .option('--all', 'every file of every asset').option('--assets <ids>', 'only these assets (comma-separated ids)')
    .option('--concurrency <n>', 'files copied at once').option('--dry-run', 'list what would be copied').option('--json', 'print JSON')
    .option('--config <file>', 'configuration file (JSON or YAML); also $UNDERSTUDY_CONFIG')
    .action((opts: MediaCliOptions) => run(async () => {
      const selection = parseSelection(opts);
      const bar = opts.json === true ? undefined : createProgressBar(' files');
      return withRuntime(opts, async (runtime) => {
        const result = await migrateLibrary({ files: runtime.inventory(selection), concurrency: parseConcurrency(opts.concurrency, runtime.media.copy.concurrency), dryRun: opts.dryRun === true, ...(bar === undefined ? {} : { onFile: bar }) }, runtime.copyContext());
        console.log(opts.json === true ? JSON.stringify(result, null, 2) : renderMigrate(result));
        return result.failed > 0 ? 1 : 0;
      });
    }));
  media.command('verify').description('re-check every verified file against the bucket; missing or corrupt → failed')
    .option('--json', 'print JSON').option('--config <file>', 'configuration file').option('--concurrency <n>', 'files checked at once')
    .action((opts: MediaCliOptions) => run(() => withRuntime(opts, async (runtime) => {
      const result = await verifyLibrary(runtime.store, runtime.bucket, { concurrency: parseConcurrency(opts.concurrency, runtime.media.copy.concurrency), retry: runtime.media.copy });
      console.log(opts.json === true ? JSON.stringify(result, null, 2) : renderVerify(result));
      return result.failed.length > 0 ? 1 : 0;
    })));
  media.command('status').description('files and bytes by state, failures with their reason')
    .option('--json', 'print JSON').option('--config <file>', 'configuration file')
    .action((opts: MediaCliOptions) => run(() => withRuntime(opts, async (runtime) => {
      const status = await runtime.store.summarise(100);
      console.log(opts.json === true ? JSON.stringify(status, null, 2) : renderStatus(status));
      return 0;
    })));
}
