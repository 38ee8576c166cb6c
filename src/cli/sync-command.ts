import type { Command } from 'commander';
import { loadConfig } from '../config/load-config';
import { renderReconcileReport, renderSwitchReport, renderSyncStatus } from './sync-render';
import { syncEntities } from '../sync/sync-types';

interface SyncCliOptions {
  adminUrl?: string;
  token?: string;
  config?: string;
  json?: boolean;
}

/** Where the running instance's admin API is: flags, else the configuration's host and admin port. */
function resolveAdmin(opts: SyncCliOptions): { url: string; token: string } {
  const loaded = loadConfig({ file: opts.config });
  if (!loaded.ok) throw new Error(`invalid configuration:\n  ${loaded.error.join('\n  ')}`);
  const url = opts.adminUrl ?? `http://${loaded.value.server.host}:${loaded.value.server.adminPort}`;
  const token = opts.token ?? loaded.value.admin.token;
  if (token === undefined) throw new Error('the admin token is needed: --token, admin.token in the configuration, or $UNDERSTUDY_ADMIN_TOKEN');
  return { url: url.replace(/\/+$/, ''), token };
}

async function callAdmin(opts: SyncCliOptions, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const admin = resolveAdmin(opts);
  const answer = await fetch(`${admin.url}${path}`, { method, headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = (await answer.json()) as Record<string, unknown>;
  if (!answer.ok) throw new Error(`admin API answered HTTP ${answer.status}: ${JSON.stringify(json)}`);
  return json;
}

function print(opts: SyncCliOptions, result: Record<string, unknown>, render: (r: Record<string, unknown>) => string): void {
  console.log(opts.json === true ? JSON.stringify(result, null, 2) : render(result));
}

function withTarget(command: Command): Command {
  return command
    .option('--admin-url <url>', 'admin API of the running instance (default: from the configuration)')
    .option('--token <token>', 'admin bearer token (default: admin.token / $UNDERSTUDY_ADMIN_TOKEN)')
    .option('--config <file>', 'configuration file (JSON or YAML); also $UNDERSTUDY_CONFIG')
    .option('--json', 'print the JSON answer instead of the table');
}

/** Registers `understudy sync status|reconcile|off|on` (docs/sync.md "Operating it"). */
export function registerSyncCommand(program: Command): void {
  const sync = program.command('sync').description('two-way sync between vendor and platform: status, reconcile, switch off/on');
  withTarget(sync.command('status').description('per entity: on/off, pending, applied, lag, conflicts, dead letters, echoes')).action(async (opts: SyncCliOptions) => {
    print(opts, await callAdmin(opts, 'GET', '/admin/sync'), renderSyncStatus);
  });
  withTarget(sync.command('reconcile').description('run one reconcile cycle: find drift and repair it through the sync'))
    .option('--report-only', 'find drift, repair nothing')
    .option('--entity <entity>', `one entity: ${syncEntities.join(', ')} (default: all)`)
    .action(async (opts: SyncCliOptions & { reportOnly?: boolean; entity?: string }) => {
      const report = await callAdmin(opts, 'POST', '/admin/sync/reconcile', { repair: opts.reportOnly !== true, ...(opts.entity === undefined ? {} : { entity: opts.entity }) });
      print(opts, report, renderReconcileReport);
      if (Number(report.repairsPending ?? 0) > 0 || ((report.errors as unknown[] | undefined)?.length ?? 0) > 0) process.exitCode = 1;
    });
  for (const state of ['off', 'on'] as const) {
    withTarget(sync.command(state).description(state === 'off' ? 'stop capturing, drain the outbox, report what is left' : 'capture again; the change feed resumes from its cursor'))
      .option('--entity <entity>', 'one entity (default: all)')
      .action(async (opts: SyncCliOptions & { entity?: string }) => {
        const report = await callAdmin(opts, 'POST', `/admin/sync/${state}`, opts.entity === undefined ? {} : { entity: opts.entity });
        print(opts, report, renderSwitchReport);
        if (state === 'off' && Number(report.left ?? 0) > 0) process.exitCode = 1;
      });
  }
}
