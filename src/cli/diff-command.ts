/**
 * `understudy diff --a URL --b URL [--cases DIR] [--recording DIR…] [--json F] [--junit F] [--html F]`
 * (docs/recording.md "QA diff"): golden cases and/or recordings sent to both targets, answers
 * diffed by the shared engine and checked against the vendor contract; one report, rendered to
 * the terminal and the files asked for. Exit 0 clean, 1 differences or violations, 2 usage.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { getOperation } from '../contract/operation-index';
import { validateVendorResponse } from '../contract/response-validator';
import { subCallsOf } from '../record/build-exchange';
import { buildQaReport, type CaseResult, type SideResult } from '../record/qa-report';
import { renderHtml } from '../record/qa-html';
import { renderJunit, renderTerminal } from '../record/qa-render';
import { createReplayDiff, replayRuleSet } from '../record/replay-rules';
import { runReplay, type TargetAnswer } from '../record/replay-runner';
import { loadCatalog } from '../sim/catalog/load-catalog';
import { loadCaseFiles, runCaseOn, type GoldenCaseFile } from './golden-cases';
import { checkTargetUrl, createHttpTarget } from './http-target';
import { exitWithErrors } from './process-helpers';
import { readRecordings } from './read-recordings';
import { readCredentialsFile } from './replay-command';

interface DiffFlags {
  a?: string;
  b?: string;
  cases?: string;
  recording: string[];
  credentials?: string;
  resetA: string[];
  resetB: string[];
  json?: string;
  junit?: string;
  html?: string;
  concurrency: string;
}

/** The package's fixtures/cases, found from src/cli or dist/src/cli. */
function bundledCasesDir(): string {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = dirname(dir)) if (existsSync(join(dir, 'fixtures', 'cases'))) return join(dir, 'fixtures', 'cases');
  return join(__dirname, '..', '..', 'fixtures', 'cases');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseBody(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return { text: text.slice(0, 2000) };
  }
}

/** One side's result: status, latency, body and contract violations. */
function sideOf(operation: string, answer: TargetAnswer): SideResult {
  if ('error' in answer) return { status: null, ms: answer.ms, body: null, violations: [`no answer: ${answer.error}`] };
  const body = parseBody(answer.text);
  const violations = answer.status === 200 && getOperation(operation) !== undefined ? validateVendorResponse(operation, body) : [];
  return { status: answer.status, ms: answer.ms, body, violations };
}

function checkFlags(flags: DiffFlags): string[] {
  const errors: string[] = [];
  for (const [flag, value] of [['--a', flags.a], ['--b', flags.b]] as const) {
    if (value === undefined) errors.push(`${flag} URL is required`);
    else {
      const problem = checkTargetUrl(value, flag);
      if (problem !== null) errors.push(problem);
    }
  }
  for (const url of [...flags.resetA, ...flags.resetB]) {
    const problem = checkTargetUrl(url, '--reset-a/--reset-b');
    if (problem !== null) errors.push(problem);
  }
  if (!/^[1-9]\d{0,3}$/.test(flags.concurrency)) errors.push(`--concurrency ${JSON.stringify(flags.concurrency)} must be an integer from 1 to 9999`);
  return errors;
}

async function diffCases(cases: readonly GoldenCaseFile[], targets: { a: ReturnType<typeof createHttpTarget>; b: ReturnType<typeof createHttpTarget> }, flags: DiffFlags, credentials: Record<string, string>): Promise<CaseResult[]> {
  const diff = createReplayDiff();
  const partnerId = loadCatalog().demo.partnerId;
  const context = { partnerId, credentials };
  const results: CaseResult[] = [];
  for (const c of cases) {
    const a = await runCaseOn(c, { sendRaw: (r) => targets.a.sendRaw(r), resets: flags.resetA }, context);
    const b = await runCaseOn(c, { sendRaw: (r) => targets.b.sendRaw(r), resets: flags.resetB }, context);
    const differences = 'error' in a || 'error' in b ? [] : [...(a.status !== b.status ? [{ pointer: '', field: '(http status)', kind: 'value' as const, primary: a.status, candidate: b.status }] : []), ...diff(a.text, b.text, c.operationId, subCallsOf(isObject(c.request.body) ? c.request.body : null, c.operationId)).differences];
    results.push({ operation: c.operationId, name: c.id, request: { path: c.request.path, params: c.request.body ?? c.request.query ?? null }, a: sideOf(c.operationId, a), b: sideOf(c.operationId, b), differences });
  }
  return results;
}

