/**
 * Real nginx for the media CDN check (deploy/nginx/media-cdn.conf): the shipped server block rendered
 * as envsubst would, inside a minimal nginx.conf in a temporary prefix, one foreground process on a
 * free loopback port. `.ci/run` installs Debian's nginx when missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployDir } from './deploy-tools';

export const nginxPath = '/usr/sbin/nginx';

/** Why real nginx with secure_link cannot run here, or undefined when it can. */
export function nginxUnavailableReason(): string | undefined {
  if (!existsSync(nginxPath)) return `${nginxPath} is not installed (.ci/run installs Debian's nginx when missing)`;
  // nginx -V prints its build options on stderr.
  const version = spawnSync(nginxPath, ['-V'], { encoding: 'utf8' });
  if (version.status !== 0) return `nginx -V failed: ${version.stderr.trim()}`;
  return `${version.stdout}${version.stderr}`.includes('secure_link') ? undefined : 'nginx lacks the secure_link module';
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(() => resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('nginx did not start listening');
}

/** The shipped server block with its placeholders filled (what envsubst does). */
export function renderMediaCdnConf(values: Record<'MEDIA_CDN_LISTEN' | 'MEDIA_BUCKET_ORIGIN' | 'MEDIA_BUCKET' | 'UNDERSTUDY_MEDIA_TOKEN_SECRET', string>): string {
  return readFileSync(join(deployDir, 'nginx', 'media-cdn.conf'), 'utf8').replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => (values as Record<string, string>)[name] ?? whole);
}

export interface RunningNginx {
  readonly url: string;
  readonly errorLog: () => string;
  stop(): Promise<void>;
}

/** Starts nginx with the media CDN block in front of `bucketOrigin`/`bucket`. */
export async function startMediaNginx(bucketOrigin: string, bucket: string, secret: string): Promise<RunningNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'understudy-nginx-'));
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'logs']) mkdirSync(join(prefix, dir));
  const port = await freePort();
  writeFileSync(join(prefix, 'media-cdn.conf'), renderMediaCdnConf({ MEDIA_CDN_LISTEN: `127.0.0.1:${port}`, MEDIA_BUCKET_ORIGIN: bucketOrigin, MEDIA_BUCKET: bucket, UNDERSTUDY_MEDIA_TOKEN_SECRET: secret }));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `${k}_temp_path ${join(prefix, k === 'client_body' ? 'body' : k)};`).join(' ');
  writeFileSync(join(prefix, 'nginx.conf'), `daemon off; master_process off; worker_processes 1; pid ${join(prefix, 'nginx.pid')}; error_log ${join(prefix, 'logs', 'error.log')} warn;
events { worker_connections 64; }
http { access_log off; ${temp} include ${join(prefix, 'media-cdn.conf')}; }
`);
  const child = spawn(nginxPath, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'logs', 'error.log')], { stdio: 'ignore' });
  const errorLog = (): string => (existsSync(join(prefix, 'logs', 'error.log')) ? readFileSync(join(prefix, 'logs', 'error.log'), 'utf8') : '');
  try {
    await waitForPort(port, child);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}: ${errorLog()}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    errorLog,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
