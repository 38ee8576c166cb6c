import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './spawn-server';

const bin = '/usr/lib/postgresql/15/bin';

/** A PostgreSQL 15 server on a spare loopback port for a benchmark run (as .ci/run starts one). */
export interface ThrowawayPostgres {
  readonly url: string;
  stop(): void;
}

function asPostgres(command: string): void {
  execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'ignore' });
}

/** Starts one, or returns undefined where the binaries or the postgres user are missing. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | undefined> {
  if (!existsSync(join(bin, 'initdb'))) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'understudy-bench-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  try {
    asPostgres(`${bin}/initdb -D '${dir}/data' -A trust -U postgres`);
    asPostgres(`${bin}/pg_ctl -D '${dir}/data' -w -t 60 -l '${dir}/server.log' -o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off" start`);
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        asPostgres(`${bin}/pg_ctl -D '${dir}/data' -m immediate stop`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
