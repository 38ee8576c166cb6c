/**
 * Throwaway PostgreSQL 15 clusters for the shared-state tests and the two-site lab (design.md §7):
 * initdb + pg_ctl as the `postgres` user on a spare loopback port, `wal_level = logical` and the
 * replication settings two-site-postgres.md measured, the data directory removed on stop.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian puts the PostgreSQL 15 server binaries. */
export const PG_BIN = '/usr/lib/postgresql/15/bin';

/** One running cluster. */
export interface PgCluster {
  readonly port: number;
  /** A `postgres://` URL of a database in it (default `postgres`). */
  url(database?: string): string;
  /** libpq key/value connection string, as CREATE SUBSCRIPTION takes it. */
  conninfo(database?: string): string;
  /** Stops the server (immediate) and removes its directory. */
  stop(): Promise<void>;
}

/** Why clusters cannot start here, or undefined when they can (tests skip with this reason). */
export function pgClusterSkipReason(): string | undefined {
  if (!existsSync(join(PG_BIN, 'initdb'))) return `PostgreSQL 15 server binaries not found in ${PG_BIN} (apt-get install postgresql-15)`;
  if (process.getuid?.() !== 0) return 'starting a throwaway cluster needs root (to run initdb as the postgres user via su)';
  return undefined;
}

/** A port nobody listens on right now. */
export function spareLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function asPostgres(command: string): Promise<void> {
  await run('su', ['postgres', '-s', '/bin/sh', '-c', command], { timeout: 120_000 });
}

/** Settings from two-site-postgres.md: logical WAL, slots and workers, a generous slot WAL cap. */
const serverSettings = [
  'listen_addresses=127.0.0.1',
  'wal_level=logical',
  'max_replication_slots=10',
  'max_wal_senders=10',
  'max_logical_replication_workers=8',
  'max_slot_wal_keep_size=2GB',
  'fsync=off',
  'max_connections=100',
  'shared_buffers=32MB',
];

/** Starts a cluster; throws when it cannot (call pgClusterSkipReason first). */
export async function startPgCluster(): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'understudy-pg-'));
  chmodSync(dir, 0o777);
  const port = await spareLoopbackPort();
  const data = join(dir, 'data');
  const options = [`-p ${port}`, `-k '${dir}'`, ...serverSettings.map((s) => `-c ${s}`)].join(' ');
  try {
    await asPostgres(`${PG_BIN}/initdb -D '${data}' -A trust -U postgres --no-sync >/dev/null`);
    await asPostgres(`${PG_BIN}/pg_ctl -D '${data}' -w -t 60 -l '${dir}/server.log' -o "${options}" start >/dev/null`);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    conninfo: (database = 'postgres') => `host=127.0.0.1 port=${port} user=postgres dbname=${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      try {
        await asPostgres(`${PG_BIN}/pg_ctl -D '${data}' -m immediate -w stop >/dev/null`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
