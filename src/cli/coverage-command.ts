import type { Command } from 'commander';
import { loadConfig } from '../config/load-config';
import type { CoverageReport } from '../metrics/coverage-tally';
import { renderCoverage } from './coverage-render';

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
    .action(async (opts: { admin?: string; token?: string; config?: string; days?: string; json?: boolean; failOnUntranslated?: boolean }) => {
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
