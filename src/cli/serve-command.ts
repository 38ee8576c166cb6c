import type { Command } from 'commander';
import { loadConfig } from '../config/load-config';
import { startUnderstudy } from '../main';
import { waitForShutdown } from './process-helpers';

/** Registers `understudy serve`. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start understudy (with the simulated vendor and platform when their URLs are not configured)')
    .option('--config <file>', 'configuration file (JSON or YAML); also $UNDERSTUDY_CONFIG')
    .option('--port <port>', 'facade port (default 8080; also $PORT)')
    .action(async (opts: { config?: string; port?: string }) => {
      const overrides = opts.port === undefined ? undefined : { server: { port: Number(opts.port) } };
      const loaded = loadConfig({ file: opts.config, overrides });
      if (!loaded.ok) {
        console.error(`invalid configuration:\n  ${loaded.error.join('\n  ')}`);
        process.exit(2);
      }
      const running = await startUnderstudy(loaded.value);
      for (const line of running.banner) console.log(line);
      await waitForShutdown(() => running.shutdown());
      process.exit(process.exitCode ?? 0);
    });
}
