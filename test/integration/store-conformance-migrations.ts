import { migrate } from '../../src/store';
import { migrations } from '../../src/store/migrations';
import type { ConformanceContext } from './store-conformance';

const allIds = migrations.map((m) => m.id);

/** Migrations: concurrent first start, idempotent re-run, edited-migration guard. */
export function describeMigrationConformance(ctx: () => ConformanceContext, firstRuns: () => readonly { applied: readonly number[] }[]): void {
  describe('migrations', () => {
    it('apply each migration exactly once when three instances start at once', () => {
      const applied = firstRuns().flatMap((run) => run.applied);
      expect([...applied].sort((a, b) => a - b)).toEqual(allIds);
    });

    it('are idempotent: a second run applies nothing', async () => {
      const report = await migrate(ctx().sql);
      expect(report.applied).toEqual([]);
      expect(report.alreadyApplied).toEqual(allIds);
      const { rows } = await ctx().sql.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
      expect(rows.map((r) => r.id)).toEqual(allIds);
    });

    it('refuse to run when an applied migration was edited', async () => {
      const edited = migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
      await expect(migrate(ctx().sql, edited)).rejects.toThrow(/edited after it was applied/);
    });

    it('tolerate migrations applied by a newer version', async () => {
      const report = await migrate(ctx().sql, migrations.slice(0, 2));
      expect(report.applied).toEqual([]);
    });

    it('create every table of the schema', async () => {
      const { rows } = await ctx().sql.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name",
      );
      expect(rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['id_map', 'ks_revocations', 'user_revocations', 'outbox', 'dead_letters', 'sync_cursors', 'policy_versions', 'parity_counts', 'diff_samples', 'migration_states', 'migration_transitions', 'schema_migrations']),
      );
    });
  });
}
