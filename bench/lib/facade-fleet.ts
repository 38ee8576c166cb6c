/**
 * Several facade instances of one site as separate processes on fixed ports (so a restarted
 * instance comes back where the balancer expects it), sharing one store: started, drained and
 * restarted one by one (SIGTERM: `/readyz` 503 for the drain delay, then close), or killed with -9.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cliPath } from './bench-args';
import { freePort, waitForPort } from './spawn-server';

/** One instance: its port, its current process. */
export interface FleetInstance {
  readonly port: number;
  readonly url: string;
  pid(): number;
}

export interface Fleet {
  readonly instances: readonly FleetInstance[];
  /** SIGTERM (drain), wait for the exit, start again, wait until `/readyz` is 200. */
  restart(index: number): Promise<void>;
  /** SIGKILL, then start again. */
  killAndRestart(index: number): Promise<void>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) }).then((r) => r.status === 200, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}

/** Starts `count` instances of the built CLI (`cli`) with `env`, each with its own PORT. */
export async function startFleet(count: number, env: Record<string, string>, configFile: string, cli = cliPath): Promise<Fleet> {
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const children: ChildProcess[] = [];
  const start = async (index: number): Promise<void> => {
    const port = ports[index]!;
    const child = spawn(process.execPath, [cli, 'serve', '--config', configFile], { env: { ...process.env, ...env, PORT: String(port), ADMIN_PORT: '0' }, stdio: ['ignore', 'ignore', 'inherit'] });
    children[index] = child;
    await waitForPort(port, child, 180_000);
    await waitReady(`http://127.0.0.1:${port}`, 180_000);
  };
  for (let i = 0; i < count; i++) await start(i);
  return {
    instances: ports.map((port, i) => ({ port, url: `http://127.0.0.1:${port}`, pid: () => children[i]?.pid ?? 0 })),
    restart: async (index) => {
      const child = children[index]!;
      child.kill('SIGTERM');
      await exited(child);
      await start(index);
    },
    killAndRestart: async (index) => {
      const child = children[index]!;
      child.kill('SIGKILL');
      await exited(child);
      await start(index);
    },
    stop: async () => {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(children.map((child) => exited(child)));
    },
  };
}
