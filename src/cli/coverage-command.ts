import type { Command } from 'commander';
import { loadConfig } from '../config/load-config';
import type { CoverageReport } from '../metrics/coverage-tally';
import { renderCoverage } from './coverage-render';
import { coverageOfRecordings, deciderOf, readPolicyFile } from './coverage-recordings';
import { readRecordings } from './read-recordings';

export interface CoverageOptions {
  readonly admin: string;
  readonly token: string;
  readonly days?: number;
  readonly json?: boolean;
  readonly failOnUntranslated?: boolean;
}

/** Fetches a running facade's coverage and writes it; the exit code is 2 when asked to fail on untranslated operations and some were seen. */
export async function runCoverage(options: CoverageOptions, write: (text: string) => void): Promise<number> {
  const url = new URL('/admin/coverage', options.admin);
  if (options.days !== undefined) url.searchParams.set('days', String(options.days));
  const answer = await fetch(url, { headers: { authorization: `Bearer ${options.token}` } });
  if (answer.status !== 200) {
    write(`admin API answered ${answer.status}: ${(await answer.text()).slice(0, 300)}\n`);
    return 1;
  }
  const report = (await answer.json()) as CoverageReport;
  write(options.json === true ? `${JSON.stringify(report, null, 2)}\n` : renderCoverage(report));
  return options.failOnUntranslated === true && report.untranslated.length > 0 ? 2 : 0;
}

export interface RecordingCoverageOptions {
  readonly recordings: readonly string[];
  /** A policy file: each call decided by it instead of the recorded decision. */
  readonly policy?: string;
  readonly days?: number;
  readonly json?: boolean;
  readonly failOnUntranslated?: boolean;
  readonly nowMs: number;
}

/** Computes coverage from recordings and writes it; 2 on unreadable input or (when asked) untranslated operations. */
export function runCoverageFromRecordings(options: RecordingCoverageOptions, write: (text: string) => void): number {
  const read = readRecordings(options.recordings);
  if (!read.ok) {
    write(`${read.errors.join('\n')}\n`);
    return 2;
  }
  const policy = options.policy === undefined ? undefined : readPolicyFile(options.policy);
  if (policy !== undefined && !policy.ok) {
    write(`${policy.errors.join('\n')}\n`);
    return 2;
  }
  const sinceMs = options.days === undefined ? undefined : options.nowMs - options.days * 86_400_000;
  const report = coverageOfRecordings(read.exchanges, policy === undefined ? undefined : deciderOf(policy.policy), sinceMs);
  write(options.json === true ? `${JSON.stringify(report, null, 2)}\n` : renderCoverage(report));
  return options.failOnUntranslated === true && report.untranslated.length > 0 ? 2 : 0;
}

type CoverageFlags = { admin?: string; token?: string; config?: string; days?: string; json?: boolean; failOnUntranslated?: boolean; recording?: string[]; policy?: string };

/** `--recording`: offline, from the files; no facade, no token. */
function runOffline(opts: CoverageFlags & { recording: string[] }, days: number | undefined): void {
  const options = { recordings: opts.recording, ...(opts.policy === undefined ? {} : { policy: opts.policy }), ...(days === undefined ? {} : { days }), json: opts.json === true, failOnUntranslated: opts.failOnUntranslated === true, nowMs: Date.now() };
  process.exitCode = runCoverageFromRecordings(options, (t) => process.stdout.write(t));
}

/** Registers `understudy coverage`: what traffic used, translated vs passed through (issue 14). */
export function registerCoverageCommand(program: Command): void {
  program
    .command('coverage')
    .description('operations a running facade has seen, how often translated or passed through, and which still need the vendor')
    .option('--admin <url>', 'admin API base URL (default: from the configuration)')
    .option('--token <token>', 'admin bearer token (default: the configured admin.token)')
    .option('--config <file>', 'configuration file (JSON or YAML); also $UNDERSTUDY_CONFIG')
    .option('--days <n>', 'only operations seen in the last n days')
    .option('--json', 'print the report as JSON')
    .option('--fail-on-untranslated', 'exit 2 when an operation without a translator was seen')
    .option('--recording <paths...>', 'compute it offline from recordings (files or directories) instead of a running facade')
    .option('--policy <file>', 'with --recording: decide each call by this policy file instead of the recorded decision')
    .action(async (opts: CoverageFlags) => {
      if (opts.recording !== undefined) return runOffline({ ...opts, recording: opts.recording }, opts.days === undefined ? undefined : Number(opts.days));
      const loaded = loadConfig({ file: opts.config });
      if (!loaded.ok) {
        console.error(`invalid configuration:\n  ${loaded.error.join('\n  ')}`);
        process.exit(2);
      }
      const admin = opts.admin ?? `http://${loaded.value.server.host}:${loaded.value.server.adminPort}`;
      const token = opts.token ?? loaded.value.admin.token;
      if (token === undefined) {
        console.error('no admin token: pass --token or configure admin.token');
        process.exit(2);
      }
      const days = opts.days === undefined ? undefined : Number(opts.days);
      const code = await runCoverage({ admin, token, ...(days === undefined ? {} : { days }), json: opts.json === true, failOnUntranslated: opts.failOnUntranslated === true }, (t) => process.stdout.write(t));
      process.exitCode = code;
    });
}
