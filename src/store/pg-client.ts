import { Pool, types, type CustomTypesConfig, type PoolClient, type PoolConfig } from 'pg';
import { wrapTransaction, type SqlClient, type SqlResult } from './sql-client';

export interface PgClientOptions {
  /** `postgres://user@host:port/db`. */
  readonly url: string;
  /** Connections per instance; the sum over instances must stay under the server's max_connections. */
  readonly poolSize?: number;
  /** Idle-connection errors (server restart, network): the pool drops the connection either way. */
  readonly onPoolError?: (error: Error) => void;
  /** Sets `understudy.site` on every connection: the site column's default (migration 11). */
  readonly site?: string;
}

const INT8_OID = 20;

// int8 (bigserial ids, count(*)) as numbers, as PGlite returns them: ids stay far below 2^53.
function parseStoreType(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8_OID) return Number;
  return types.getTypeParser(oid, format) as (value: string) => unknown;
}

const storeTypes: CustomTypesConfig = { getTypeParser: parseStoreType };

/** Opens a `pg` pool as a SqlClient: the production driver, shared by several instances. */
export function createPgClient(options: PgClientOptions): SqlClient {
  const config: PoolConfig = { connectionString: options.url, max: options.poolSize ?? 10, types: storeTypes, ...siteOption(options.site) };
  const pool = new Pool(config);
  // Without a listener an idle client's error would crash the process.
  pool.on('error', (error) => options.onPoolError?.(error));
  return {
    dialect: 'postgres',
    query: <R>(sql: string, params?: readonly unknown[]) => runQuery<R>(pool, sql, params),
    exec: async (script: string) => {
      await pool.query(script);
    },
    transaction: <T>(fn: (tx: SqlClient) => Promise<T>) => runTransaction(pool, fn),
    close: () => pool.end(),
  };
}

/** A connection option; site ids are `[a-z0-9-]` (config schema), so nothing needs quoting. */
function siteOption(site: string | undefined): Pick<PoolConfig, 'options'> {
  if (site === undefined) return {};
  if (!/^[a-z0-9-]{1,32}$/.test(site)) throw new Error(`invalid site id ${JSON.stringify(site)}`);
  return { options: `-c understudy.site=${site}` };
}

async function runQuery<R>(runner: Pool | PoolClient, sql: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
  const result = await runner.query(sql, params ? [...params] : undefined);
  return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
}

/** BEGIN/COMMIT on one checked-out connection; a connection whose ROLLBACK failed is discarded. */
async function runTransaction<T>(pool: Pool, fn: (tx: SqlClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out connection has no pool listener: a server restart between two statements would
  // otherwise be an unhandled 'error' event and end the process. The statement in flight fails anyway.
  const onError = (error: Error): void => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const tx = wrapTransaction('postgres', {
      query: <R>(sql: string, params?: readonly unknown[]) => runQuery<R>(client, sql, params),
      exec: async (script: string) => {
        await client.query(script);
      },
    });
    try {
      const value = await fn(tx);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}
