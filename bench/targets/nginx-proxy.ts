/**
 * nginx as a reverse proxy to vendor-sim, for the passthrough bench's reference row. Writes a
 * minimal config into a temp dir and runs `nginx -c <tmp>/nginx.conf -p <tmp>` in the foreground.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NginxProxy {
  readonly url: string;
  /** Master and worker pids (CPU is summed over both). */
  pids(): number[];
  stop(): Promise<void>;
}

/** True when an `nginx` binary is on PATH. */
export function hasNginx(): boolean {
  return spawnSync('nginx', ['-v'], { stdio: 'ignore' }).status === 0;
}

/** The config: one worker, upstream keep-alive, HTTP/1.1 upstream, the same X-Forwarded-* as the passthrough. */
export function nginxConfig(dir: string, listenPort: number, upstreamPort: number): string {
  return `daemon off;
worker_processes 1;
error_log stderr;
pid ${dir}/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_timeout 30s;
  keepalive_requests 100000;
  upstream vendor { server 127.0.0.1:${upstreamPort}; keepalive 64; }
  server {
    listen 127.0.0.1:${listenPort};
    location / {
      proxy_pass http://vendor;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
    }
  }
}
`;
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Starts nginx on `listenPort` in front of `upstreamPort` and waits until it answers. */
export async function startNginxProxy(listenPort: number, upstreamPort: number): Promise<NginxProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'understudy-nginx-'));
  mkdirSync(join(dir, 'logs'));
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, listenPort, upstreamPort));
  const child = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(500) });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('nginx did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const master = child.pid ?? 0;
  return {
    url,
    pids: () => [master, ...childPids(master)],
    stop: () =>
      new Promise((resolve) => {
        const done = (): void => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGQUIT');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
