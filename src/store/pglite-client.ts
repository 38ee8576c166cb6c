import { PGlite, type Transaction } from '@electric-sql/pglite';
import { readPgliteImage, resolvePgliteImage } from './pglite-image';
import { wrapTransaction, type SqlClient, type SqlResult } from './sql-client';

export interface PgliteClientOptions {
  /** A directory to persist into; in memory when absent (tests, throw-away lab runs). */
  readonly dataDir?: string;
  /** Sets `understudy.site` for the one connection: the site column's default (migration 11). */
  readonly site?: string;
  /** A fresh-cluster image (`pglite-image.ts`) an in-memory store loads instead of running initdb. */
  readonly image?: string;
}

interface PgliteRunner {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount?: number; affectedRows?: number }>;
  exec(script: string): Promise<unknown>;
}

/**
 * Opens embedded PostgreSQL (WASM) as a SqlClient: the default store, nothing to install. PGlite has
 * one connection; its own mutex queues transactions and holds plain queries back while one is open,
 * so concurrent callers are serialised rather than interleaved inside somebody else's transaction.
 */
export async function createPgliteClient(options: PgliteClientOptions = {}): Promise<SqlClient> {
  const db = options.dataDir === undefined ? await openInMemory(resolvePgliteImage(options.image)) : new PGlite(options.dataDir);
  await db.waitReady;
  if (options.site !== undefined) await db.query("SELECT set_config('understudy.site', $1, false)", [options.site]);
  return {
    dialect: 'pglite',
    query: <R>(sql: string, params?: readonly unknown[]) => runQuery<R>(db, sql, params),
    exec: async (script: string) => {
      await db.exec(script);
    },
    transaction: <T>(fn: (tx: SqlClient) => Promise<T>) =>
      db.transaction((tx: Transaction) => fn(wrapTransaction('pglite', toConnection(tx)))),
    close: () => db.close(),
  };
}

/** An in-memory cluster, from the image when there is a readable one, else by initdb; an image PGlite refuses falls back to initdb too. */
async function openInMemory(imagePath: string | undefined): Promise<PGlite> {
  const image = imagePath === undefined ? undefined : await readPgliteImage(imagePath);
  if (image !== undefined) {
    const db = new PGlite({ loadDataDir: image });
    try {
      await db.waitReady;
      return db;
    } catch {
      await db.close().catch(() => undefined);
    }
  }
  return new PGlite();
}

function toConnection(tx: Transaction): { query<R>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>>; exec(script: string): Promise<void> } {
  return {
    query: <R>(sql: string, params?: readonly unknown[]) => runQuery<R>(tx, sql, params),
    exec: async (script: string) => {
      await tx.exec(script);
    },
  };
}

async function runQuery<R>(runner: PgliteRunner, sql: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
  const result = await runner.query<R>(sql, params ? [...params] : undefined);
  return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length };
}
