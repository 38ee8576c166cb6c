import { createHash } from 'node:crypto';
import { migrations as allMigrations, type Migration } from './migrations';
import type { SqlClient } from './sql-client';

/** Advisory lock key of the migrator: any fixed int8 ("unders" in ASCII, a safe JS integer). */
const MIGRATION_LOCK_KEY = 0x756e64657273;

export interface MigrationReport {
  /** Ids applied by this call, in order. */
  readonly applied: readonly number[];
  /** Ids found already applied. */
  readonly alreadyApplied: readonly number[];
}

interface AppliedRow {
  id: number;
  name: string;
  checksum: string;
}

/**
 * Brings the schema up to date, idempotently. One transaction holding an advisory lock, so several
 * instances starting at once queue up and the later ones find nothing to do; a failing migration
 * leaves the schema untouched. Ids the code does not know are tolerated: during a rolling deploy an
 * older instance starts against a schema a newer one already extended.
 */
export async function migrate(sql: SqlClient, migrations: readonly Migration[] = allMigrations): Promise<MigrationReport> {
  checkOrder(migrations);
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query<AppliedRow>('SELECT id, name, checksum FROM schema_migrations ORDER BY id');
    const applied = new Map(rows.map((row) => [row.id, row]));
    const report = { applied: [] as number[], alreadyApplied: [] as number[] };
    for (const migration of migrations) {
      const recorded = applied.get(migration.id);
      if (recorded) {
        checkUnchanged(migration, recorded);
        report.alreadyApplied.push(migration.id);
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id, name, checksum) VALUES ($1, $2, $3)', [migration.id, migration.name, checksumOf(migration)]);
      report.applied.push(migration.id);
    }
    return report;
  });
}

/** sha256 of the script: an applied migration edited afterwards is a bug, caught at start. */
export function checksumOf(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

function checkUnchanged(migration: Migration, recorded: AppliedRow): void {
  if (recorded.checksum !== checksumOf(migration)) {
    throw new Error(`migration ${migration.id} (${migration.name}) was edited after it was applied; add a new migration instead`);
  }
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous && previous.id >= migration.id) {
      throw new Error(`migration ids must increase: ${previous.id} before ${migration.id}`);
    }
  });
}
