/**
 * A PostgreSQL connection cut while a transaction holds it between two statements (a server
 * restart, as the sync's Jepsen-style run does) fails that transaction and nothing else: the
 * process does not die of an unhandled 'error' event, and the pool serves the next query.
 * Runs when UNDERSTUDY_TEST_PG_URL is set.
 */
import { createPgClient } from '../../src/store/pg-client';

const pgUrl = process.env.UNDERSTUDY_TEST_PG_URL;
const maybe = pgUrl !== undefined && pgUrl !== '' ? describe : describe.skip;

maybe('a transaction whose connection is terminated', () => {
  it('rejects, and the pool carries on', async () => {
    const sql = createPgClient({ url: pgUrl!, poolSize: 2 });
    const other = createPgClient({ url: pgUrl!, poolSize: 1 });
    const uncaught: unknown[] = [];
    const record = (error: unknown): void => void uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      await expect(
        sql.transaction(async (tx) => {
          const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          await other.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
          await new Promise((resolve) => setTimeout(resolve, 500));
          await tx.query('SELECT 1');
        }),
      ).rejects.toThrow();
      expect((await sql.query<{ x: number }>('SELECT 1 AS x')).rows[0]!.x).toBe(1);
      expect(uncaught).toEqual([]);
    } finally {
      process.removeListener('uncaughtException', record);
      await sql.close();
      await other.close();
    }
  }, 30_000);
});
