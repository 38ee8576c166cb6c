import type { Command } from 'commander';
import { loadConfig } from '../config/load-config';
import { startUnderstudy } from '../main';
import { checkPolicyFile } from './check-policy-file';
import { exitWithErrors, waitForShutdown } from './process-helpers';
import { isFirstWorker, isWorkerProcess, reportWorkerReady, runWorkerPrimary } from './serve-workers';

interface ServeFlags {
  config?: string;
  port?: string;
  host?: string;
  adminHost?: string;
  adminPort?: string;
  policy?: string;
  logLevel?: string;
}

/** Each flag: the configuration path it sets, and whether its value is a number. */
const flagPaths: Readonly<Record<Exclude<keyof ServeFlags, 'config'>, { path: string; flag: string; integer?: boolean }>> = {
  port: { path: 'server.port', flag: '--port', integer: true },
  host: { path: 'server.host', flag: '--host' },
  adminHost: { path: 'server.adminHost', flag: '--admin-host' },
  adminPort: { path: 'server.adminPort', flag: '--admin-port', integer: true },
  policy: { path: 'policy.file', flag: '--policy' },
  logLevel: { path: 'log.level', flag: '--log-level' },
};

/** The flags as a configuration layer; a number flag that is not digits stays text for the schema to name. */
function flagLayer(opts: ServeFlags): { overrides: Record<string, Record<string, unknown>>; flagNames: Record<string, string> } {
  const overrides: Record<string, Record<string, unknown>> = {};
  const flagNames: Record<string, string> = {};
  for (const [key, spec] of Object.entries(flagPaths)) {
    const raw = opts[key as keyof typeof flagPaths];
    if (raw === undefined) continue;
    const [section, field] = spec.path.split('.') as [string, string];
    overrides[section] = { ...overrides[section], [field]: spec.integer === true && /^\d+$/.test(raw) ? Number(raw) : raw };
    flagNames[spec.path] = spec.flag;
  }
  return { overrides, flagNames };
}

/** Registers `understudy serve`. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start understudy (with the simulated vendor and platform when their URLs are not configured)')
    .option('--config <file>', 'configuration file (JSON or YAML); also $UNDERSTUDY_CONFIG')
    .option('--port <port>', 'facade port (default 8080; also $PORT)')
    .option('--host <address>', 'facade bind address (default 127.0.0.1; also $HOST)')
    .option('--admin-host <address>', 'admin API bind address (default 127.0.0.1; also $ADMIN_HOST)')
    .option('--admin-port <port>', 'admin API port (default port + 1; also $ADMIN_PORT)')
    .option('--policy <file>', 'routing policy file (YAML or JSON); also $UNDERSTUDY_POLICY_FILE')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent; also $LOG_LEVEL')
    .action(async (opts: ServeFlags) => {
      const loaded = loadConfig({ file: opts.config, ...flagLayer(opts) });
      if (!loaded.ok) exitWithErrors('invalid configuration', loaded.error);
      const policyFile = loaded.value.policy.file;
      const policy = policyFile === undefined ? undefined : checkPolicyFile(policyFile);
      if (policy !== undefined && !policy.ok) exitWithErrors(`invalid policy ${policyFile}`, policy.error);
      if (loaded.value.server.workers > 1 && !isWorkerProcess()) process.exit(await runWorkerPrimary(loaded.value.server.workers));
      const running = await startUnderstudy(loaded.value);
      if (!isWorkerProcess() || isFirstWorker()) for (const line of running.banner) console.log(line);
      reportWorkerReady();
      await waitForShutdown(() => running.shutdown());
      process.exit(process.exitCode ?? 0);
    });
}
