/**
 * `understudy replay <recording…> --target URL [--target URL]` (docs/recording.md "Replay"):
 * replays recordings at the recorded pace × `--speed` or at `--rate`, one target or two diffed with
 * the shared engine. Exit 0: replayed (and, with two targets, 100 % parity); 1: differences or
 * transport errors; 2: usage or unreadable recordings.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { reportOperation, type OperationReport } from '../shadow';
import type { PartnerSecret } from '../record/replay-logins';
import type { Pace } from '../record/replay-pacing';
import { runReplay, type ReplayOutcome } from '../record/replay-runner';
import { exitWithErrors } from './process-helpers';
import { checkTargetUrl, createHttpTarget } from './http-target';
import { readRecordings } from './read-recordings';
import { createProgressBar } from './progress-bar';

interface ReplayFlags {
  target: string[];
  credentials?: string;
  partnerSecret?: string;
  speed?: string;
  rate?: string;
  concurrency: string;
}

/** Every difference counts: the rule set already says what is noise (docs/recording.md). */
export const strictThresholds = { absolutePercent: 0, relativePercent: 0 };

function positive(text: string | undefined, flag: string, errors: string[]): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) errors.push(`${flag} ${JSON.stringify(text)} must be a positive number`);
  return value;
}

/** Reads `--credentials` (username → password); problems go to `errors`. */
export function readCredentialsFile(path: string | undefined, errors: string[]): Record<string, string> {
  if (path === undefined) return {};
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) throw new Error('must be a JSON object username → password');
    return value as Record<string, string>;
  } catch (e) {
    errors.push(`--credentials ${path}: ${e instanceof Error ? e.message : String(e)}`);
    return {};
  }
}

/** Reads `--partner-secret`: a JSON file `{ "partnerId": 3197, "secret": "…" }`; problems go to `errors`. */
export function readPartnerSecretFile(path: string | undefined, errors: string[]): PartnerSecret | undefined {
  if (path === undefined) return undefined;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as { partnerId?: unknown; secret?: unknown } | null;
    if (value === null || typeof value !== 'object' || !Number.isInteger(value.partnerId) || typeof value.secret !== 'string' || value.secret === '') throw new Error('must be a JSON object {"partnerId": <integer>, "secret": "<partner secret>"}');
    return { partnerId: value.partnerId as number, secret: value.secret };
  } catch (e) {
    errors.push(`--partner-secret ${path}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

function readFlags(flags: ReplayFlags): { pace: Pace; concurrency: number; credentials: Record<string, string>; partner: PartnerSecret | undefined } {
  const errors: string[] = [];
  if (flags.target.length === 0 || flags.target.length > 2) errors.push('give one --target URL, or two to diff them');
  for (const t of flags.target) {
    const problem = checkTargetUrl(t, '--target');
    if (problem !== null) errors.push(problem);
  }
  if (flags.speed !== undefined && flags.rate !== undefined) errors.push('--speed and --rate exclude each other');
  const speed = positive(flags.speed, '--speed', errors);
  const rate = positive(flags.rate, '--rate', errors);
  const concurrency = positive(flags.concurrency, '--concurrency', errors) ?? 0;
  if (!Number.isInteger(concurrency) || concurrency > 10_000) errors.push(`--concurrency ${JSON.stringify(flags.concurrency)} must be an integer from 1 to 10000`);
  const credentials = readCredentialsFile(flags.credentials, errors);
  const partner = readPartnerSecretFile(flags.partnerSecret, errors);
  if (errors.length > 0) exitWithErrors('invalid arguments', errors);
  const pace: Pace = rate !== undefined ? { kind: 'rate', perSecond: rate } : { kind: 'speed', factor: speed ?? 1 };
  return { pace, concurrency, credentials, partner };
}

/** The summary lines of a replay (rate, errors, per-operation parity). */
export function describeReplay(outcome: ReplayOutcome, reports: readonly OperationReport[]): string[] {
  const lines = [
    `replayed ${outcome.sent} requests in ${(outcome.elapsedMs / 1000).toFixed(1)} s: achieved ${outcome.achievedRate.toFixed(1)} req/s` + (Number.isFinite(outcome.plannedRate) && outcome.plannedRate > 0 ? ` (planned ${outcome.plannedRate.toFixed(1)} req/s, ${((outcome.achievedRate / outcome.plannedRate) * 100).toFixed(1)} %)` : ''),
  ];
  if (outcome.limitedBy !== null) lines.push(`rate limited by ${outcome.limitedBy}`);
  for (const [name, count] of Object.entries(outcome.transportErrors)) lines.push(`transport errors on ${name}: ${count}`);
  if (outcome.mintedSessions > 0) lines.push(`${outcome.mintedSessions} recorded logins not sent: their KS was minted with the partner secret`);
  if (outcome.unmappedSessions > 0) lines.push(`${outcome.unmappedSessions} requests carried a session no replayed login mapped (recorded before the recording started); sent as recorded`);
  for (const report of reports) {
    lines.push(`${report.operation.padEnd(32)} parity ${report.parityPercent.toFixed(1).padStart(5)} % of ${report.samples}${report.candidateErrors > 0 ? `, ${report.candidateErrors} failed` : ''}`);
    for (const cluster of report.clusters.filter((c) => c.differing).slice(0, 3)) {
      for (const d of cluster.sample?.differences.slice(0, 3) ?? []) lines.push(`    ${d.kind} at ${d.pointer || '/'}: ${JSON.stringify(d.primary)} vs ${JSON.stringify(d.candidate)} (no noise rule covers ${d.field}) ×${cluster.count}`);
    }
  }
  return lines;
}

async function replayAction(recordings: string[], flags: ReplayFlags): Promise<void> {
  const { pace, concurrency, credentials, partner } = readFlags(flags);
  const read = readRecordings(recordings);
  if (!read.ok) exitWithErrors('cannot replay', read.errors);
  const targets = flags.target.map((url, i) => createHttpTarget(i === 0 ? `target ${url}` : `second target ${url}`, url, concurrency));
  const progress = createProgressBar();
  const outcome = await runReplay(read.exchanges, { targets, pace, concurrency, credentials, ...(partner === undefined ? {} : { partner }), ...(progress === undefined ? {} : { onProgress: progress }) });
  await Promise.all(targets.map((t) => t.close()));
  const reports = [...outcome.counts.values()].map((c) => reportOperation(c, strictThresholds)).sort((a, b) => a.operation.localeCompare(b.operation));
  for (const line of describeReplay(outcome, reports)) console.log(line);
  const differing = reports.some((r) => r.parityPercent < 100 || r.candidateErrors > 0);
  process.exitCode = differing || Object.keys(outcome.transportErrors).length > 0 ? 1 : 0;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Registers `understudy replay`. */
export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .description('replay recordings against one target, or two diffed with the shared engine')
    .argument('<recording...>', 'recording directories or .ndjson files')
    .option('--target <url>', 'base URL of a target (give twice to diff two)', collect, [])
    .option('--credentials <file>', 'JSON object username → password for re-login')
    .option('--partner-secret <file>', 'JSON {"partnerId", "secret"}: mint a KS for recorded logins of users without credentials')
    .option('--speed <factor>', 'recorded pace × factor (default 1)')
    .option('--rate <n>', 'fixed rate, requests per second')
    .option('--concurrency <n>', 'requests in flight at most', '64')
    .exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2))
    .action(replayAction);
}