async function diffAction(flags: DiffFlags): Promise<void> {
  const errors = checkFlags(flags);
  const credentials = readCredentialsFile(flags.credentials, errors);
  const casesDir = flags.cases ?? (flags.recording.length === 0 ? bundledCasesDir() : undefined);
  const loaded = casesDir === undefined ? { ok: true as const, cases: [] } : loadCaseFiles(casesDir);
  if (!loaded.ok) errors.push(...loaded.errors);
  const recordings = flags.recording.length === 0 ? { ok: true as const, exchanges: [] } : readRecordings(flags.recording);
  if (!recordings.ok) errors.push(...recordings.errors);
  if (errors.length > 0 || !loaded.ok || !recordings.ok) return exitWithErrors('cannot diff', errors);
  const concurrency = Number(flags.concurrency);
  const targets = { a: createHttpTarget('A', flags.a!, concurrency), b: createHttpTarget('B', flags.b!, concurrency) };
  const results = await diffCases(loaded.cases, targets, flags, Object.keys(credentials).length > 0 ? credentials : Object.fromEntries(loadCatalog().demo.accounts.map((x) => [x.username, x.password])));
  if (recordings.exchanges.length > 0) {
    await runReplay(recordings.exchanges, {
      targets: [targets.a, targets.b],
      pace: { kind: 'rate', perSecond: 1_000_000 },
      concurrency,
      credentials,
      onCompared: (exchange, [a, b], differences) => results.push({ operation: exchange.operation, name: `seq ${exchange.seq}`, request: { path: exchange.request.path, params: exchange.request.params }, a: sideOf(exchange.operation, a!), b: sideOf(exchange.operation, b!), differences }),
    });
  }
  await Promise.all([targets.a.close(), targets.b.close()]);
  const report = buildQaReport(flags.a!, flags.b!, replayRuleSet.version, results);
  process.stdout.write(renderTerminal(report));
  if (flags.json !== undefined) writeFileSync(flags.json, JSON.stringify(report, null, 2));
  if (flags.junit !== undefined) writeFileSync(flags.junit, renderJunit(report));
  if (flags.html !== undefined) writeFileSync(flags.html, renderHtml(report));
  process.exitCode = report.clean ? 0 : 1;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Registers `understudy diff`. */
export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('QA contract diff: golden cases and/or recordings against two targets and the vendor contract')
    .option('--a <url>', 'base URL of target A (the reference, e.g. the vendor)')
    .option('--b <url>', 'base URL of target B (e.g. understudy)')
    .option('--cases <dir>', 'golden cases directory (default: the bundled fixtures/cases when no --recording)')
    .option('--recording <dir>', 'recording directory or .ndjson file (repeatable)', collect, [])
    .option('--credentials <file>', 'JSON object username → password (default: the lab demo accounts)')
    .option('--reset-a <url>', 'URL POSTed around each mutating case on A (repeatable)', collect, [])
    .option('--reset-b <url>', 'URL POSTed around each mutating case on B (repeatable)', collect, [])
    .option('--json <file>', 'write the report as JSON')
    .option('--junit <file>', 'write JUnit XML (one suite per operation)')
    .option('--html <file>', 'write a self-contained HTML report')
    .option('--concurrency <n>', 'requests in flight at most (recordings)', '16')
    .exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2))
    .action(diffAction);
}
