import { Client } from 'pg';
import { createPgClient } from '../../src/store/pg-client';
import { describeStoreConformance } from './store-conformance';

// A real PostgreSQL when UNDERSTUDY_TEST_PG_URL is set (docs/store.md shows how to start one).
// Each run creates a throw-away database, so the server's own data is never touched.
const adminUrl = process.env.UNDERSTUDY_TEST_PG_URL;

async function runAdmin(statement: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

if (adminUrl === undefined || adminUrl === '') {
  describe('store conformance: postgres', () => {
    it.skip('is skipped: set UNDERSTUDY_TEST_PG_URL=postgres://… to run it against PostgreSQL', () => undefined);
  });
} else {
  describeStoreConformance('postgres', async () => {
    const database = `understudy_conformance_${process.pid}_${Date.now()}`;
    await runAdmin(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    const sql = createPgClient({ url: url.toString(), poolSize: 8 });
    return {
      sql,
      dispose: async () => {
        await sql.close();
        await runAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      },
    };
  });
}
