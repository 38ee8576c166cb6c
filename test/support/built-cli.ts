/**
 * The built binary (`node dist/src/cli/main.js`), as an operator runs it: built once per test
 * file, run as a child process with its own environment, its output and exit code read back.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = join(__dirname, '..', '..');
export const cliPath = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

/**
 * Compiles src to dist (what `npm run build` does), once per jest run: the first test file to ask
 * builds under a lock named by the run (jest-global-setup.ts sets UNDERSTUDY_TEST_RUN), the others
 * wait for its marker. Outside such a run every call builds.
 */
export async function buildCli(): Promise<void> {
  const runId = process.env.UNDERSTUDY_TEST_RUN;
  if (runId === undefined) return compile();
  const lock = join(repoRoot, 'dist', `.test-build-${runId}`);
  const done = join(lock, 'done');
  mkdirSync(join(repoRoot, 'dist'), { recursive: true });
  let mine = false;
  try {
    mkdirSync(lock);
    mine = true;
  } catch {
    // Another test file of this run is building, or has built.
  }
  if (mine) {
    try {
      await compile();
      writeFileSync(done, 'ok');
    } catch (error) {
      writeFileSync(done, `failed: ${String(error)}`);
      throw error;
    }
    return;
  }
  const deadline = Date.now() + 300_000;
  while (!existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`the build of test run ${runId} did not finish within 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const outcome = readFileSync(done, 'utf8');
  if (outcome !== 'ok') throw new Error(`the build of test run ${runId} ${outcome}`);
}

async function compile(): Promise<void> {
  await run(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repoRoot, 'tsconfig.build.json')], { cwd: repoRoot });
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A clean environment: only what a shell needs and the suite's PGlite image (a start-up speed-up, no behaviour), plus `env`. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const image = process.env.UNDERSTUDY_PGLITE_IMAGE;
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...(image === undefined ? {} : { UNDERSTUDY_PGLITE_IMAGE: image }), ...env };
}

/** Runs the CLI to completion. */
export async function runCli(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cliPath, ...args], { cwd: repoRoot, env: cleanEnv(env), timeout: timeoutMs });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** A CLI process left running (servers); output accumulates as it arrives. */
export interface RunningCli {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the first output line matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code. */
  exited(): Promise<number | null>;
}

/** Starts the CLI and keeps it running. */
export function startCli(args: readonly string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const waiters = new Set<() => void>();
  const collect = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    for (const wake of waiters) wake();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited: () => exit,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const found = text.split('\n').map((line) => pattern.exec(line)).find((m) => m !== null);
          if (found === undefined) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms; output so far:\n${text}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}
