/**
 * The one driver seam of the store (docs/architecture.md §4 "Store"): the same SQL runs on PostgreSQL through
 * `pg` and on embedded PGlite. Both drivers return int8 and count(*) as JS numbers, timestamptz as
 * Date and jsonb parsed, so store code never branches on the dialect for result shapes.
 */

export type SqlDialect = 'postgres' | 'pglite';

export interface SqlResult<R> {
  readonly rows: R[];
  /** Rows returned or affected by the statement. */
  readonly rowCount: number;
}

export interface SqlClient {
  readonly dialect: SqlDialect;
  /** Runs one statement with positional parameters ($1, $2, …). */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  /** Runs a parameterless script of several statements (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` in a transaction on one connection: committed when it resolves, rolled back when it
   * throws. Called on a transaction client it opens a savepoint, so helpers can nest freely.
   */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** Releases the pool or the embedded database; a transaction client refuses (a bug to call it). */
  close(): Promise<void>;
}

/** What a driver's transaction handle can do: run statements and scripts on its connection. */
export interface TransactionConnection {
  query<R>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  exec(script: string): Promise<void>;
}

/**
 * Wraps one driver connection that is inside BEGIN as a SqlClient; nested `transaction` calls become
 * savepoints so a port method that opens its own transaction also works inside a caller's one.
 */
export function wrapTransaction(dialect: SqlDialect, conn: TransactionConnection, depth = 0): SqlClient {
  return {
    dialect,
    query: <R>(sql: string, params?: readonly unknown[]) => conn.query<R>(sql, params),
    exec: (script: string) => conn.exec(script),
    transaction: async <T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> => {
      const name = `understudy_sp_${depth + 1}`;
      await conn.exec(`SAVEPOINT ${name}`);
      try {
        const value = await fn(wrapTransaction(dialect, conn, depth + 1));
        await conn.exec(`RELEASE SAVEPOINT ${name}`);
        return value;
      } catch (error) {
        await conn.exec(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
    close: () => Promise.reject(new Error('close() called on a transaction client; close the store instead')),
  };
}
