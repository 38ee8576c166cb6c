import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A server process started for a benchmark. */
export interface SpawnedServer {
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** Resolves once `port` answers HTTP; throws if the child exits or `timeoutMs` passes. */
export async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`server on port ${port} did not start in ${timeoutMs} ms`);
}

/**
 * Starts `node <args>` listening on `port` and waits until it answers HTTP; with `cpu`, pinned to
 * that core (taskset), so upstreams and the measured target do not take turns on one core.
 */
export async function spawnServer(args: readonly string[], port: number, env: Record<string, string> = {}, cpu?: number, startTimeoutMs = 30_000): Promise<SpawnedServer> {
  const command = cpu === undefined ? process.execPath : 'taskset';
  const commandArgs = cpu === undefined ? args : ['-c', String(cpu), process.execPath, ...args];
  const child = spawn(command, commandArgs, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForPort(port, child, startTimeoutMs).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    pid: child.pid ?? 0,
    port,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
