/**
 * The policy versions port on both drivers: embedded PGlite always, PostgreSQL when
 * UNDERSTUDY_TEST_PG_URL names a database this test may use (its policy_versions table is emptied).
 */
import { migrate, openSqlClient, SqlPolicyVersionStore, type SqlClient } from '../../src/store';

const pgUrl = process.env.UNDERSTUDY_TEST_PG_URL;
const drivers: [string, () => Promise<SqlClient>][] = [['pglite', () => openSqlClient({ driver: 'pglite' })]];
if (pgUrl !== undefined && pgUrl !== '') drivers.push(['postgres', () => openSqlClient({ driver: 'postgres', url: pgUrl, poolSize: 2 })]);

describe.each(drivers)('policy versions: %s', (_name, open) => {
  let sql: SqlClient;
  beforeAll(async () => {
    sql = await open();
    await migrate(sql);
    await sql.query('DELETE FROM policy_versions');
  }, 60_000);
  afterAll(() => sql.close());

  it('stores versions, answers the newest overall and by author, and refuses a version twice', async () => {
    const versions = new SqlPolicyVersionStore(sql);
    expect(await versions.latest()).toBeUndefined();
    const document = { salt: 's', rules: [{ id: 'a', match: { operations: ['asset.get'] }, target: 'platform' }] };
    expect(await versions.append({ version: 1, document, author: 'file:/etc/policy.yaml', atMs: 1_700_000_000_000 })).toBe(true);
    expect(await versions.append({ version: 2, document: { salt: 't' }, author: 'ops', atMs: 1_700_000_001_500 })).toBe(true);
    expect(await versions.append({ version: 2, document: { salt: 'u' }, author: 'other', atMs: 1_700_000_002_000 })).toBe(false);
    expect(await versions.latest()).toEqual({ version: 2, document: { salt: 't' }, author: 'ops', atMs: 1_700_000_001_500 });
    expect(await versions.latestByAuthor('file:')).toEqual({ version: 1, document, author: 'file:/etc/policy.yaml', atMs: 1_700_000_000_000 });
  });
});
