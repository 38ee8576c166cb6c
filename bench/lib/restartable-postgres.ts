/**
 * A throwaway PostgreSQL 15 cluster the sync's Jepsen-style run can restart (`pg_ctl restart`, as
 * the postgres user): initdb on a spare loopback port, removed on stop. Needs root and the binaries.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './spawn-server';

const bin = '/usr/lib/postgresql/15/bin';

/** The running cluster. */
export interface RestartablePostgres {
  readonly url: string;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when this returns. */
  restart(): void;
  stop(): void;
}

function asPostgres(command: string): void {
  execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'ignore', timeout: 120_000 });
}

/** Starts one, or undefined where the binaries or root are missing. */
export async function startRestartablePostgres(): Promise<RestartablePostgres | undefined> {
  if (!existsSync(join(bin, 'initdb')) || process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'understudy-jepsen-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const data = join(dir, 'data');
  const options = `-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  asPostgres(`${bin}/initdb -D '${data}' -A trust -U postgres --no-sync >/dev/null`);
  asPostgres(`${bin}/pg_ctl -D '${data}' -w -t 60 -l '${dir}/server.log' -o "${options}" start >/dev/null`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => asPostgres(`${bin}/pg_ctl -D '${data}' -w -t 60 -m fast -l '${dir}/server.log' -o "${options}" restart >/dev/null`),
    stop: () => {
      try {
        asPostgres(`${bin}/pg_ctl -D '${data}' -m immediate -w stop >/dev/null`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
