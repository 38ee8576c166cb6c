/**
 * One understudy instance run as its own process for the sync's Jepsen-style run: its sync workers
 * share the run's PostgreSQL outbox, so SIGKILL of this process is a killed worker whose leased
 * rows another instance must reclaim. argv[2]: the configuration overrides as JSON. Prints `ready`.
 */
import { loadConfig } from '../../src/config/load-config';
import { startUnderstudy } from '../../src/main';

async function main(): Promise<void> {
  const overrides = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown>;
  const loaded = loadConfig({ env: {}, overrides });
  if (!loaded.ok) throw new Error(loaded.error.join('; '));
  await startUnderstudy(loaded.value);
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
