/**
 * One conformance suite every store driver passes (hono's shared router suite, style.md practice 7):
 * store-pglite.test.ts runs it on embedded PGlite, store-postgres.test.ts on a real PostgreSQL.
 */
import { OffsetClock } from '../../src/core/clock';
import { buildStore, migrate, type SqlClient, type Store } from '../../src/store';
import { describeCoverageConformance } from './store-conformance-coverage';
import { describeIdMapConformance } from './store-conformance-id-map';
import { describeMigrationConformance } from './store-conformance-migrations';
import { describeOutboxConformance } from './store-conformance-outbox';
import { describeParityConformance } from './store-conformance-parity';
import { describeRevocationConformance } from './store-conformance-revocations';
import { describeSqlClientConformance } from './store-conformance-sql';

/** A freshly created, not yet migrated database and how to throw it away. */
export interface StoreHarness {
  readonly sql: SqlClient;
  dispose(): Promise<void>;
}

export interface ConformanceContext {
  readonly sql: SqlClient;
  readonly clock: OffsetClock;
  readonly store: Store;
  /** Attempts before a failing outbox row is dead-lettered, in this suite. */
  readonly maxAttempts: number;
}

const MAX_ATTEMPTS = 3;

/** Registers the whole suite for one driver. */
export function describeStoreConformance(name: string, open: () => Promise<StoreHarness>): void {
  describe(`store conformance: ${name}`, () => {
    let harness: StoreHarness | undefined;
    let context: ConformanceContext | undefined;
    const firstMigrations: { applied: readonly number[] }[] = [];

    beforeAll(async () => {
      harness = await open();
      // Three instances starting at once against a fresh database (the advisory lock's job).
      const sql = harness.sql;
      firstMigrations.push(...(await Promise.all([migrate(sql), migrate(sql), migrate(sql)])));
    });

    afterAll(async () => {
      await harness?.dispose();
    });

    beforeEach(async () => {
      const sql = harness!.sql;
      await sql.exec(`TRUNCATE id_map, ks_revocations, user_revocations, outbox, dead_letters, sync_cursors, coverage_days RESTART IDENTITY;
        ALTER SEQUENCE vendor_id_seq RESTART`);
      const clock = new OffsetClock();
      context = { sql, clock, store: buildStore(sql, { clock, outboxMaxAttempts: MAX_ATTEMPTS }), maxAttempts: MAX_ATTEMPTS };
    });

    const ctx = (): ConformanceContext => {
      if (!context) throw new Error('conformance context used outside a test');
      return context;
    };

    describeMigrationConformance(ctx, () => firstMigrations);
    describeSqlClientConformance(ctx);
    describeIdMapConformance(ctx);
    describeRevocationConformance(ctx);
    describeOutboxConformance(ctx);
    describeParityConformance(ctx);
    describeCoverageConformance(ctx);
  });
}
