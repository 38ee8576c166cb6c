import { createPgliteClient } from '../../src/store/pglite-client';
import { describeStoreConformance } from './store-conformance';

// Embedded PGlite, in memory: always runs, nothing to install.
describeStoreConformance('pglite', async () => {
  const sql = await createPgliteClient();
  return { sql, dispose: () => sql.close() };
});
